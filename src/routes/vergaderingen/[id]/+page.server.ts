import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getMeetingWithAgenda } from '$lib/server/agenda';
import { allowedMeetingActions } from '$lib/server/meetings/allowed';
import { relatedMeetings } from '$lib/server/meetings/queries';
import { meetingActions } from './actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The meeting page: details, status, the agenda, and each party's word on it. */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const page = await orAccessError(getMeetingWithAgenda(actor, event.params.id));
	const [related, may] = await Promise.all([
		relatedMeetings(actor, page.meeting),
		allowedMeetingActions(actor, page.meeting, {
			placedItems: page.agenda.length,
			approvals: page.approvals
		})
	]);
	return {
		...page,
		// Only what the page shows: the full rows (summaries, snapshots) would triple the page's
		// size and the time spent serialising it, on the most-visited page of the platform.
		agenda: page.agenda.map(slimItem),
		otherItems: page.otherItems.map(slimItem),
		approvals: page.approvals.map(({ approval, ...row }) => ({
			...row,
			approval: approval && {
				decision: approval.decision,
				reason: approval.reason,
				itemPositions: approval.itemPositions,
				decidedAt: approval.decidedAt
			}
		})),
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

type MeetingItem = Awaited<ReturnType<typeof getMeetingWithAgenda>>['agenda'][number];

function slimItem(item: MeetingItem) {
	return {
		id: item.id,
		title: item.title,
		status: item.status,
		purpose: item.purpose,
		position: item.position,
		minutes: item.minutes,
		proposingParty: item.proposingParty,
		proposingOrganisationName: item.proposingOrganisationName,
		lateSubmission: item.lateSubmission,
		lateSubmissionApproved: item.lateSubmissionApproved,
		coSponsors: item.coSponsors,
		carriedBy: item.carriedBy
	};
}

export const actions: Actions = meetingActions;
