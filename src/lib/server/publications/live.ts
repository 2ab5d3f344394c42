import { and, eq, or } from 'drizzle-orm';
import { publicAgreementProjection } from '../agreements/public-live';
import type { Executor } from '../db';
import { decisionListVersions } from '../db/schema';
import type { PublishedVersionMeta } from '../../decisions/published';
import type { RealtimeEvent } from '../../realtime/protocol';
import {
	publicPayloads,
	publishedList,
	publishedVersionMeta
} from '../../realtime/public-payloads';

/*
 * The public side, live. A publication's event says which version was published; the version
 * itself (its meta and its snapshot, all a public page needs to show it in place) is added on the
 * way out, once per event and not per socket, from decision_list_version: the public side's one
 * source, immutable, and already kept for good. So the log does not keep a second copy of every
 * snapshot, and an event carries exactly what the public pages show (real-time delivery and the
 * replay call this, as they call comment-text.ts for comments).
 *
 * The public projection (publicProjection) is what an anonymous socket gets: only the types the
 * public catalogue describes (realtime/public-payloads.ts), each payload parsed by its schema so
 * that no field it does not describe goes along, and nobody's name or organisation. An
 * agreement's events are projected by agreements/public-live.ts (realtime/public-agreement-payloads.ts).
 */

const PUBLISHED = 'publication.published.v1';

type VersionRow = typeof decisionListVersions.$inferSelect;

/** A version's meta as the public pages show it (the versions list, the live notice). */
export function versionMeta(row: VersionRow): PublishedVersionMeta {
	return {
		number: row.number,
		publishedAt: row.publishedAt.toISOString(),
		reason: row.reason,
		reasonCode: row.reasonCode,
		note: row.note
	};
}

const versionOf = (event: RealtimeEvent) => {
	const { meetingId, number } = event.payload;
	return typeof meetingId === 'string' && typeof number === 'number' ? { meetingId, number } : null;
};

/** The events with each publication's version and snapshot; others pass as they are, in order. */
export async function withPublishedVersions(
	db: Executor,
	events: RealtimeEvent[]
): Promise<RealtimeEvent[]> {
	const wanted = events
		.filter((event) => event.type === PUBLISHED)
		.map(versionOf)
		.filter((key) => key !== null);
	if (wanted.length === 0) return events;
	const rows = await db
		.select()
		.from(decisionListVersions)
		.where(
			or(
				...wanted.map((key) =>
					and(
						eq(decisionListVersions.meetingId, key.meetingId),
						eq(decisionListVersions.number, key.number)
					)
				)
			)
		);
	const found = new Map(rows.map((row) => [`${row.meetingId}:${row.number}`, row]));
	return events.map((event) => {
		const key = event.type === PUBLISHED ? versionOf(event) : null;
		if (!key) return event;
		const row = found.get(`${key.meetingId}:${key.number}`);
		return {
			...event,
			payload: {
				...event.payload,
				version: row ? versionMeta(row) : null,
				list: row ? row.snapshot : null
			}
		};
	});
}

/** Publication events as they go when their version could not be read: pages reload instead. */
export function withoutPublishedVersions(events: RealtimeEvent[]): RealtimeEvent[] {
	return events.map((event) =>
		event.type === PUBLISHED
			? { ...event, payload: { ...event.payload, version: null, list: null } }
			: event
	);
}

/**
 * An event as the public may hear it; null for anything the public catalogue does not describe.
 * A version or snapshot that does not fit its schema (an older snapshot's shape) goes as null,
 * and the page reads the publication again instead of applying it.
 */
export function publicProjection(event: RealtimeEvent): RealtimeEvent | null {
	// The public agreements' events (issue 14), projected by their own module.
	if (event.subjectType === 'agreement') return publicAgreementProjection(event);
	if (event.type !== PUBLISHED) return null;
	const base = publicPayloads[PUBLISHED].shape;
	const meetingId = base.meetingId.safeParse(event.payload.meetingId);
	const title = base.title.safeParse(event.payload.title);
	const number = base.number.safeParse(event.payload.number);
	if (!meetingId.success || !title.success || !number.success) return null;
	const version = publishedVersionMeta.safeParse(event.payload.version);
	const list = publishedList.safeParse(event.payload.list);
	return {
		id: event.id,
		type: event.type,
		occurredAt: event.occurredAt,
		subjectType: event.subjectType,
		subjectId: event.subjectId,
		meetingId: event.meetingId,
		actorPersonId: null,
		actorOrganisationId: null,
		payload: {
			meetingId: meetingId.data,
			title: title.data,
			number: number.data,
			version: version.success ? version.data : null,
			list: list.success ? list.data : null
		}
	};
}
