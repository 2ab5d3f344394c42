import { io, type Socket } from 'socket.io-client';
import {
	applyPresenceDelta,
	REALTIME_PATH,
	type ClientToServer,
	type FollowMeetingAck,
	type PresentPerson,
	type RealtimeEvent,
	type ReplayAck,
	type ServerToClient
} from '../../src/lib/realtime/protocol';
import { ReplayPoint } from '../../src/lib/realtime/replay-point';

/**
 * A machine client as docs/realtime.md describes one: it replays after every (re)connection and
 * every `resync` from its replay point (a margin below the newest id it saw, as the browser
 * client does: src/lib/realtime/replay-point.ts), holds live events back during a replay, and
 * handles each event once. It keeps what it handled in id order (an older event of another
 * process may come after a newer one: it takes its place) and counts what it had to drop, for
 * the fault tests and the benchmarks. No automatic reconnection: a test moves it to another
 * process (the load balancer's part).
 */
export class FollowingClient {
	/** Every event handled, in id order. */
	readonly applied: RealtimeEvent[] = [];
	duplicates = 0;
	/** How often the server asked for a catch-up (`resync`). */
	resyncs = 0;
	/** Events that came after a newer one (they are put in their place in `applied`). */
	outOfOrder = 0;
	/** Each catch-up: from where, and the ids it brought (for a failing test's message). */
	readonly replays: Array<{ since: number; ids: number[] }> = [];
	socket: Socket<ServerToClient, ClientToServer> | null = null;
	onEvent: ((event: RealtimeEvent, at: number) => void) | null = null;
	/** What went wrong in a catch-up the server asked for. */
	failure: unknown = null;
	/** Who is present in each followed meeting: the follow's answer with the deltas applied. */
	readonly presence = new Map<string, PresentPerson[]>();
	/** Called after each presence change of a followed meeting. */
	onPresence: ((meetingId: string, present: PresentPerson[]) => void) | null = null;
	readonly point: ReplayPoint;
	#buffer: RealtimeEvent[] | null = null;

	constructor(
		private readonly credentials: { token?: string; cookie?: string },
		since = 0
	) {
		this.point = new ReplayPoint(since);
	}

	/** The newest event id handled. */
	get last(): number {
		return this.point.highest;
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
		socket.on('disconnect', () => this.point.broken());
		socket.io.on('ping', () => this.point.alive());
		socket.on('presence', ({ meetingId, ...delta }) => {
			this.point.alive();
			const present = this.presence.get(meetingId);
			if (!present) return; // before the follow's answer: that answer is newer
			this.presence.set(meetingId, applyPresenceDelta(present, delta));
			this.onPresence?.(meetingId, this.presence.get(meetingId)!);
		});
		socket.on('event', (event) => {
			this.point.alive();
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

	/** Replays from the replay point, or from `from` when that is older (a resync's hint). */
	async catchUp(from?: number): Promise<void> {
		const socket = this.socket;
		if (!socket) return;
		this.#buffer ??= [];
		try {
			if (from !== undefined) this.point.lower(from);
			const since = this.point.floor;
			const answer: ReplayAck = await socket.timeout(15_000).emitWithAck('replay', { since });
			if (!answer.ok) throw new Error(`replay refused: ${answer.error.message}`);
			if (answer.tooFarBehind) throw new Error('replay: too far behind');
			this.replays.push({ since, ids: answer.events.map((event) => event.id) });
			for (const event of answer.events) this.#apply(event);
			if (socket.connected) this.point.replayed();
		} finally {
			const waiting = (this.#buffer ?? []).toSorted((a, b) => a.id - b.id);
			this.#buffer = null;
			for (const event of waiting) this.#apply(event);
		}
	}

	/** Follows a meeting's presence (on this connection). */
	followMeeting(meetingId: string): Promise<FollowMeetingAck> {
		// The list is set in the acknowledgement's callback itself: the deltas after it can come in
		// the same batch of packets, before an awaiting function would resume.
		return new Promise((resolve, reject) => {
			this.socket!.timeout(60_000).emit(
				'meeting:follow',
				{ meetingId },
				(error: Error | null, answer: FollowMeetingAck) => {
					if (error) return reject(error);
					if (answer.ok) {
						this.presence.set(meetingId, answer.present);
						this.onPresence?.(meetingId, answer.present);
					}
					resolve(answer);
				}
			);
		});
	}

	disconnected(): Promise<string> {
		return new Promise((resolve) => this.socket?.once('disconnect', (reason) => resolve(reason)));
	}

	close() {
		this.socket?.close();
		this.socket = null;
	}

	#apply(event: RealtimeEvent) {
		const newest = this.point.highest;
		if (!this.point.take(event.id)) {
			this.duplicates++;
			return;
		}
		let at = this.applied.length;
		if (event.id < newest) {
			this.outOfOrder++;
			while (at > 0 && this.applied[at - 1]!.id > event.id) at--;
		}
		this.applied.splice(at, 0, event);
		this.onEvent?.(event, performance.now());
	}
}
