import { onCommittedEvents, publishElsewhere } from '../events/bus';
import { logger } from '../logger';
import { useDb } from '../db';
import { withoutPublishedVersions, withPublishedVersions } from '../publications/live';
import type { RealtimeEvent } from '../../realtime/protocol';
import type { IO } from './io';
import { noteDelivered } from './live';
import type { PublicSide } from './public';
import type { RedisLinks } from './redis-links';
import { withCommentText } from './comment-text';
import { eventRooms, lastEventId, reachesPublic, toWire } from './rooms';

type Batch = Array<{ rooms: string[]; event: RealtimeEvent }>;

/**
 * Committed events to the rooms that may see them: this process's own to its own sockets at once
 * and to the other processes through Redis; theirs, when they arrive, to this process's sockets.
 * The two paths do not wait for each other, so a client may get a newer event of this process
 * before an older one of another: clients replay from a margin below the newest id they saw
 * (docs/realtime.md, "Replay and catching up"). What reaches the public room goes, in its public
 * projection, to the anonymous sockets of the public namespace as well (public.ts), by the same
 * two paths.
 */
export async function startDelivery(
	io: IO,
	links: RedisLinks | null,
	publicSide: PublicSide | null = null
) {
	// The newest event this process has handed to its sockets: where a gap in delivery begins.
	let highest = 0;
	try {
		highest = await lastEventId(await useDb());
	} catch (error) {
		logger.warn({ err: error }, 'realtime: could not read the newest event id');
	}

	function deliverLocally(batch: Batch) {
		for (const { rooms, event } of batch) {
			io.local.to(rooms).emit('event', event);
			highest = Math.max(highest, event.id);
			// Where a page loaded now starts listening: only ids that reached this process count.
			noteDelivered(event.id);
		}
		publicSide?.deliver(
			batch.filter(({ rooms }) => reachesPublic(rooms)).map(({ event }) => event)
		);
	}

	async function withText(batch: Batch): Promise<Batch> {
		try {
			const events = await withCommentText(
				await useDb(),
				batch.map(({ event }) => event)
			);
			return batch.map((entry, n) => ({ ...entry, event: events[n]! }));
		} catch (error) {
			// Without its comment the event still goes, and a page that cannot apply it reloads.
			logger.warn({ err: error }, 'realtime: could not read a comment for its event');
			return batch.map((entry) =>
				entry.event.subjectType === 'comment'
					? {
							...entry,
							event: { ...entry.event, payload: { ...entry.event.payload, comment: null } }
						}
					: entry
			);
		}
	}

	/** What the log does not keep: a comment's text, a publication's version (both on the way out). */
	async function completed(batch: Batch): Promise<Batch> {
		const withComments = batch.some(({ event }) => event.subjectType === 'comment')
			? await withText(batch)
			: batch;
		const events = withComments.map(({ event }) => event);
		try {
			const published = await withPublishedVersions(await useDb(), events);
			return withComments.map((entry, n) => ({ ...entry, event: published[n]! }));
		} catch (error) {
			// Without its version the event still goes: a public page that cannot apply it reloads.
			logger.warn({ err: error }, 'realtime: could not read a published version for its event');
			const bare = withoutPublishedVersions(events);
			return withComments.map((entry, n) => ({ ...entry, event: bare[n]! }));
		}
	}

	function deliver(batch: Batch) {
		deliverLocally(batch);
		if (links) io.serverSideEmit('oho:events', batch);
	}

	// A batch with a comment or a publication waits for what the log does not keep (the comment's
	// text, the published version); the batches after it wait their turn, so that this process's
	// events still leave in the order they committed. Other processes get them completed.
	let queue: Promise<void> | null = null;
	const unsubscribe = onCommittedEvents((rows) => {
		const batch = rows
			.map((row) => ({ rooms: eventRooms(row), event: toWire(row) }))
			.filter((entry) => entry.rooms.length > 0);
		if (batch.length === 0) return;
		const incomplete = batch.some(
			({ event }) => event.subjectType === 'comment' || event.subjectType === 'publication'
		);
		if (!queue && !incomplete) return deliver(batch);
		const turn: Promise<void> = (queue ?? Promise.resolve())
			.then(async () => deliver(incomplete ? await completed(batch) : batch))
			.catch((error: unknown) => logger.error({ err: error }, 'realtime: delivery failed'))
			.finally(() => {
				if (queue === turn) queue = null;
			});
		queue = turn;
	});
	io.on('oho:events', (batch: Batch) => {
		// First what this process keeps about them, so that a page reloaded for them reads anew.
		publishElsewhere(batch.map(({ event }) => event));
		deliverLocally(batch);
	});

	if (links) {
		links.measureGapsFrom(() => highest);
		// Redis back after a gap: events of other processes may have missed this one, so its
		// clients replay from the log.
		links.onBack((since) => {
			logger.info({ since }, 'realtime: Redis is back; asking clients to catch up');
			publishElsewhere(null);
			io.local.emit('resync', { since });
			publicSide?.resync(since);
		});
	}

	return { stop: unsubscribe };
}
