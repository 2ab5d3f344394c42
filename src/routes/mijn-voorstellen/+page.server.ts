import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { myProposals } from '$lib/server/agenda';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const items = await orAccessError(myProposals(actor));
	return {
		mayDraft: decideAccess(actor, 'agenda_item.draft') === 'ok',
		items: items.map((item) => ({
			id: item.id,
			title: item.title,
			status: item.status,
			purpose: item.purpose,
			meetingId: item.meetingId,
			meetingTitle: item.meetingTitle,
			when: item.updatedAt,
			lateSubmission: item.lateSubmission,
			lateSubmissionApproved: item.lateSubmissionApproved
		}))
	};
};
