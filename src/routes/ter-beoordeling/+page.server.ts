import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { reviewBoard } from '$lib/server/agenda/review-board';
import type { PageServerLoad } from './$types';

/**
 * Bestuurders: agendas in afstemming on which their party has no valid akkoord (yet). The page
 * gets what the list is made of (src/lib/agenda/review-list.ts derives it), so that it can apply
 * live events to it: an agenda the party agreed to may come back when it changes.
 */
export const load: PageServerLoad = async (event) => {
	// Reloaded when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const board = await orAccessError(reviewBoard(actor));
	return {
		party: board.party,
		meetings: board.meetings.map((meeting) => ({
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt
		})),
		items: board.items,
		records: board.records
	};
};
