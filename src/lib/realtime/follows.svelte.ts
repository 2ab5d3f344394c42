/* eslint-disable svelte/prefer-svelte-reactivity -- bookkeeping, not state: only `presence` and `editing` are read by the pages */
import type { Socket } from 'socket.io-client';
import { SvelteMap } from 'svelte/reactivity';
import {
	applyPresenceDelta,
	type ClientToServer,
	type FollowItemAck,
	type FollowMeetingAck,
	type PresenceDelta,
	type PresentPerson,
	type ServerToClient
} from './protocol';

type ClientSocket = Socket<ServerToClient, ClientToServer>;

/**
 * What the pages follow over the one connection (./client.svelte.ts): meetings, for who looks at
 * them, and items, for who edits them. It counts the pages' follows so that the server hears of
 * the first and the last, follows everything again after every (re)connection, and keeps the
 * presence and editing lists from the follow's answer and the deltas after it.
 */
export class Follows {
	/** Who looks at each followed meeting. */
	readonly presence = new SvelteMap<string, PresentPerson[]>();
	/** Who edits each followed item. */
	readonly editing = new SvelteMap<string, PresentPerson[]>();

	#meetings = new Map<string, number>();
	#items = new Map<string, number>();
	#editingItems = new Set<string>();

	/** The client's socket as it is now: none before the start and after the stop. */
	readonly #socket: () => ClientSocket | null;

	constructor(socket: () => ClientSocket | null) {
		this.#socket = socket;
	}

	/** On every (re)connection: the server forgot what this socket followed. */
	followAgain() {
		for (const meetingId of this.#meetings.keys()) void this.#followMeeting(meetingId);
		for (const itemId of this.#items.keys()) void this.#followItem(itemId);
	}

	// Deltas: applied to the list of the follow's answer (before that answer, nothing to apply to).
	applyPresence(meetingId: string, delta: PresenceDelta) {
		const present = this.presence.get(meetingId);
		if (present && this.#meetings.has(meetingId)) {
			this.presence.set(meetingId, applyPresenceDelta(present, delta));
		}
	}

	applyEditing(itemId: string, delta: PresenceDelta) {
		const editing = this.editing.get(itemId);
		if (editing && this.#items.has(itemId)) {
			this.editing.set(itemId, applyPresenceDelta(editing, delta));
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
				this.#socket()?.emit('meeting:unfollow', { meetingId }, () => {});
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
				this.#socket()?.emit('item:unfollow', { itemId }, () => {});
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
		if (this.#socket()?.connected) void start();
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
		const socket = this.#socket();
		if (socket?.connected) socket.emit('item:editing', { itemId, editing }, () => {});
	}

	#followMeeting(meetingId: string): Promise<void> {
		return this.#ask(
			(socket, ack) => socket.timeout(10_000).emit('meeting:follow', { meetingId }, ack),
			(answer: FollowMeetingAck) => {
				if (answer.ok && this.#meetings.has(meetingId)) {
					this.presence.set(meetingId, answer.present);
				}
			}
		);
	}

	#followItem(itemId: string): Promise<void> {
		return this.#ask(
			(socket, ack) => socket.timeout(10_000).emit('item:follow', { itemId }, ack),
			(answer: FollowItemAck) => {
				if (answer.ok && this.#items.has(itemId)) {
					this.editing.set(itemId, answer.editing);
					if (this.#editingItems.has(itemId)) this.setEditing(itemId, true);
				}
			}
		);
	}

	// The answer is applied in the acknowledgement's own callback: the deltas after it may come in
	// the same batch of packets, before an awaiting function would resume.
	#ask<Answer>(
		send: (socket: ClientSocket, ack: (error: Error | null, answer: Answer) => void) => void,
		apply: (answer: Answer) => void
	): Promise<void> {
		return new Promise((resolve) => {
			const socket = this.#socket();
			if (!socket) return resolve();
			send(socket, (error, answer) => {
				if (!error) apply(answer);
				resolve();
			});
		});
	}
}
