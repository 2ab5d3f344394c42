import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess, type Actor } from '$lib/server/access';
import { getMeetingWithAgenda } from '$lib/server/agenda';
import { myDelegations } from '$lib/server/delegation';
import { relatedMeetings } from '$lib/server/meetings/queries';
import { meetingActions } from './actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The meeting page: details, status, the agenda, and each party's word on it. */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event says the data changed (src/lib/components/LiveLayer.svelte).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const page = await orAccessError(getMeetingWithAgenda(actor, event.params.id));
	const related = await relatedMeetings(actor, page.meeting);
	const status = page.meeting.status;
	const agendaOpen = ['gepland', 'open_voor_voorstellen', 'agenda_in_afstemming'].includes(status);
	const mayApprove =
		status === 'agenda_in_afstemming' &&
		(decideAccess(actor, 'agenda.approve', { party: actor.party ?? 'rijk' }) === 'ok' ||
			(await delegatedToApprove(actor)));
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
		may: {
			manage: decideAccess(actor, 'meeting.manage') === 'ok',
			adopt: decideAccess(actor, 'agenda.adopt') === 'ok',
			order: decideAccess(actor, 'agenda_item.schedule') === 'ok' && agendaOpen,
			approve: mayApprove,
			propose:
				decideAccess(actor, 'agenda_item.draft') === 'ok' && status === 'open_voor_voorstellen'
		},
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

/** A medewerker whom a bestuurder of the organisation lets record the party's word (the verb re-checks). */
async function delegatedToApprove(actor: Actor): Promise<boolean> {
	if (actor.role !== 'medewerker' || !actor.party) return false;
	if (decideAccess(actor, 'delegation.read') !== 'ok') return false;
	const { received } = await myDelegations(actor);
	return (
		received.length > 0 &&
		decideAccess(actor, 'agenda.approve_delegated', { party: actor.party, delegated: true }) ===
			'ok'
	);
}

export const actions: Actions = meetingActions;
