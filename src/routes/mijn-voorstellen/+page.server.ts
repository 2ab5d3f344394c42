import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { myProposals } from '$lib/server/agenda';
import { listMeetings } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Reloaded when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const [items, coming] = await orAccessError(
		Promise.all([myProposals(actor), listMeetings(actor, { when: 'upcoming' })])
	);
	return {
		mayDraft: decideAccess(actor, 'agenda_item.draft') === 'ok',
		organisationId: actor.organisationId,
		// The coming meetings' titles: an item proposed for one of them shows it without a reload.
		meetings: coming.map((meeting) => ({ id: meeting.id, title: meeting.title })),
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
