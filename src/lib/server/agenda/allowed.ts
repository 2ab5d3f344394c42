import { decideAccess, type Actor } from '../access';
import { parties, type Party } from '../db/schema';
import type { MeetingFacts } from '../meetings/transitions';
import {
	itemStateRefusal,
	meetingStateRefusal,
	type ItemFacts,
	type ItemStepName
} from './transitions';

/** An item as the answer needs it: what getItem returns. */
export interface ItemForActions extends ItemFacts {
	proposingOrganisationId: string;
	proposingParty: Party | null;
	coSponsors: { party: Party; status: string }[];
}

/**
 * What this actor may do with this item now, for the page to offer: the gate's answer for the
 * actor and the verbs' own status rules (transitions.ts) for the item and its meeting. The verbs
 * check every step again, so a stale page or a crafted POST gets the verb's answer.
 */
export function allowedItemActions(
	actor: Actor,
	item: ItemForActions,
	meeting: MeetingFacts | null,
	now = new Date()
) {
	const proposer =
		decideAccess(actor, 'agenda_item.propose', {
			organisationId: item.proposingOrganisationId
		}) === 'ok';
	const scheduler = decideAccess(actor, 'agenda_item.schedule') === 'ok';
	const can = (step: ItemStepName) =>
		itemStateRefusal(step, item) === null && meetingStateRefusal(step, meeting, now) === null;
	const ownInvitation =
		actor.party && decideAccess(actor, 'co_sponsor.respond', { party: actor.party }) === 'ok'
			? item.coSponsors.find((row) => row.party === actor.party && row.status === 'uitgenodigd')
			: undefined;
	const asked = item.coSponsors.filter((row) => row.status !== 'afgewezen').map((row) => row.party);
	return {
		edit: proposer && can('edit'),
		submit: proposer && can('submit'),
		withdraw: proposer && can('withdraw'),
		approveLate: scheduler && can('approveLate'),
		place: scheduler && can('place'),
		defer: scheduler && can('defer'),
		decline: scheduler && can('decline'),
		treat: scheduler && can('treat'),
		invite: proposer && can('invite'),
		/** On a concept the request waits for the submission, and may still be taken back. */
		withdrawInvitation: proposer && can('withdrawInvitation'),
		discard: proposer && can('discard'),
		/** Parties the proposer may still ask to co-sponsor. */
		invitableParties: parties.filter(
			(party) => party !== item.proposingParty && !asked.includes(party)
		),
		respond: Boolean(ownInvitation) && can('respond'),
		...allowedCommentActions(actor)
	};
}

/**
 * Who may write, and remove, comments. Per comment the gate decides by its author; the page needs
 * the answer for any comment by someone else too, since comments also arrive live, for everyone.
 */
export function allowedCommentActions(actor: Actor) {
	// An author id that is nobody's: the gate's rule for a comment by someone else.
	const someoneElse = { authorId: '' };
	return {
		comment: decideAccess(actor, 'comment.write') === 'ok',
		deleteOthersComments: decideAccess(actor, 'comment.delete', someoneElse) === 'ok'
	};
}
