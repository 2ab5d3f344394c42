import type { Party, PartyApprovalState } from '$lib/agenda/meeting-view';
import { m } from '$lib/paraglide/messages';
import { partyLabel } from './meeting-labels';

/*
 * Each party's ONE state on the meeting page, from the meeting's status and the party's word as
 * the live state holds it (meeting-view.ts). The party's card, its line in the to-do and the
 * secretariaat's next step all read this one answer, so the page never shows a party in two
 * states at once ("Nog open" on the card beside "Niets meer" in the to-do) or in two wordings.
 */

/**
 * - not_asked: before the afstemming nobody's word is asked yet;
 * - awaiting: in afstemming, the party has not given its word;
 * - akkoord, bezwaar: its word, on the agenda as it is now (final once adopted);
 * - review: its akkoord was reset by a change to the agenda;
 * - none: the agenda was adopted or the meeting cancelled without this party's word.
 */
export type PartyStep = 'not_asked' | 'awaiting' | 'akkoord' | 'bezwaar' | 'review' | 'none';

/** What the party itself still has to do for its word, if anything. */
export type PartyTask = 'approve' | 'review' | 'reconsider';

export interface PartyState {
	party: Party;
	step: PartyStep;
	task: PartyTask | null;
}

const beforeAlignment = ['gepland', 'open_voor_voorstellen'];

/** The party's one state, from the meeting's status and its word's state (approvalStates). */
export function partyStep(meetingStatus: string, word: PartyApprovalState): PartyStep {
	if (beforeAlignment.includes(meetingStatus)) return 'not_asked';
	if (meetingStatus === 'agenda_in_afstemming') {
		if (word === 'open') return 'awaiting';
		if (word === 'opnieuw_beoordelen') return 'review';
		return word;
	}
	// Adopted, held or cancelled: the word as it stood, nothing asked any more.
	return word === 'akkoord' || word === 'bezwaar' ? word : 'none';
}

const tasks: Partial<Record<PartyStep, PartyTask>> = {
	awaiting: 'approve',
	review: 'review',
	bezwaar: 'reconsider'
};

/** Every party's state, in the order the page lists them. */
export function partyStates(
	meetingStatus: string,
	approvals: readonly { party: Party; state: PartyApprovalState }[]
): PartyState[] {
	return approvals.map(({ party, state }) => {
		const step = partyStep(meetingStatus, state);
		return { party, step, task: tasks[step] ?? null };
	});
}

const stepLabels: Record<PartyStep, () => string> = {
	not_asked: m.agenda_party_step_not_asked,
	awaiting: m.agenda_party_step_awaiting,
	akkoord: m.agenda_approval_state_akkoord,
	bezwaar: m.agenda_approval_state_bezwaar,
	review: m.agenda_approval_state_opnieuw_beoordelen,
	none: m.agenda_party_step_none
};

const taskLabels: Record<PartyTask, () => string> = {
	approve: m.agenda_todo_approve,
	review: m.agenda_todo_review,
	reconsider: m.agenda_party_task_reconsider
};

/** The one word for a state, on the card and wherever else the page names it. */
export const partyStepLabel = (step: PartyStep) => stepLabels[step]();
export const partyTaskLabel = (task: PartyTask) => taskLabels[task]();

/**
 * A to-do line without tasks: "Nog niets" while nothing is asked of the party yet, so that it
 * does not read as done; "Niets meer" once it has done its part.
 */
export const nothingToDo = (step: PartyStep | 'secretariaat') =>
	step === 'not_asked' ? m.agenda_todo_nothing_yet() : m.agenda_todo_nothing();

/** Who reads the page, for the instructions it shows: each sees what concerns them. */
export type Viewer = 'secretariaat' | 'bestuurder' | 'medewerker' | 'reader';

/** A bestuurder, or a medewerker who holds a bestuurder's delegation, speaks for the party. */
export function viewerOf(role: string, party: string | null, canApprove: boolean): Viewer {
	if (role === 'secretariaat') return 'secretariaat';
	if (!party) return 'reader';
	return role === 'bestuurder' || canApprove ? 'bestuurder' : 'medewerker';
}

/** The line above the parties' cards: what the akkoord means for the one who reads it. */
export function approvalIntro(viewer: Viewer, meetingStatus: string, party: string | null) {
	const before = beforeAlignment.includes(meetingStatus);
	const adopted = meetingStatus === 'agenda_vastgesteld' || meetingStatus === 'gehouden';
	if (adopted) return m.agenda_approval_intro_adopted();
	const name = party ? partyLabel(party) : '';
	switch (viewer) {
		case 'secretariaat':
			return before
				? m.agenda_approval_intro_secretariaat_before()
				: m.agenda_approval_intro_secretariaat();
		case 'bestuurder':
			return before
				? m.agenda_approval_intro_bestuurder_before({ party: name })
				: m.agenda_approval_intro_bestuurder({ party: name });
		case 'medewerker':
			return before
				? m.agenda_approval_intro_medewerker_before({ party: name })
				: m.agenda_approval_intro_medewerker({ party: name });
		default:
			return before ? m.agenda_approval_intro_reader_before() : m.agenda_approval_intro();
	}
}
