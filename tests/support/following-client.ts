import { io, type Socket } from 'socket.io-client';
import {
	REALTIME_PATH,
	type ClientToServer,
	type RealtimeEvent,
	type ReplayAck,
	type ServerToClient
} from '../../src/lib/realtime/protocol';

/**
 * A machine client as docs/realtime.md describes one: it replays after every (re)connection and
 * every `resync`, holds live events back during a replay, and applies each event once, in id
 * order. It keeps what it applied and counts what it had to drop, for the fault tests and the
 * benchmark. No automatic reconnection: a test moves it to another process (the load balancer).
 */
export class FollowingClient {
	readonly applied: RealtimeEvent[] = [];
	duplicates = 0;
	/** How often the server asked for a catch-up (`resync`). */
	resyncs = 0;
	outOfOrder = 0;
	last = 0;
	/** Each catch-up: from where, and the ids it brought (for a failing test's message). */
	readonly replays: Array<{ since: number; ids: number[] }> = [];
	socket: Socket<ServerToClient, ClientToServer> | null = null;
	onEvent: ((event: RealtimeEvent, at: number) => void) | null = null;
	/** What went wrong in a catch-up the server asked for. */
	failure: unknown = null;
	#seen = new Set<number>();
	#buffer: RealtimeEvent[] | null = null;

	constructor(
		private readonly credentials: { token?: string; cookie?: string },
		since = 0
	) {
		this.last = since;
	}

	/** Connects to one process; resolves after the first catch-up. */
	connect(url: string): Promise<void> {
		const { token, cookie } = this.credentials;
		const socket: Socket<ServerToClient, ClientToServer> = io(url, {
			path: REALTIME_PATH,
			transports: ['websocket'],
			auth: token ? { token } : {},
			extraHeaders: cookie ? { cookie, origin: url } : {},
			reconnection: false,
			forceNew: true
		});
		this.socket = socket;
		// Live events can arrive between the server's joining the socket to its rooms and its
		// welcome: hold them from the start, or a newer one would move the replay past older ones.
		socket.on('connect', () => {
			this.#buffer ??= [];
		});
		socket.on('event', (event) => {
			if (this.#buffer) this.#buffer.push(event);
			else this.#apply(event);
		});
		socket.on('resync', ({ since }) => {
			this.resyncs++;
			void this.catchUp(since).catch((error: unknown) => (this.failure = error));
		});
		return new Promise((resolve, reject) => {
			socket.once('connect_error', reject);
			socket.once('welcome', () => void this.catchUp().then(resolve, reject));
		});
	}

	/** Replays from the last event applied, or from `from` when that is older (a resync's hint). */
	async catchUp(from?: number): Promise<void> {
		const socket = this.socket;
		if (!socket) return;
		this.#buffer ??= [];
		try {
			const since = Math.min(this.last, from ?? this.last);
			const answer: ReplayAck = await socket.timeout(15_000).emitWithAck('replay', { since });
			if (!answer.ok) throw new Error(`replay refused: ${answer.error.message}`);
			if (answer.tooFarBehind) throw new Error('replay: too far behind');
			this.replays.push({ since, ids: answer.events.map((event) => event.id) });
			for (const event of answer.events) this.#apply(event);
		} finally {
			const waiting = (this.#buffer ?? []).toSorted((a, b) => a.id - b.id);
			this.#buffer = null;
			for (const event of waiting) this.#apply(event);
		}
	}

	disconnected(): Promise<string> {
		return new Promise((resolve) => this.socket?.once('disconnect', (reason) => resolve(reason)));
	}

	close() {
		this.socket?.close();
		this.socket = null;
	}

	#apply(event: RealtimeEvent) {
		if (this.#seen.has(event.id)) {
			this.duplicates++;
			return;
		}
		this.#seen.add(event.id);
		if (event.id < this.last) this.outOfOrder++;
		this.last = Math.max(this.last, event.id);
		this.applied.push(event);
		this.onEvent?.(event, performance.now());
	}
}
