/* eslint-disable svelte/prefer-svelte-reactivity -- bookkeeping, not state: only `state`, `presence` and `editing` are read by the pages */
import { io, type Socket } from 'socket.io-client';
import { Follows } from './follows.svelte';
import {
	REALTIME_PATH,
	type ClientToServer,
	type RealtimeEvent,
	type ReplayAck,
	type ServerToClient
} from './protocol';
import { ReplayPoint } from './replay-point';

/**
 * The browser's live connection: one socket for the whole signed-in session, shared by every page.
 * It applies each event once; after a lost connection it asks for everything since its replay
 * point, a margin below the newest event it saw, since an older event of another app process may
 * still have been on its way (./replay-point.ts; too far behind, it tells the page to reload its
 * data); and it carries what the pages follow (./follows.svelte.ts) over every reconnection.
 */
export type ConnectionState =
	/** Not started, or signed out. */
	| 'idle'
	| 'connecting'
	| 'connected'
	| 'reconnecting'
	/** Caught up after a lost connection (shown for a few seconds). */
	| 'caught-up'
	/** The server refused or ended the connection (signed out elsewhere). */
	| 'refused';

export type EventListener = (event: RealtimeEvent, replayed: boolean) => void;

const CAUGHT_UP_MS = 5_000;

export class RealtimeClient {
	state = $state<ConnectionState>('idle');

	#socket: Socket<ServerToClient, ClientToServer> | null = null;
	readonly #follows = new Follows(() => this.#socket);
	/** Who looks at each followed meeting. */
	readonly presence = this.#follows.presence;
	/** Who edits each followed item. */
	readonly editing = this.#follows.editing;

	#point = new ReplayPoint(0);
	#listeners = new Set<EventListener>();
	#reloadListeners = new Set<() => void>();
	#connectedBefore = false;
	#caughtUpTimer: ReturnType<typeof setTimeout> | undefined;
	#stopListening = () => {};
	/** Live events that arrived during a catch-up; applied after it. */
	#buffer: RealtimeEvent[] | null = null;

	#flushBuffer() {
		const waiting = (this.#buffer ?? []).toSorted((a, b) => a.id - b.id);
		this.#buffer = null;
		for (const event of waiting) this.#apply(event, false);
	}

	/** The newest event id applied. */
	get lastEventId() {
		return this.#point.highest;
	}

