import { decideAccess, type Actor } from '../access';
import {
	adoptionRefusal,
	approvalRefusal,
	approvalVerdict,
	speaksByDelegation,
	type PartyApprovalState
} from '../agenda/approvals';
import { meetingStateRefusal } from '../agenda/transitions';
import { useDb } from '../db';
import type { Party } from '../db/schema';
import { liveDelegationFor } from '../delegation';
import {
	agendaClosedRefusal,
	meetingEditRefusal,
	meetingStepRefusal,
	type MeetingFacts
} from './transitions';

/** The agenda as the meeting page has it: how many items are placed, and each party's word. */
export interface AgendaFacts {
	placedItems: number;
	/** Items that keep the meeting from closing (decisions/outcomes.ts, itemsAwaitingOutcome). */
	awaitingOutcome: number;
	approvals: { party: Party; state: PartyApprovalState }[];
}

/**
 * What this actor may do on this meeting now, for the page to offer: the gate's answer for the
 * actor and the verbs' own rules (transitions.ts, approvals.ts) for the meeting and its agenda.
 * The verbs check every step again; this only keeps the page from offering what they would refuse.
 */
export async function allowedMeetingActions(
	actor: Actor,
	meeting: MeetingFacts,
	agenda: AgendaFacts,
	now = new Date()
) {
	const manager = decideAccess(actor, 'meeting.manage') === 'ok';
	const adopter = decideAccess(actor, 'agenda.adopt') === 'ok';
	const scheduler = decideAccess(actor, 'agenda_item.schedule') === 'ok';
	const step = (name: Parameters<typeof meetingStepRefusal>[0]) =>
		meetingStepRefusal(name, meeting, now) === null;
	const adoptable = adopter && step('adopt');
	return {
		edit: manager && meetingEditRefusal(meeting) === null,
		/** The steps of the meeting's life, as MeetingActions.svelte offers them. */
		steps: {
			open: manager && step('open'),
			align: manager && step('align'),
			adopt: adoptable && adoptionRefusal(agenda.approvals) === null,
			/** The secretariat could adopt the agenda once every party agreed to it. */
			adoptWaits: adoptable && adoptionRefusal(agenda.approvals) !== null,
			reopen: adopter && step('reopen'),
			held: manager && step('held') && agenda.awaitingOutcome === 0,
			cancel: manager && step('cancel')
		},
		/** Put the agenda's items in another order: there must be some. */
		order: scheduler && agendaClosedRefusal(meeting) === null && agenda.placedItems > 0,
		/** Place a waiting item on this meeting (the item's own rules are its page's). */
		place: scheduler && meetingStateRefusal('place', meeting, now) === null,
		approve:
			approvalRefusal(meeting, agenda.placedItems) === null && (await mayApprove(actor, now)),
		/** Draft an item for this meeting and submit it (late, during the afstemming). */
		propose:
			decideAccess(actor, 'agenda_item.draft') === 'ok' &&
			meetingStateRefusal('submit', meeting, now) === null
	};
}

/** The rule of recordApproval; the delegation is looked up only for a medewerker. */
async function mayApprove(actor: Actor, now: Date): Promise<boolean> {
	const delegated = speaksByDelegation(actor)
		? (await liveDelegationFor(await useDb(), actor, now)) !== null
		: false;
	return approvalVerdict(actor, delegated) === 'ok';
}
