import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { Actor } from '../../../src/lib/server/access';
import { createSession } from '../../../src/lib/server/auth/session';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/cookie';
import { useDb } from '../../../src/lib/server/db';
import { sessionPolicy } from '../../../src/lib/server/identity/context';
import { attachRealtime, type RealtimeServer } from '../../../src/lib/server/realtime/server';
import {
	REALTIME_PATH,
	type ClientToServer,
	type RealtimeEvent,
	type ServerToClient
} from '../../../src/lib/realtime/protocol';

export type TestSocket = Socket<ServerToClient, ClientToServer>;

/** An HTTP server of the test's own with socket.io attached, on a free port. */
export async function startRealtime(): Promise<{
	url: string;
	realtime: RealtimeServer;
	stop(): Promise<void>;
}> {
	const http: HttpServer = createServer((_req, res) => res.writeHead(404).end());
	const realtime = await attachRealtime(http, { redisUrl: null });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	return {
		url,
		realtime,
		async stop() {
			await realtime.close();
			http.closeAllConnections();
			await new Promise((resolve) => http.close(resolve));
		}
	};
}

/** A signed-in session for the actor: the cookie a browser would send. */
export async function sessionCookie(actor: Actor, twoFactorVerified = true) {
	const db = await useDb();
	const { token, session } = await createSession(db, actor.personId, sessionPolicy(), {
		twoFactorVerified
	});
	return { cookie: `${SESSION_COOKIE}=${token}`, sessionId: session.id };
}

export interface Listener {
	socket: TestSocket;
	events: RealtimeEvent[];
	welcome: Promise<{ personId: string; lastEventId: number }>;
	close(): void;
}

/** A client as a browser on the app's page would connect: cookie and the app's Origin. */
export function client(
	url: string,
	headers: Record<string, string>,
	auth: Record<string, unknown> = {}
): Listener {
	const socket: TestSocket = connect(url, {
		path: REALTIME_PATH,
		transports: ['websocket'],
		extraHeaders: headers,
		auth,
		forceNew: true,
		reconnection: false
	});
	const events: RealtimeEvent[] = [];
	socket.on('event', (event) => events.push(event));
	const welcome = new Promise<{ personId: string; lastEventId: number }>((resolve, reject) => {
		socket.once('welcome', resolve);
		socket.once('connect_error', reject);
	});
	// A refused client is awaited through refusal(), not here.
	welcome.catch(() => undefined);
	return { socket, events, welcome, close: () => socket.close() };
}

export async function signedInClient(url: string, actor: Actor): Promise<Listener> {
	const { cookie } = await sessionCookie(actor);
	const listener = client(url, { cookie, origin: url });
	await listener.welcome;
	return listener;
}

/** The error a refused handshake gives. */
export function refusal(listener: Listener): Promise<Error & { data?: { code?: string } }> {
	return new Promise((resolve, reject) => {
		listener.socket.once('connect_error', resolve);
		listener.socket.once('connect', () => reject(new Error('connected, expected a refusal')));
	});
}

/** Waits until `check` holds (events arrive asynchronously), at most `ms`. */
export async function eventually(
	check: () => boolean | Promise<boolean>,
	ms = 3_000
): Promise<void> {
	const until = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > until) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export function disconnected(listener: Listener): Promise<string> {
	return new Promise((resolve) => {
		if (!listener.socket.connected) resolve('already');
		listener.socket.once('disconnect', (reason) => resolve(reason));
	});
}

export function emitWithAck<T>(listener: Listener, name: string, ...args: unknown[]): Promise<T> {
	return (listener.socket as unknown as Socket)
		.timeout(3_000)
		.emitWithAck(name, ...args) as Promise<T>;
}