	/** Connects (once); `since` is the newest event id when the page was made. */
	start(since: number, url?: string) {
		if (this.#socket) return;
		this.#point = new ReplayPoint(since);
		this.state = 'connecting';
		const socket: Socket<ServerToClient, ClientToServer> = io(url ?? '', {
			path: REALTIME_PATH,
			transports: ['websocket', 'polling'],
			withCredentials: true,
			reconnectionDelay: 500,
			reconnectionDelayMax: 5_000,
			// A connection attempt into a dead network gives up after this and tries again.
			timeout: 5_000
		});
		this.#socket = socket;
		// Back online: try at once instead of waiting for the next attempt.
		const onOnline = () => {
			if (socket.connected) return;
			socket.disconnect();
			socket.connect();
		};
		window.addEventListener('online', onOnline);
		this.#stopListening = () => window.removeEventListener('online', onOnline);

		// From the moment the socket is in: the server joins it to its rooms before it says welcome,
		// so live events can come before the catch-up has begun. Held back until it ends, so that
		// the older events the replay brings are applied first.
		socket.on('connect', () => {
			this.#buffer ??= [];
		});
		// Any message on a live connection shows that what came a margin before it is complete.
		socket.io.on('ping', () => this.#point.alive());
		socket.on('welcome', () => {
			// Every (re)connection: follow again what the pages follow, then catch up from the log.
			this.#follows.followAgain();
			const wasConnected = this.#connectedBefore;
			this.#connectedBefore = true;
			void this.catchUp(wasConnected);
		});
		socket.on('event', (event) => {
			this.#point.alive();
			// During a catch-up, live events wait, so that everything is applied in id order.
			if (this.#buffer) this.#buffer.push(event);
			else this.#apply(event, false);
		});
		socket.on('resync', ({ since }) => void this.catchUp(true, since));
		socket.on('presence', ({ meetingId, ...delta }) => {
			this.#point.alive();
			this.#follows.applyPresence(meetingId, delta);
		});
		socket.on('editing', ({ itemId, ...delta }) => {
			this.#point.alive();
			this.#follows.applyEditing(itemId, delta);
		});
		socket.on('disconnect', (reason) => {
			this.#point.broken();
			if (reason === 'io client disconnect') return;
			// The server ends the socket when the session ends; socket.io does not come back then.
			this.state = reason === 'io server disconnect' ? 'refused' : 'reconnecting';
		});
		socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
			if (!socket.active && error.data?.code === 'unavailable') {
				// The server could not check the session just now (its database): try again shortly.
				this.state = 'reconnecting';
				setTimeout(() => socket.connect(), 5_000);
				return;
			}
			this.state = socket.active ? 'reconnecting' : 'refused';
		});
	}

	stop() {
		this.#stopListening();
		this.#socket?.close();
		this.#socket = null;
		this.state = 'idle';
	}

	/**
	 * Every event, once; `replayed` when it came from a catch-up. Mostly in id order, but an older
	 * event of another app process can come after a newer one of this process.
	 */
	onEvent(listener: EventListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Called when the client fell too far behind to replay: reload the page's data. */
	onReload(listener: () => void): () => void {
		this.#reloadListeners.add(listener);
		return () => this.#reloadListeners.delete(listener);
	}

	/**
	 * Asks for every event since the replay point and applies those not applied yet, in order.
	 * `from`: replay from there when it is older (a resync's hint).
	 */
	async catchUp(announce: boolean, from?: number) {
		const socket = this.#socket;
		if (!socket) return;
		let answer: ReplayAck;
		this.#buffer ??= [];
		try {
			if (from !== undefined) this.#point.lower(from);
			const since = this.#point.floor;
			answer = await socket.timeout(10_000).emitWithAck('replay', { since });
		} catch {
			this.#flushBuffer();
			return; // no answer (connection lost again): the next connection catches up
		}
		if (!answer.ok) {
			// The server could not read the log just now: reload the page's data instead.
			this.#flushBuffer();
			for (const listener of this.#reloadListeners) listener();
			this.state = 'connected';
			return;
		}
		if (answer.tooFarBehind) {
			this.#point.skipTo(answer.lastEventId);
			for (const listener of this.#reloadListeners) listener();
		} else {
			for (const event of answer.events) this.#apply(event, true);
		}
		if (socket.connected) this.#point.replayed();
		this.#flushBuffer();
		if (announce) {
			this.state = 'caught-up';
			clearTimeout(this.#caughtUpTimer);
			this.#caughtUpTimer = setTimeout(() => {
				if (this.state === 'caught-up') this.state = 'connected';
			}, CAUGHT_UP_MS);
		} else {
			this.state = 'connected';
		}
	}

	/** Follows a meeting while the returned function has not been called (presence). */
	followMeeting(meetingId: string): () => void {
		return this.#follows.followMeeting(meetingId);
	}

	/** Follows an item (who edits it) while the returned function has not been called. */
	followItem(itemId: string): () => void {
		return this.#follows.followItem(itemId);
	}

	/** Says this page has the item open for editing (a hint to others, not a lock). */
	setEditing(itemId: string, editing: boolean) {
		this.#follows.setEditing(itemId, editing);
	}

	#apply(event: RealtimeEvent, replayed: boolean) {
		if (!this.#point.take(event.id)) return;
		for (const listener of this.#listeners) listener(event, replayed);
	}
}

/** The page's one connection. */
export const realtime = new RealtimeClient();
