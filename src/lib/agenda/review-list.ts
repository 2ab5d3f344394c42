import type { AgendaSnapshotItem } from './compare';
import { approvalStates, type ApprovalRecord, type Party } from './meeting-view';

/*
 * "Ter beoordeling" as a pure function of its rows: the agendas in afstemming, the items on them
 * and the bestuurder's party's word on each. The server's list (toReview) and the browser's live
 * list (src/lib/realtime/review-live.svelte.ts) both call it, so a page that applied an event
 * shows what a fresh load would show.
 */

/** An item on an agenda in afstemming, as the party's word is compared with it. */
export type ReviewItem = AgendaSnapshotItem & { meetingId: string };

/** The party's recorded word on one meeting's agenda. */
export type ReviewRecord = ApprovalRecord & { meetingId: string };

export interface ReviewBoard<M extends { id: string }> {
	/** The meetings whose agenda is in afstemming, soonest first. */
	meetings: readonly M[];
	/** The items on their agendas. */
	items: readonly ReviewItem[];
	/** The party's word on them, where it gave one. */
	records: readonly ReviewRecord[];
}

const byPlace = (a: ReviewItem, b: ReviewItem) =>
	(a.position ?? 0) - (b.position ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The agendas on which the party has no valid akkoord: open, to judge again, or its bezwaar. */
export function reviewRows<M extends { id: string }>(board: ReviewBoard<M>, party: Party) {
	return board.meetings
		.map((meeting) => {
			const snapshot: AgendaSnapshotItem[] = board.items
				.filter((item) => item.meetingId === meeting.id)
				.sort(byPlace)
				.map(({ meetingId: _meetingId, ...item }) => item);
			const own = board.records.filter((row) => row.meetingId === meeting.id);
			const mine = approvalStates(own, snapshot).find((row) => row.party === party)!;
			return { meeting, state: mine.state, changes: mine.changes, items: snapshot.length };
		})
		.filter((row) => row.state !== 'akkoord');
}
