import { searchRule, type SearchItemRow } from './item-lists';
import { LiveItemList } from './list-live.svelte';
import { meetingTitleOf } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * Search results, live: the rows shown change in place (a new title, status, meeting), and no row
 * is added or dropped. The server ranked them; a reload would reorder what the person is reading,
 * so a new match is left out until the next search. A meeting renamed is renamed where it shows.
 */

export interface SearchMeeting {
	id: string;
	title: string;
	startsAt: Date | string;
}

export class SearchLive {
	items: LiveItemList<SearchItemRow>;
	meetings = $state<SearchMeeting[]>([]);
	/** Every meeting the page knows (the search form's list): where an item may move to. */
	// Bookkeeping, never shown: a plain Map on purpose (the form keeps the list it was given).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#known = new Map<string, SearchMeeting>();

	constructor(
		results: { items: readonly SearchItemRow[]; meetings: readonly SearchMeeting[] },
		known: readonly SearchMeeting[]
	) {
		for (const meeting of known) this.#known.set(meeting.id, meeting);
		this.items = new LiveItemList(results.items, searchRule(this.#known));
		this.meetings = [...results.meetings];
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		if (event.subjectType === 'agenda_item') return this.items.apply(event);
		const named = meetingTitleOf(event);
		if (!named) return false;
		const { meetingId, title } = named;
		if (title === null) return true;
		if (!this.items.newest.isNewest(`meeting:${meetingId}`, event.id)) return true;
		const shown =
			this.meetings.some((meeting) => meeting.id === meetingId) ||
			this.items.rows.some((row) => row.meetingId === meetingId);
		// A shown meeting's new date: the event names the field, not its value.
		const changed = event.payload.changed;
		if (shown && Array.isArray(changed) && changed.includes('startsAt')) return false;
		const known = this.#known.get(meetingId);
		if (known) this.#known.set(meetingId, { ...known, title });
		this.meetings = this.meetings.map((meeting) =>
			meeting.id === meetingId ? { ...meeting, title } : meeting
		);
		this.items.update((row) =>
			row.meetingId === meetingId && row.meetingTitle !== title
				? { ...row, meetingTitle: title }
				: row
		);
		return true;
	}
}
