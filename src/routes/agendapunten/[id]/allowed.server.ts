import { decideAccess, type Actor } from '$lib/server/access';
import type { ItemStatus, Party } from '$lib/server/db/schema';
import { agendaOpen } from '$lib/server/meetings/queries';
import type { MeetingStatus } from '$lib/server/db/schema';

interface ItemFacts {
	status: ItemStatus;
	proposingOrganisationId: string;
	proposingParty: Party | null;
	lateSubmission: boolean;
	lateSubmissionApproved: boolean;
	coSponsors: { party: Party; status: string }[];
}

/**
 * Which actions the page offers. This only leaves out buttons that would be refused: the verbs
 * check every one again, so a stale page or a crafted POST gets the verb's answer.
 */
export function allowedActions(
	actor: Actor,
	item: ItemFacts,
	meeting: { status: MeetingStatus; startsAt: Date } | null
) {
	const proposer =
		decideAccess(actor, 'agenda_item.propose', {
			organisationId: item.proposingOrganisationId
		}) === 'ok';
	const scheduler = decideAccess(actor, 'agenda_item.schedule') === 'ok';
	const agendaMayChange = !meeting || agendaOpen.includes(meeting.status);
	const editable = ['concept', 'ingediend', 'geagendeerd', 'aangehouden'].includes(item.status);
	const open = ['ingediend', 'geagendeerd', 'aangehouden'].includes(item.status);
	const waitingForConsent = item.lateSubmission && !item.lateSubmissionApproved;
	const afterMeeting =
		meeting !== null &&
		(meeting.status === 'gehouden' ||
			(meeting.status === 'agenda_vastgesteld' && meeting.startsAt <= new Date()));
	const ownInvitation =
		actor.party && decideAccess(actor, 'co_sponsor.respond', { party: actor.party }) === 'ok'
			? item.coSponsors.find((row) => row.party === actor.party && row.status === 'uitgenodigd')
			: undefined;
	const invitable = item.coSponsors
		.filter((row) => row.status !== 'afgewezen')
		.map((row) => row.party);
	return {
		edit: proposer && editable && agendaMayChange,
		submit: proposer && item.status === 'concept' && agendaMayChange,
		withdraw: proposer && editable && agendaMayChange,
		approveLate: scheduler && item.status === 'ingediend' && waitingForConsent,
		place: scheduler && open && !waitingForConsent && agendaMayChange,
		defer: scheduler && open && meeting?.status !== 'agenda_vastgesteld',
		decline: scheduler && open && agendaMayChange,
		treat: scheduler && item.status === 'geagendeerd' && afterMeeting,
		invite: proposer && open,
		/** Parties the proposer may still ask to co-sponsor. */
		invitableParties: (['rijk', 'vng', 'ipo', 'uvw'] as const).filter(
			(party) => party !== item.proposingParty && !invitable.includes(party)
		),
		respond: Boolean(ownInvitation),
		comment: decideAccess(actor, 'comment.write') === 'ok'
	};
}
