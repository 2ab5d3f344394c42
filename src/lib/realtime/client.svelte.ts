/* eslint-disable svelte/prefer-svelte-reactivity -- bookkeeping, not state: only `state`, `presence` and `editing` are read by the pages */
import { io, type Socket } from 'socket.io-client';
import { SvelteMap } from 'svelte/reactivity';
import {
	applyPresenceDelta,
	REALTIME_PATH,
	type ClientToServer,
	type FollowItemAck,
	type FollowMeetingAck,
	type PresentPerson,
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
 * data); it re-follows what the pages follow; and it keeps presence and editing hints for them,
 * from the follow's answer and the deltas after it.
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
	/** Who looks at each followed meeting. */
	readonly presence = new SvelteMap<string, PresentPerson[]>();
	/** Who edits each followed item. */
	readonly editing = new SvelteMap<string, PresentPerson[]>();

	#socket: Socket<ServerToClient, ClientToServer> | null = null;
	#point = new ReplayPoint(0);
	#listeners = new Set<EventListener>();
	#reloadListeners = new Set<() => void>();
	#meetings = new Map<string, number>();
	#items = new Map<string, number>();
	#editingItems = new Set<string>();
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
			for (const meetingId of this.#meetings.keys()) void this.#followMeeting(meetingId);
			for (const itemId of this.#items.keys()) void this.#followItem(itemId);
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
		// Deltas: applied to the list of the follow's answer (before that answer, nothing to apply to).
		socket.on('presence', ({ meetingId, ...delta }) => {
			this.#point.alive();
			const present = this.presence.get(meetingId);
			if (present && this.#meetings.has(meetingId)) {
				this.presence.set(meetingId, applyPresenceDelta(present, delta));
			}
		});
		socket.on('editing', ({ itemId, ...delta }) => {
			this.#point.alive();
			const editing = this.editing.get(itemId);
			if (editing && this.#items.has(itemId)) {
				this.editing.set(itemId, applyPresenceDelta(editing, delta));
			}
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
		return this.#follow(
			this.#meetings,
			meetingId,
			() => this.#followMeeting(meetingId),
			() => {
				this.presence.delete(meetingId);
				this.#socket?.emit('meeting:unfollow', { meetingId }, () => {});
			}
		);
	}

	/** Follows an item (who edits it) while the returned function has not been called. */
	followItem(itemId: string): () => void {
		return this.#follow(
			this.#items,
			itemId,
			() => this.#followItem(itemId),
			() => {
				this.#editingItems.delete(itemId);
				this.editing.delete(itemId);
				this.#socket?.emit('item:unfollow', { itemId }, () => {});
			}
		);
	}

	/** Counts who follows `id` on this page; the server hears of the first and the last. */
	#follow(
		counts: Map<string, number>,
		id: string,
		start: () => Promise<void>,
		stop: () => void
	): () => void {
		counts.set(id, (counts.get(id) ?? 0) + 1);
		if (this.#socket?.connected) void start();
		return () => {
			const count = (counts.get(id) ?? 1) - 1;
			if (count > 0) return void counts.set(id, count);
			counts.delete(id);
			stop();
		};
	}

	/** Says this page has the item open for editing (a hint to others, not a lock). */
	setEditing(itemId: string, editing: boolean) {
		if (editing) this.#editingItems.add(itemId);
		else this.#editingItems.delete(itemId);
		if (this.#socket?.connected) this.#socket.emit('item:editing', { itemId, editing }, () => {});
	}

	// The answer's list is set in the acknowledgement's own callback: the deltas after it may come
	// in the same batch of packets, before an awaiting function would resume.
	#followMeeting(meetingId: string): Promise<void> {
		return new Promise((resolve) => {
			if (!this.#socket) return resolve();
			this.#socket
				.timeout(10_000)
				.emit('meeting:follow', { meetingId }, (error: Error | null, answer: FollowMeetingAck) => {
					if (!error && answer.ok && this.#meetings.has(meetingId)) {
						this.presence.set(meetingId, answer.present);
					}
					resolve();
				});
		});
	}

	#followItem(itemId: string): Promise<void> {
		return new Promise((resolve) => {
			if (!this.#socket) return resolve();
			this.#socket
				.timeout(10_000)
				.emit('item:follow', { itemId }, (error: Error | null, answer: FollowItemAck) => {
					if (!error && answer.ok && this.#items.has(itemId)) {
						this.editing.set(itemId, answer.editing);
						if (this.#editingItems.has(itemId)) this.setEditing(itemId, true);
					}
					resolve();
				});
		});
	}

	#apply(event: RealtimeEvent, replayed: boolean) {
		if (!this.#point.take(event.id)) return;
		for (const listener of this.#listeners) listener(event, replayed);
	}
}

/** The page's one connection. */
export const realtime = new RealtimeClient();
