import { NewestEvents } from './list-live.svelte';
import { meetingChangeOf, patchMeeting } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * The list of meetings (/vergaderingen), live: a meeting renamed or taking a step of its life
 * (opened, in afstemming, adopted, held, cancelled) changes in place. Neither moves it between the
 * coming and the past meetings, nor through the filter (kind, year), nor in the order (its date).
 * A new meeting or a new date, place or kind reloads: the event does not carry the list's row.
 */

export interface ListedMeeting {
	id: string;
	title: string;
	status: string;
	version: number;
}

export class MeetingListLive<M extends ListedMeeting> {
	upcoming = $state<M[]>([]);
	past = $state<M[]>([]);
	#newest = new NewestEvents();

	constructor(initial: { upcoming: readonly M[]; past: readonly M[] }) {
		this.upcoming = [...initial.upcoming];
		this.past = [...initial.past];
	}

	/** Applies one meeting event; false when the page must reload instead. */
	apply(event: RealtimeEvent): boolean {
		const change = meetingChangeOf(event);
		if (change.kind === 'none') return true;
		if (change.kind === 'unknown') return false;
		if (!this.#newest.isNewest(change.meetingId, event.id)) return true;
		this.upcoming = this.upcoming.map((row) => patchMeeting(row, change));
		this.past = this.past.map((row) => patchMeeting(row, change));
		return true;
	}
}
