import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { meetingAgendaFor } from '$lib/server/agenda/meeting-cache';
import { packRecords } from '$lib/agenda/snapshot-wire';
import { toMeetingItemRow } from '$lib/server/agenda/live-row';
import { allowedMeetingActions } from '$lib/server/meetings/allowed';
import { relatedMeetings } from '$lib/server/meetings/queries';
import { meetingActions } from './actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The meeting page: details, status, the agenda, and each party's word on it. */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	// Read once per audience and version, shared by everyone who opens the meeting meanwhile.
	const page = await orAccessError(meetingAgendaFor(actor, event.params.id));
	const [related, may] = await Promise.all([
		relatedMeetings(actor, page.meeting),
		allowedMeetingActions(actor, page.meeting, {
			placedItems: page.agenda.length,
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
		partyLabels: page.partyLabels,
		related,
		party: actor.party,
		may,
		notice: event.url.searchParams.has('gepland')
			? ('planned' as const)
			: event.url.searchParams.has('opgeslagen')
				? ('saved' as const)
				: null
	};
};

export const actions: Actions = meetingActions;
