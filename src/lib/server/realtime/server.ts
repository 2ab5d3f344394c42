import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { AccessError, requireAccess } from '../access';
import { findVisibleItem } from '../agenda/store';
import { config } from '../config';
import { useDb } from '../db';
import { sessions } from '../db/schema';
import { onCommittedEvents } from '../events/bus';
import { logger } from '../logger';
import { findMeeting } from '../meetings/queries';
import { setDisconnector, type DisconnectTarget } from './disconnect';
import { authenticateHandshake, HandshakeRefused, type SocketIdentity } from './handshake';
import { actorRooms, eventRooms, lastEventId, rooms, toWire, visibleEventsSince } from './rooms';
import {
	REALTIME_PATH,
	REPLAY_LIMIT,
	type ClientToServer,
	type PresentPerson,
	type ProblemAck,
	type RealtimeEvent,
	type ServerToClient
} from '../../realtime/protocol';

/** Between processes (through Redis): committed events with the rooms they may reach. */
interface InterServer {
	'oho:events': (batch: Array<{ rooms: string[]; event: RealtimeEvent }>) => void;
}
interface SocketData {
	identity: SocketIdentity;
	/** Items this socket has open for editing (a hint for others, never a lock). */
	editing: string[];
}
type IO = Server<ClientToServer, ServerToClient, InterServer, SocketData>;
type AppSocket = Socket<ClientToServer, ServerToClient, InterServer, SocketData>;

export interface RealtimeServer {
	io: IO;
	close(): Promise<void>;
}

const key = Symbol.for('overhedenoverleg.realtime');
type Holder = typeof globalThis & { [key]?: RealtimeServer };

/** The real-time server of this process, if one is attached. */
export function realtimeServer(): RealtimeServer | undefined {
	return (globalThis as Holder)[key];
}

const PRESENCE_DELAY_MS = 250;
const SESSION_SWEEP_MS = 30_000;

