import { isItemEvent, parsePayload, type ItemEventBase, type LiveItemRow } from './event-payloads';
import { meetingTitleOf } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * A list screen's live rows (HOUSE.md, "Live state, not reloads"). The list holds the rows it was
 * loaded with and applies each item event in place: the row of an item already listed changes; an
 * item that by the list's own rule now enters or leaves it is added or removed, in the list's
 * order. When the event does not carry enough to build the list's row (a meeting title the page
 * does not know, a submission date it never saw) the list answers false: the page reloads.
 */

/**
 * What an item event carries for the lists (its row, who proposed it), or null for an event that
 * is no item event or whose payload does not fit. Every list reads item events through here, so
 * that how a payload is read lives in one place.
 */
export function itemEventOf(event: RealtimeEvent): ItemEventBase | null {
	const parsed = parsePayload(event);
	return parsed && isItemEvent(parsed) ? parsed.payload : null;
}

/** The item as its event leaves it, or null (see itemEventOf). */
export function itemRowOf(event: RealtimeEvent): LiveItemRow | null {
	return itemEventOf(event)?.row ?? null;
}

/** A moment as an event carries it, as the page's rows hold moments (never changed afterwards). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a value, not state
export const instant = (iso: string) => new Date(iso);

/**
 * The newest event applied per thing (an item, a meeting, a party's word). Another process's
 * older event can arrive after a newer one (docs/realtime.md): it must not undo the newer change.
 */
export class NewestEvents {
	// Bookkeeping, never shown: a plain Map on purpose (nothing on the page depends on it).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#newest = new Map<string, number>();

	/** Whether this event is newer than any applied before about the same key (and note it). */
	isNewest(key: string, eventId: number): boolean {
		if ((this.#newest.get(key) ?? 0) > eventId) return false;
		this.#newest.set(key, eventId);
		return true;
	}
}

/** A list's own rule: who is on it, how its row is made, in what order. */
export interface ItemListRule<R extends { id: string }> {
	/** Whether the item, as the event leaves it, belongs on the list. */
	includes(item: ItemEventBase, event: RealtimeEvent): boolean;
	/** The list's row for the item; null when the event does not carry enough to build it. */
	rowOf(item: ItemEventBase, current: R | undefined, event: RealtimeEvent): R | null;
	/** The list's order; without one the rows keep the server's order and new ones come last. */
	order?: (a: R, b: R) => number;
	/** The most rows the server sends for this list (LIST_LIMIT); none when it sends all. */
	limit?: number;
	/**
	 * False for a list that only updates the rows it shows (search results, which the server
	 * ranks): an item it does not show stays out, and one that no longer matches stays in.
	 */
	adds?: boolean;
}

export class LiveItemList<R extends { id: string }> {
	rows = $state<R[]>([]);
	/** Keyed by item id; the page may note other things here (`meeting:<id>`). */
	readonly newest = new NewestEvents();
	#rule: ItemListRule<R>;

	constructor(rows: readonly R[], rule: ItemListRule<R>) {
		this.rows = [...rows];
		this.#rule = rule;
	}

	/** Applies one item event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		const item = itemEventOf(event);
		if (!item) return false;
		const id = item.row.id;
		if (!this.newest.isNewest(id, event.id)) return true;
		const index = this.rows.findIndex((row) => row.id === id);
		const current = index >= 0 ? this.rows[index] : undefined;
		const adds = this.#rule.adds ?? true;
		if (adds && !this.#rule.includes(item, event)) {
			if (!current) return true;
			// A full list that loses a row would show the next one the server cut off: not known here.
			if (this.rows.length >= (this.#rule.limit ?? Infinity)) return false;
			this.rows = this.rows.filter((row) => row.id !== id);
			return true;
		}
		if (!current && !adds) return true;
		const next = this.#rule.rowOf(item, current, event);
		if (!next) return false;
		const rows = current ? this.rows.with(index, next) : [...this.rows, next];
		const order = this.#rule.order;
		this.rows = order ? rows.sort(order).slice(0, this.#rule.limit ?? Infinity) : rows;
		return true;
	}

	/** Changes rows in place (a meeting renamed, say); `change` answers the row unchanged or anew. */
	update(change: (row: R) => R) {
		const rows = this.rows.map(change);
		if (rows.some((row, index) => row !== this.rows[index])) this.rows = rows;
	}
}

/** Meeting titles a page knows: id → title. */
export type MeetingTitles = Map<string, string | null>;

/**
 * A meeting's event on a list whose rows name their meeting: every meeting event carries the
 * meeting's title, so the rows (and the titles the list builds new rows with) follow a rename.
 * False for an event that is no meeting's.
 */
export function renameMeetingIn<
	R extends { id: string; meetingId: string | null; meetingTitle: string | null }
>(list: LiveItemList<R>, titles: MeetingTitles, event: RealtimeEvent): boolean {
	const named = meetingTitleOf(event);
	if (!named) return false;
	const title = named.title;
	if (title === null) return true;
	if (!list.newest.isNewest(`meeting:${named.meetingId}`, event.id)) return true;
	titles.set(named.meetingId, title);
	list.update((row) =>
		row.meetingId === named.meetingId && row.meetingTitle !== title
			? { ...row, meetingTitle: title }
			: row
	);
	return true;
}
