import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { toReview } from '$lib/server/agenda';
import type { PageServerLoad } from './$types';

/** Bestuurders: agendas in afstemming on which their party has no valid akkoord (yet). */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const rows = await orAccessError(toReview(actor));
	return {
		party: actor.party,
		meetings: rows.map((row) => ({
			id: row.meeting.id,
			title: row.meeting.title,
			startsAt: row.meeting.startsAt,
			state: row.state,
			items: row.items,
			changes: row.changes.map((change) => change.description)
		}))
	};
};