const meetingRequest = z.object({ meetingId: z.uuid() }).strict();
const itemRequest = z.object({ itemId: z.uuid() }).strict();
const editingRequest = z.object({ itemId: z.uuid(), editing: z.boolean() }).strict();
const replayRequest = z
	.object({ since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
	.strict();

const UNAVAILABLE = 'Dit lukt nu even niet. Probeer het zo opnieuw.';

/**
 * Attaches socket.io to the app's HTTP server (server.js in production, the Vite dev server in
 * development), on /socket.io. With REDIS_URL, processes share events, presence and disconnects
 * through Redis streams; without it, one process and the in-memory adapter.
 */
export async function attachRealtime(
	httpServer: HttpServer,
	/** redisUrl null: this process alone, whatever REDIS_URL says (tests). */
	options: { redisUrl?: string | null } = {}
): Promise<RealtimeServer> {
	const existing = realtimeServer();
	if (existing) return existing;

	const redisUrl = options.redisUrl === undefined ? config().REDIS_URL : options.redisUrl;
	let redis: Redis | undefined;
	const links = redisLinks();
	if (redisUrl) {
		// Commands wait for the connection instead of failing: with Redis away, the adapter's
		// reads and publications queue up (events reach this process's sockets without Redis)
		// and go out when it is back; failed ones would surface as unhandled rejections.
		redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
		links.track(redis);
	}

	const io: IO = new Server(httpServer, {
		path: REALTIME_PATH,
		serveClient: false,
		// The Vite dev server's own websocket (HMR) shares the HTTP server: leave its upgrades alone.
		destroyUpgrade: false,
		pingInterval: 20_000,
		pingTimeout: 20_000,
		maxHttpBufferSize: 16_384,
		...(redis ? { adapter: createAdapter(redis) } : {})
	});

	io.use(async (socket, next) => {
		try {
			socket.data.identity = await authenticateHandshake({
				headers: socket.request.headers,
				auth: (socket.handshake.auth ?? {}) as Record<string, unknown>
			});
			socket.data.editing = [];
			next();
		} catch (error) {
			const refused =
				error instanceof HandshakeRefused
					? error
					: new HandshakeRefused(UNAVAILABLE, 'unavailable');
			if (!(error instanceof HandshakeRefused)) {
				logger.error({ err: error }, 'realtime: handshake failed');
			}
			next(Object.assign(new Error(refused.message), { data: { code: refused.code } }));
		}
	});

	const presence = presenceBroadcaster(io);
	io.on('connection', (socket) => void onConnection(socket, presence));

	// Committed events of this process: to its own sockets at once, to the others through Redis.
	// The newest event this process has handed to its sockets: where a gap in delivery begins.
	const delivered = { highest: 0 };
	try {
		delivered.highest = await lastEventId(await useDb());
	} catch (error) {
		logger.warn({ err: error }, 'realtime: could not read the newest event id');
	}
	const unsubscribe = onCommittedEvents((rows) => {
		const batch = rows
			.map((row) => ({ rooms: eventRooms(row), event: toWire(row) }))
			.filter((entry) => entry.rooms.length > 0);
		if (batch.length === 0) return;
		deliverLocally(io, batch, delivered);
		if (redis) io.serverSideEmit('oho:events', batch);
	});
	io.on('oho:events', (batch) => deliverLocally(io, batch, delivered));

	// Redis back after a gap: events of other processes may have missed this one (they travel by
	// Redis pub/sub, which keeps nothing for a subscriber that is away), so its clients replay
	// from the log. The gap lasts until every connection is back, the subscriber's above all.
	links.onGap(
		() => delivered.highest,
		(since) => {
			logger.info({ since }, 'realtime: Redis is back; asking clients to catch up');
			io.local.emit('resync', { since });
		}
	);

	setDisconnector((target) => disconnect(io, target));
	const sweep = setInterval(() => void sweepEndedSessions(io), SESSION_SWEEP_MS);
	sweep.unref();

	const server: RealtimeServer = {
		io,
		async close() {
			clearInterval(sweep);
			unsubscribe();
			setDisconnector(undefined);
			presence.stop();
			io.local.disconnectSockets(true);
			io.engine.close();
			await io.of('/').adapter.close?.();
			if (redis) await redis.quit().catch(() => undefined);
			(globalThis as Holder)[key] = undefined;
		}
	};
	(globalThis as Holder)[key] = server;
	logger.info({ path: REALTIME_PATH, redis: Boolean(redis) }, 'realtime attached');
	return server;
}

/**
 * This process's connections to Redis: the one it makes, and those the adapter duplicates from it
 * (a subscriber for pub/sub, a reader for the stream). Each reconnects on its own schedule. A gap
 * begins when any of them drops after all were up, and ends when all are up again; only then may
 * clients replay, or an event published between one connection's return and the subscriber's
 * would be lost to them.
 */
function redisLinks() {
	const connections: Redis[] = [];
	let everReady = false;
	let gapSince: number | null = null;
	let highest: () => number = () => 0;
	let onBack: (since: number) => void = () => undefined;

	function allReady() {
		return connections.every((connection) => connection.status === 'ready');
	}

	function track(connection: Redis) {
		connections.push(connection);
		connection.on('error', (error) =>
			logger.warn({ err: error }, 'realtime: Redis connection error')
		);
		connection.on('close', () => {
			if (everReady && gapSince === null) gapSince = highest();
		});
		connection.on('ready', () => {
			if (!allReady()) return;
			everReady = true;
			if (gapSince !== null) {
				const since = gapSince;
				gapSince = null;
				onBack(since);
			}
		});
		// The adapter makes its own connections with duplicate(): follow those too.
		const duplicate = connection.duplicate.bind(connection);
		connection.duplicate = (...args: Parameters<Redis['duplicate']>) => {
			const copy = duplicate(...args);
			track(copy);
			return copy;
		};
	}

	return {
		track,
		onGap(newest: () => number, back: (since: number) => void) {
			highest = newest;
			onBack = back;
		}
	};
}

function deliverLocally(
	io: IO,
	batch: Array<{ rooms: string[]; event: RealtimeEvent }>,
	delivered: { highest: number }
) {
	for (const { rooms: targets, event } of batch) {
		io.local.to(targets).emit('event', event);
		delivered.highest = Math.max(delivered.highest, event.id);
	}
}

function disconnect(io: IO, target: DisconnectTarget) {
	const targets = [
		...(target.sessionIds ?? []).map(rooms.session),
		...(target.personId ? [rooms.person(target.personId)] : []),
		...(target.tokenId ? [rooms.token(target.tokenId)] : [])
	];
	if (targets.length > 0) io.in(targets).disconnectSockets(true);
}

/** Sessions expire without anyone ending them: look again when the known expiry has passed. */
async function sweepEndedSessions(io: IO) {
	const now = Date.now();
	const due = [...io.of('/').sockets.values()].filter(
		(socket) => socket.data.identity?.recheckAt !== null && socket.data.identity.recheckAt! <= now
	);
	if (due.length === 0) return;
	try {
		const db = await useDb();
		for (const socket of due) {
			const sessionId = socket.data.identity.sessionId!;
			const [row] = await db
				.select({ expiresAt: sessions.expiresAt, absolute: sessions.absoluteExpiresAt })
				.from(sessions)
				.where(eq(sessions.id, sessionId));
			const until = row ? Math.min(row.expiresAt.getTime(), row.absolute.getTime()) : 0;
			if (until <= now) socket.disconnect(true);
			else socket.data.identity.recheckAt = until;
		}
	} catch (error) {
		logger.warn({ err: error }, 'realtime: could not check sessions');
	}
}

async function onConnection(socket: AppSocket, presence: PresenceBroadcaster) {
	const { actor, sessionId, tokenId } = socket.data.identity;
	await socket.join([
		...actorRooms(actor),
		...(sessionId ? [rooms.session(sessionId)] : []),
		...(tokenId ? [rooms.token(tokenId)] : [])
	]);

	answer(socket, 'replay', replayRequest, async ({ since }) => {
		const db = await useDb();
		const rows = await visibleEventsSince(db, actor, since, REPLAY_LIMIT + 1);
		const newest = await lastEventId(db);
		if (rows.length > REPLAY_LIMIT) {
			return { ok: true, events: [], lastEventId: newest, tooFarBehind: true };
		}
		return { ok: true, events: rows.map(toWire), lastEventId: newest, tooFarBehind: false };
	});

	answer(socket, 'meeting:follow', meetingRequest, async ({ meetingId }) => {
		requireAccess(actor, 'meeting.read');
		await findMeeting(await useDb(), meetingId);
		await socket.join(rooms.meeting(meetingId));
		presence.meeting(meetingId);
		return { ok: true, present: await presence.presentIn(rooms.meeting(meetingId)) };
	});

	answer(socket, 'meeting:unfollow', meetingRequest, async ({ meetingId }) => {
		await socket.leave(rooms.meeting(meetingId));
		presence.meeting(meetingId);
		return { ok: true };
	});

	answer(socket, 'item:follow', itemRequest, async ({ itemId }) => {
		await findVisibleItem(await useDb(), actor, itemId);
		await socket.join(rooms.item(itemId));
		return { ok: true, editing: await presence.editingIn(itemId) };
	});

	answer(socket, 'item:unfollow', itemRequest, async ({ itemId }) => {
		await socket.leave(rooms.item(itemId));
		if (socket.data.editing.includes(itemId)) {
			socket.data.editing = socket.data.editing.filter((id) => id !== itemId);
			presence.item(itemId);
		}
		return { ok: true };
	});

	answer(socket, 'item:editing', editingRequest, async ({ itemId, editing }) => {
		if (!socket.rooms.has(rooms.item(itemId))) {
			return problem('invalid_message', 'Volg dit agendapunt eerst (item:follow).');
		}
		const others = socket.data.editing.filter((id) => id !== itemId);
		socket.data.editing = editing ? [...others, itemId] : others;
		presence.item(itemId);
		return { ok: true };
	});

	// Anything else a client sends is answered, and changes nothing.
	socket.onAny((name: string, ...args: unknown[]) => {
		if (KNOWN_MESSAGES.has(name)) return;
		const ack = args.at(-1);
		if (typeof ack === 'function') {
			ack(problem('invalid_message', `Onbekend bericht: ${String(name).slice(0, 40)}.`));
		}
	});

	socket.on('disconnecting', () => {
		for (const room of socket.rooms) {
			if (room.startsWith('meeting:')) presence.meeting(room.slice('meeting:'.length));
		}
		for (const itemId of socket.data.editing) presence.item(itemId);
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

const KNOWN_MESSAGES = new Set([
	'replay',
	'meeting:follow',
	'meeting:unfollow',
	'item:follow',
	'item:unfollow',
	'item:editing'
]);

function problem(code: ProblemAck['error']['code'], message: string): ProblemAck {
	return { ok: false, error: { code, message } };
}

/**
 * One client message: validated with zod, answered through its acknowledgement. Without an
 * acknowledgement there is no one to answer; the message is ignored.
 */
function answer<S extends z.ZodType, A>(
	socket: AppSocket,
	name: string,
	schema: S,
	work: (input: z.infer<S>) => Promise<A | ProblemAck>
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
			ack(await work(parsed.data));
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

interface PresenceBroadcaster {
	meeting(meetingId: string): void;
	item(itemId: string): void;
	presentIn(room: string): Promise<PresentPerson[]>;
	editingIn(itemId: string): Promise<PresentPerson[]>;
	stop(): void;
}

/**
 * Who looks at a meeting, who edits an item: recomputed shortly after a change (joins come in
 * bursts) from the sockets in the room on every process, one entry per person.
 */
function presenceBroadcaster(io: IO): PresenceBroadcaster {
	const pending = new Map<string, NodeJS.Timeout>();

	async function socketsIn(room: string) {
		try {
			return await io.in(room).fetchSockets();
		} catch {
			// The other processes are out of reach (Redis down): this process's own sockets.
			return io.local.in(room).fetchSockets();
		}
	}

	function people(sockets: Array<{ data: Partial<SocketData> }>): PresentPerson[] {
		const byPerson = new Map<string, PresentPerson>();
		for (const { data } of sockets) {
			const actor = data.identity?.actor;
			if (actor) {
				byPerson.set(actor.personId, {
					personId: actor.personId,
					name: actor.name,
					party: actor.party
				});
			}
		}
		return [...byPerson.values()].sort(
			(a, b) => (a.party ?? '~').localeCompare(b.party ?? '~') || a.name.localeCompare(b.name, 'nl')
		);
	}

	const presentIn = async (room: string) => people(await socketsIn(room));
	const editingIn = async (itemId: string) =>
		people(
			(await socketsIn(rooms.item(itemId))).filter((socket) =>
				socket.data.editing?.includes(itemId)
			)
		);

	function later(key: string, work: () => Promise<void>) {
		if (pending.has(key)) return;
		const timer = setTimeout(() => {
			pending.delete(key);
			work().catch((error) => logger.warn({ err: error }, 'realtime: presence failed'));
		}, PRESENCE_DELAY_MS);
		pending.set(key, timer);
	}

	return {
		meeting(meetingId) {
			later(`meeting:${meetingId}`, async () => {
				const present = await presentIn(rooms.meeting(meetingId));
				io.to(rooms.meeting(meetingId)).emit('presence', { meetingId, present });
			});
		},
		item(itemId) {
			later(`item:${itemId}`, async () => {
				const editing = await editingIn(itemId);
				io.to(rooms.item(itemId)).emit('editing', { itemId, editing });
			});
		},
		presentIn,
		editingIn,
		stop() {
			for (const timer of pending.values()) clearTimeout(timer);
			pending.clear();
		}
	};
}
