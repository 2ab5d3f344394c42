import { isOnAgenda, type Party } from '$lib/agenda/meeting-view';
import {
	reviewRows,
	type ReviewBoard,
	type ReviewItem,
	type ReviewRecord
} from '$lib/agenda/review-list';
import { parsePayload, type LiveApproval } from './event-payloads';
import { instant, itemRowOf, NewestEvents } from './list-live.svelte';
import { meetingChangeOf, patchMeeting } from './meeting-change';
import type { RealtimeEvent } from './protocol';

/*
 * "Ter beoordeling", live: the page holds the agendas in afstemming, their items and the party's
 * word on each, and derives its list from them with the server's own function (reviewRows). So an
 * item placed, changed or taken off an agenda, a new order, the party's akkoord or its reset all
 * apply in place, and an agenda the party agreed to leaves the list (or comes back when it changed).
 * A meeting entering afstemming reloads: its event does not carry its agenda.
 */

const inAlignment = 'agenda_in_afstemming';

export class ReviewLive<M extends { id: string; title: string }> {
	meetings = $state<M[]>([]);
	items = $state<ReviewItem[]>([]);
	records = $state<ReviewRecord[]>([]);
	rows = $derived.by(() =>
		reviewRows({ meetings: this.meetings, items: this.items, records: this.records }, this.party)
	);
	readonly party: Party;
	#newest = new NewestEvents();

	constructor(initial: ReviewBoard<M>, party: Party) {
		this.meetings = [...initial.meetings];
		this.items = [...initial.items];
		this.records = [...initial.records];
		this.party = party;
	}

	/** Applies one event; false when the page must reload its data instead. */
	apply(event: RealtimeEvent): boolean {
		if (event.subjectType === 'agenda_item') {
			const row = itemRowOf(event);
			if (!row) return false;
			if (!this.#newest.isNewest(`item:${row.id}`, event.id)) return true;
			const others = this.items.filter((item) => item.id !== row.id);
			const listed = this.meetings.some((meeting) => meeting.id === row.meetingId);
			if (listed && isOnAgenda(row.status)) {
				const { id, title, purpose, position, minutes, version } = row;
				others.push({ meetingId: row.meetingId!, id, title, purpose, position, minutes, version });
			}
			if (others.length !== this.items.length || listed) this.items = others;
			return true;
		}
		const parsed = parsePayload(event);
		if (parsed?.type === 'agenda.reordered.v1') {
			const positions = parsed.payload.positions;
			this.items = this.items.map((item) =>
				item.id in positions && this.#newest.isNewest(`item:${item.id}`, event.id)
					? { ...item, position: positions[item.id]! }
					: item
			);
			return true;
		}
		if (parsed?.type === 'agenda.approval_recorded.v1')
			return this.#word(event, parsed.payload.party, (meetingId) =>
				recordOf(meetingId, parsed.payload.approval)
			);
		if (parsed?.type === 'agenda.approval_reset.v1') {
			const resetAt = instant(parsed.payload.resetAt);
			return this.#word(event, parsed.payload.party, (meetingId) => {
				const record = this.records.find((row) => row.meetingId === meetingId);
				return record && { ...record, resetAt };
			});
		}
		return this.#meeting(event);
	}

	/** The party's word on one meeting; another party's word changes nothing here. */
	#word(
		event: RealtimeEvent,
		party: Party,
		next: (meetingId: string) => ReviewRecord | undefined
	): boolean {
		const meetingId = event.meetingId;
		if (!meetingId) return false;
		if (party !== this.party) return true;
		if (!this.#newest.isNewest(`word:${meetingId}`, event.id)) return true;
		const record = next(meetingId);
		if (!record) return true;
		this.records = [...this.records.filter((row) => row.meetingId !== meetingId), record];
		return true;
	}

	/** Renamed: in place. Out of afstemming: off the list. Into afstemming: reload (no agenda). */
	#meeting(event: RealtimeEvent): boolean {
		const change = meetingChangeOf(event);
		if (change.kind === 'none') return true;
		if (change.kind === 'unknown') return false;
		if (!this.#newest.isNewest(`meeting:${change.meetingId}`, event.id)) return true;
		if (change.kind === 'moved' && change.status === inAlignment) return false;
		if (change.kind === 'moved') {
			this.meetings = this.meetings.filter((meeting) => meeting.id !== change.meetingId);
			return true;
		}
		this.meetings = this.meetings.map((meeting) => patchMeeting(meeting, change));
		return true;
	}
}

function recordOf(meetingId: string, approval: LiveApproval): ReviewRecord {
	return {
		...approval,
		meetingId,
		decidedAt: instant(approval.decidedAt),
		resetAt: approval.resetAt ? instant(approval.resetAt) : null
	};
}
