import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { config } from '../config';
import { useDb } from '../db';
import { logger } from '../logger';
import { publicProjection, withPublishedVersions } from '../publications/live';
import { REPLAY_LIMIT, type ProblemAck, type RealtimeEvent } from '../../realtime/protocol';
import {
	PUBLIC_NAMESPACE,
	type PublicClientToServer,
	type PublicServerToClient
} from '../../realtime/public-protocol';
import { clientAddress } from './client-address';
import type { InterServer, IO } from './io';
import { UNAVAILABLE } from './messages';
import { lastEventId, publicEventsSince, toWire } from './rooms';

/**
 * The public pages' socket (docs/realtime.md, "The public socket"): the namespace /public on the
 * same server and path, for anyone and without an account. Its handshake reads no cookie and no
 * token (whatever is sent, the socket is nobody's: this namespace has no identity to give), so
 * it can only be what a visitor is: the public audience. It hears the public projection of the
 * events that reach the public room (server/publications/live.ts), may ask for a replay of
 * those, and nothing else. Each address holds at most PUBLIC_SOCKETS_PER_IP of these sockets in
 * this process, counted by the rule the rate limits use (client-address.ts).
 */

type PublicNamespace = Namespace<PublicClientToServer, PublicServerToClient, InterServer>;
type PublicSocket = Socket<PublicClientToServer, PublicServerToClient, InterServer>;

export const TOO_MANY =
	'Er zijn vanaf uw adres al veel pagina’s live verbonden. Deze pagina werkt gewoon; ververs haar om nieuwe versies te zien.';

const replayRequest = z
	.object({ since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
	.strict();

const problem = (code: ProblemAck['error']['code'], message: string): ProblemAck => ({
	ok: false,
	error: { code, message }
});

export type PublicSide = ReturnType<typeof startPublic>;

export function startPublic(io: IO) {
	const namespace = io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;
	/** Per address, the ids of its sockets here (admitted, connecting or connected). */
	const held = new Map<string, Set<string>>();

	namespace.use((socket, next) => {
		const address = clientAddress(socket.request) ?? 'unknown';
		const sockets = held.get(address) ?? new Set<string>();
		if (sockets.size >= config().PUBLIC_SOCKETS_PER_IP) {
			next(Object.assign(new Error(TOO_MANY), { data: { code: 'too_many' } }));
			return;
		}
		sockets.add(socket.id);
		held.set(address, sockets);
		// A socket that never connects (its connection closed during the handshake) has no
		// disconnect: its connection's close frees the place then.
		const release = () => {
			socket.conn.off('close', release);
			sockets.delete(socket.id);
			if (sockets.size === 0 && held.get(address) === sockets) held.delete(address);
		};
		socket.conn.once('close', release);
		socket.once('disconnect', release);
		next();
	});

	namespace.on('connection', (socket) => void onPublicConnection(socket));

	return {
		/** Committed events that reach the public room (their comments and versions added). */
		deliver(events: RealtimeEvent[]) {
			for (const event of events) {
				const projected = publicProjection(event);
				if (projected) namespace.local.emit('event', projected);
			}
		},
		resync(since: number) {
			namespace.local.emit('resync', { since });
		},
		/** How many sockets an address holds here (tests). */
		heldBy: (address: string) => held.get(address)?.size ?? 0,
		async stop() {
			namespace.local.disconnectSockets(true);
			await namespace.adapter.close?.();
		}
	};
}

async function onPublicConnection(socket: PublicSocket) {
	// Everything but a replay is answered, and changes nothing.
	socket.onAny((name: string, ...args: unknown[]) => {
		if (name === 'replay') return;
		const ack = args.at(-1);
		if (typeof ack === 'function') {
			ack(
				problem(
					'invalid_message',
					`Op de openbare verbinding kan alleen om een replay worden gevraagd, niet om ${String(name).slice(0, 40)}.`
				)
			);
		}
	});

	(socket as unknown as Socket).on('replay', async (...args: unknown[]) => {
		const ack =
			typeof args.at(-1) === 'function' ? (args.pop() as (answer: unknown) => void) : null;
		if (!ack) return;
		const parsed = replayRequest.safeParse(args[0]);
		if (!parsed.success) {
			ack(problem('invalid_message', 'Dit bericht klopt niet (since).'));
			return;
		}
		try {
			ack(await replay(parsed.data.since));
		} catch (error) {
			logger.error({ err: error }, 'realtime: public replay failed');
			ack(problem('unavailable', UNAVAILABLE));
		}
	});

	const newest = await useDb()
		.then(lastEventId)
		.catch((error: unknown) => {
			logger.warn({ err: error }, 'realtime: could not read the newest event id');
			return 0;
		});
	socket.emit('welcome', { lastEventId: newest });
}

/** The public events since `since`, projected as they go live; too many: reload instead. */
async function replay(since: number) {
	const db = await useDb();
	const rows = await publicEventsSince(db, since, REPLAY_LIMIT + 1);
	const newest = await lastEventId(db);
	if (rows.length > REPLAY_LIMIT) {
		return { ok: true, events: [], lastEventId: newest, tooFarBehind: true } as const;
	}
	const events = (await withPublishedVersions(db, rows.map(toWire)))
		.map(publicProjection)
		.filter((event) => event !== null);
	return { ok: true, events, lastEventId: newest, tooFarBehind: false } as const;
}
