import {
	meetingView,
	type ApprovalRecord,
	type MeetingItemRow,
	type MeetingTimes
} from '$lib/agenda/meeting-view';
import { isItemEvent, parsePayload, type LiveApproval, type LiveItemRow } from './event-payloads';
import type { LiveDecision } from './decision-payloads';
import type { RealtimeEvent } from './protocol';

/*
 * The meeting page's live state (HOUSE.md, "Live state, not reloads"). It holds the rows the page
 * was loaded with and applies each event about the meeting in place: an item's event carries the
 * item as this page shows it, an akkoord or bezwaar carries the recorded word, a reorder the new
 * places. Everything else on the page is derived from the rows by the same function the server
 * used for the first load. An event it cannot apply (a change of the meeting itself, which also
 * changes what the viewer may do; a type it does not know) answers false: the page then reloads.
 */

/**
 * Events that leave the meeting page as it is: an item's comments and attachments, and the
 * besluitenlijst's steps and publication (the page only links to the list, whose own page follows
 * them).
 */
const withoutEffectHere = /^(comment|attachment|decision_list|publication)\./;

export class MeetingLive<M extends MeetingTimes> {
	meeting: M;
	items = $state<MeetingItemRow[]>([]);
	approvals = $state<ApprovalRecord[]>([]);
	/** Meeting mode: the decisions so far (the live besluitenlijst) and the item dealt with now. */
	decisions = $state<LiveDecision[]>([]);
	currentItemId = $state<string | null>(null);
	view = $derived.by(() => meetingView(this.meeting, this.items, this.approvals));
	/**
	 * The newest event applied per item and per party's word. Another process's older event can
	 * arrive after a newer one (docs/realtime.md): it must not undo the newer change.
	 */
	// Bookkeeping, never shown: a plain Map on purpose (nothing on the page depends on it).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#newest = new Map<string, number>();

	constructor(initial: {
		meeting: M;
		items: MeetingItemRow[];
		approvals: ApprovalRecord[];
		decisions?: LiveDecision[];
		currentItemId?: string | null;
	}) {
		this.meeting = initial.meeting;
		this.items = [...initial.items];
		this.approvals = [...initial.approvals];
		this.decisions = [...(initial.decisions ?? [])];
		this.currentItemId = initial.currentItemId ?? null;
	}

	/** Applies one event about this meeting; false when the page must reload instead. */
	apply(event: RealtimeEvent): boolean {
		if (withoutEffectHere.test(event.type)) return true;
		// A type not described, or a payload that does not fit its type: nothing to apply safely.
		const parsed = parsePayload(event);
		if (!parsed) return false;
		if (isItemEvent(parsed)) {
			const row = parsed.payload.row;
			if (this.#isNewest(`item:${row.id}`, event.id)) this.#upsert(row);
			return true;
		}
		switch (parsed.type) {
			case 'agenda.approval_recorded.v1': {
				const approval = approvalFromWire(parsed.payload.approval);
				if (!this.#isNewest(`party:${approval.party}`, event.id)) return true;
				this.approvals = [
					...this.approvals.filter((row) => row.party !== approval.party),
					approval
				];
				return true;
			}
			case 'agenda.approval_reset.v1': {
				const { party, resetAt } = parsed.payload;
				if (!this.#isNewest(`party:${party}`, event.id)) return true;
				this.approvals = this.approvals.map((row) =>
					row.party === party ? { ...row, resetAt: instant(resetAt) } : row
				);
				return true;
			}
			case 'agenda.reordered.v1': {
				const { positions } = parsed.payload;
				this.items = this.items.map((item) =>
					item.id in positions && this.#isNewest(`item:${item.id}`, event.id)
						? { ...item, position: positions[item.id]! }
						: item
				);
				return true;
			}
			case 'decision.recorded.v1': {
				const decision = parsed.payload.decision;
				if (!this.#isNewest(`decision:${decision.id}`, event.id)) return true;
				this.decisions = [...this.decisions.filter((row) => row.id !== decision.id), decision].sort(
					(a, b) => a.dealtOrder - b.dealtOrder
				);
				return true;
			}
			case 'meeting.current_item_changed.v1': {
				if (this.#isNewest('current', event.id)) this.currentItemId = parsed.payload.currentItemId;
				return true;
			}
			default:
				return false;
		}
	}

	/** Whether this event is newer than any applied before about the same thing (and note it). */
	#isNewest(key: string, eventId: number): boolean {
		if ((this.#newest.get(key) ?? 0) > eventId) return false;
		this.#newest.set(key, eventId);
		return true;
	}

	#upsert(row: LiveItemRow) {
		const index = this.items.findIndex((item) => item.id === row.id);
		if (row.meetingId !== this.meetingId) {
			// Moved to another meeting or back to the list: no longer on this page.
			if (index >= 0) this.items = this.items.filter((item) => item.id !== row.id);
			return;
		}
		if (index >= 0) this.items[index] = row;
		else this.items = [...this.items, row];
	}

	get meetingId(): string {
		return (this.meeting as unknown as { id: string }).id;
	}
}

/** An approval record as JSON carries it: times as ISO strings. */
export type WireApproval = LiveApproval;

function approvalFromWire(record: WireApproval): ApprovalRecord {
	return {
		...record,
		decidedAt: instant(record.decidedAt),
		resetAt: record.resetAt ? instant(record.resetAt) : null
	};
}

/** A moment read from JSON; never changed afterwards, so a plain Date. */
function instant(iso: string): Date {
	return new Date(iso);
}
