import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { config } from '../config';
import { logger } from '../logger';
import { REALTIME_PATH } from '../../realtime/protocol';
import { startDelivery } from './delivery';
import { authenticateHandshake, HandshakeRefused } from './handshake';
import type { IO } from './io';
import { onConnection, UNAVAILABLE } from './messages';
import { presence as startPresence } from './presence';
import { startPublic } from './public';
import { redisLinks } from './redis-links';
import { endSocketsWithTheirSessions } from './sessions';

/**
 * The real-time server: socket.io on the app's own HTTP server. Its parts, one module each:
 * handshake.ts (who a socket is), messages.ts (what a socket may say), delivery.ts (committed
 * events to rooms, here and across processes), presence.ts (who is there, as deltas),
 * redis-links.ts (the connections to Redis, and the gaps when they drop), sessions.ts (sockets
 * end with their sessions), rooms.ts (rooms are audiences; the replay), public.ts (the public
 * pages' anonymous, read-only namespace).
 */

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
	const links = redisUrl ? redisLinks() : null;
	if (redisUrl && links) {
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
		...(redis
			? {
					adapter: createAdapter(redis, {
						streamName: `${config().REDIS_PREFIX}:socket.io`,
						channelPrefix: `${config().REDIS_PREFIX}:socket.io`,
						sessionKeyPrefix: `${config().REDIS_PREFIX}:socket.io-session:`
					})
				}
			: {})
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

	const presence = startPresence(io, links);
	io.on('connection', (socket) => void onConnection(socket, presence));
	const publicSide = startPublic(io);
	const delivery = await startDelivery(io, links, publicSide);
	const stopSessions = endSocketsWithTheirSessions(io);

	const server: RealtimeServer = {
		io,
		async close() {
			stopSessions();
			delivery.stop();
			presence.stop();
			io.local.disconnectSockets(true);
			await publicSide.stop();
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
