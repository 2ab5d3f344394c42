import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import { myProposals } from '$lib/server/agenda';
import { myCoSponsoring } from '$lib/server/agenda/co-sponsored';
import { listMeetings } from '$lib/server/meetings';
import { takeItemNotice } from '../agendapunten/item-form.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Reloaded when the page cannot apply a live event itself (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const [items, coming, sponsoring] = await orAccessError(
		Promise.all([
			myProposals(actor),
			listMeetings(actor, { when: 'upcoming' }),
			myCoSponsoring(actor)
		])
	);
	return {
		mayDraft: decideAccess(actor, 'agenda_item.draft') === 'ok',
		organisationId: actor.organisationId,
		party: actor.party,
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
		})),
		mayAnswer: sponsoring.mayAnswer,
		requests: sponsoring.requests,
		carried: sponsoring.carried,
		// The title of a concept just discarded on its own page, which is gone now.
		discarded: takeItemNotice(event.cookies, localizeHref('/mijn-voorstellen'))
	};
};
