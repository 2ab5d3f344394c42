import type { Socket } from 'socket.io';
import { z } from 'zod';
import { AccessError, requireAccess } from '../access';
import { findVisibleItem } from '../agenda/store';
import { useDb } from '../db';
import { logger } from '../logger';
import { findMeeting } from '../meetings/queries';
import { withPublishedVersions } from '../publications/live';
import { REPLAY_LIMIT, type ProblemAck } from '../../realtime/protocol';
import type { AppSocket } from './io';
import type { Presence } from './presence';
import { withCommentText } from './comment-text';
import { actorRooms, lastEventId, rooms, toWire, visibleEventsSince } from './rooms';

/**
 * What a connected socket may say (docs/realtime.md, "What a client may send"): each message has
 * a zod schema and is answered through its acknowledgement; anything else is answered, and
 * changes nothing. Following is checked like reading, and only feeds presence and editing hints:
 * events reach a socket by its rooms, whether it follows or not.
 */

const meetingRequest = z.object({ meetingId: z.uuid() }).strict();
const itemRequest = z.object({ itemId: z.uuid() }).strict();
const editingRequest = z.object({ itemId: z.uuid(), editing: z.boolean() }).strict();
const replayRequest = z
	.object({ since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
	.strict();

export const UNAVAILABLE = 'Dit lukt nu even niet. Probeer het zo opnieuw.';

const KNOWN_MESSAGES = new Set([
	'replay',
	'meeting:follow',
	'meeting:unfollow',
	'item:follow',
	'item:unfollow',
	'item:editing'
]);

export async function onConnection(socket: AppSocket, presence: Presence) {
	const { actor, sessionId, tokenId } = socket.data.identity;
	await socket.join([
		...actorRooms(actor),
		...(sessionId ? [rooms.session(sessionId)] : []),
		...(tokenId ? [rooms.token(tokenId)] : [])
	]);
	const meeting = (meetingId: string) => ({ kind: 'meeting' as const, id: meetingId });
	const editing = (itemId: string) => ({ kind: 'editing' as const, id: itemId });

	answer(socket, 'replay', replayRequest, async ({ since }) => {
		const db = await useDb();
		const rows = await visibleEventsSince(db, actor, since, REPLAY_LIMIT + 1);
		const newest = await lastEventId(db);
		if (rows.length > REPLAY_LIMIT) {
			return { ok: true, events: [], lastEventId: newest, tooFarBehind: true };
		}
		// Comments with their text as it is now (the log holds none: comment-text.ts), publications
		// with their version (publications/live.ts).
		const replayed = await withPublishedVersions(db, await withCommentText(db, rows.map(toWire)));
		return { ok: true, events: replayed, lastEventId: newest, tooFarBehind: false };
	});

	answer(socket, 'meeting:follow', meetingRequest, async ({ meetingId }) => {
		requireAccess(actor, 'meeting.read');
		await findMeeting(await useDb(), meetingId);
		// Gone while the meeting was looked up: joining now would leave a stale member behind.
		if (socket.disconnected) return problem('unavailable', UNAVAILABLE);
		await socket.join(rooms.meeting(meetingId));
		presence.join(meeting(meetingId), socket);
		const list = await presence.listFor(meeting(meetingId), socket);
		return () => ({ ok: true, present: list() });
	});

	answer(socket, 'meeting:unfollow', meetingRequest, async ({ meetingId }) => {
		await socket.leave(rooms.meeting(meetingId));
		presence.leave(meeting(meetingId), socket);
		return { ok: true };
	});

	answer(socket, 'item:follow', itemRequest, async ({ itemId }) => {
		await findVisibleItem(await useDb(), actor, itemId);
		if (socket.disconnected) return problem('unavailable', UNAVAILABLE);
		await socket.join(rooms.item(itemId));
		const list = await presence.listFor(editing(itemId), null);
		return () => ({ ok: true, editing: list() });
	});

	answer(socket, 'item:unfollow', itemRequest, async ({ itemId }) => {
		await socket.leave(rooms.item(itemId));
		socket.data.editing = socket.data.editing.filter((id) => id !== itemId);
		presence.leave(editing(itemId), socket);
		presence.unfollowed(editing(itemId));
		return { ok: true };
	});

	answer(socket, 'item:editing', editingRequest, async ({ itemId, editing: on }) => {
		if (!socket.rooms.has(rooms.item(itemId))) {
			return problem('invalid_message', 'Volg dit agendapunt eerst (item:follow).');
		}
		const others = socket.data.editing.filter((id) => id !== itemId);
		socket.data.editing = on ? [...others, itemId] : others;
		if (on) presence.join(editing(itemId), socket);
		else presence.leave(editing(itemId), socket);
		return { ok: true };
	});

	socket.onAny((name: string, ...args: unknown[]) => {
		if (KNOWN_MESSAGES.has(name)) return;
		const ack = args.at(-1);
		if (typeof ack === 'function') {
			ack(problem('invalid_message', `Onbekend bericht: ${String(name).slice(0, 40)}.`));
		}
	});

	socket.on('disconnecting', () => {
		const prefix = rooms.meeting('');
		for (const room of socket.rooms) {
			if (room.startsWith(prefix)) presence.leave(meeting(room.slice(prefix.length)), socket);
		}
		for (const itemId of socket.data.editing) presence.leave(editing(itemId), socket);
		const itemPrefix = rooms.item('');
		for (const room of socket.rooms) {
			if (room.startsWith(itemPrefix)) presence.unfollowed(editing(room.slice(itemPrefix.length)));
		}
	});

	const newest = await useDb()
		.then(lastEventId)
		.catch((error: unknown) => {
			logger.warn({ err: error }, 'realtime: could not read the newest event id');
			return 0;
		});
	socket.emit('welcome', {
		personId: actor.personId,
		organisationId: actor.organisationId,
		lastEventId: newest
	});
}

function problem(code: ProblemAck['error']['code'], message: string): ProblemAck {
	return { ok: false, error: { code, message } };
}

/**
 * One client message: validated with zod, answered through its acknowledgement. Without an
 * acknowledgement there is no one to answer; the message is ignored. `work` may answer with a
 * function, called right before the acknowledgement goes out: a presence list made then is the
 * one the deltas after it on the socket start from.
 */
function answer<S extends z.ZodType, A>(
	socket: AppSocket,
	name: string,
	schema: S,
	work: (input: z.infer<S>) => Promise<A | ProblemAck | (() => A)>
) {
	(socket as unknown as Socket).on(name, async (...args: unknown[]) => {
		const ack =
			typeof args.at(-1) === 'function' ? (args.pop() as (answer: unknown) => void) : null;
		if (!ack) return;
		const parsed = schema.safeParse(args[0]);
		if (!parsed.success) {
			const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'bericht');
			ack(
				problem('invalid_message', `Dit bericht klopt niet (${[...new Set(fields)].join(', ')}).`)
			);
			return;
		}
		try {
			const result = await work(parsed.data);
			ack(typeof result === 'function' ? (result as () => A)() : result);
		} catch (error) {
			if (error instanceof AccessError) {
				ack(
					error.status === 404
						? problem('not_found', 'Dit bestaat niet, of u mag het niet zien.')
						: problem('forbidden', 'Dit mag u niet.')
				);
				return;
			}
			logger.error({ err: error, message: name }, 'realtime: message failed');
			ack(problem('unavailable', UNAVAILABLE));
		}
	});
}
