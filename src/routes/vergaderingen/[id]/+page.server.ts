import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { meetingAgendaFor } from '$lib/server/agenda/meeting-cache';
import { packRecords } from '$lib/agenda/snapshot-wire';
import { toMeetingItemRow } from '$lib/server/agenda/live-row';
import { allowedMeetingActions } from '$lib/server/meetings/allowed';
import { relatedMeetings } from '$lib/server/meetings/queries';
import { meetingDecisions } from '$lib/server/decisions';
import { decisionsPossible, itemsAwaitingOutcome } from '$lib/decisions/outcomes';
import { meetingActions } from './actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The meeting page: details, status, the agenda, and each party's word on it. */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	// Read once per audience and version, shared by everyone who opens the meeting meanwhile.
	const page = await orAccessError(meetingAgendaFor(actor, event.params.id));
	// Decisions exist once the agenda is adopted: before that the page reads none.
	const decisions = decisionsPossible(page.meeting.status)
		? await orAccessError(meetingDecisions(actor, page.meeting.id))
		: [];
	const awaiting = itemsAwaitingOutcome(page.agenda, decisions);
	const [related, may] = await Promise.all([
		relatedMeetings(actor, page.meeting),
		allowedMeetingActions(actor, page.meeting, {
			placedItems: page.agenda.length,
			awaitingOutcome: awaiting.undecided.length + awaiting.notCarried.length,
			approvals: page.approvals
		})
	]);
	// The rows the page derives everything from, in the shape the live events carry them
	// (agenda/live-row.ts): the browser applies an event to these and derives the page again
	// (src/lib/agenda/meeting-view.ts) instead of reloading it.
	const items = [...page.agenda, ...page.otherItems].map((item) =>
		toMeetingItemRow(item, item.coSponsors)
	);
	return {
		meeting: page.meeting,
		items,
		// Each party's agenda lines that equal the items now go as ids (agenda/snapshot-wire.ts).
		records: packRecords(page.records, items),
		decisions,
		partyLabels: page.partyLabels,
		related,
		party: actor.party,
		// Which instructions the page shows: the secretariat's for the secretariat only.
		role: actor.role,
		// Whether a proposal now would be late (items.ts marks a submission so by the same rule).
		proposalLate:
			page.meeting.proposalDeadline !== null && page.meeting.proposalDeadline < new Date(),
		may,
		notice: event.url.searchParams.has('gepland')
			? ('planned' as const)
			: event.url.searchParams.has('opgeslagen')
				? ('saved' as const)
				: null
	};
};

export const actions: Actions = meetingActions;
