import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { unscheduledItems } from '$lib/server/agenda/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Reloaded when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const items = await orAccessError(unscheduledItems(actor));
	return {
		mayDraft: decideAccess(actor, 'agenda_item.draft') === 'ok',
		items: items.map((item) => ({
			id: item.id,
			title: item.title,
			status: item.status,
			purpose: item.purpose,
			proposingOrganisationName: item.proposingOrganisationName,
			when: item.submittedAt
		}))
	};
};
