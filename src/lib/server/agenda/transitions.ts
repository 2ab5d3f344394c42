import type { ItemStatus } from '../db/schema';
import { StateError } from '../kernel/errors';
import { agendaClosedRefusal, type MeetingFacts } from '../meetings/transitions';
import { itemStatusLabels } from './store';

/**
 * The status rules of the agenda item verbs, written once: each verb refuses by its step here and
 * allowed.ts answers "may this actor do this here" by the same step, so that a page never offers
 * what the verb would refuse. Rules that depend on the input (which meeting, which party) stay in
 * the verbs; the page lets the person choose only among the valid ones.
 */

/** What the rules need to know of an item. */
export interface ItemFacts {
	status: ItemStatus;
	lateSubmission: boolean;
	lateSubmissionApproved: boolean;
}

type Refusal = string | null;

interface ItemStep {
	statuses: readonly ItemStatus[];
	/** Ends "Een agendapunt met de status … kunt u niet …". */
	doing: string;
	/** A status that deserves a better explanation than the general sentence. */
	statusMessages?: Partial<Record<ItemStatus, string>>;
	item?: (item: ItemFacts) => Refusal;
	/** The meeting the step acts on: the item's own, or the one it goes to; null for none. */
	meeting?: (meeting: MeetingFacts | null, now: Date) => Refusal;
}

export const editableStatuses = ['concept', 'ingediend', 'geagendeerd', 'aangehouden'] as const;
const submitted = ['ingediend', 'geagendeerd', 'aangehouden'] as const;

const waitingForConsent = (item: ItemFacts) => item.lateSubmission && !item.lateSubmissionApproved;

export const itemSteps = {
	edit: { statuses: editableStatuses, doing: 'meer wijzigen', meeting: agendaClosedRefusal },
	submit: {
		statuses: ['concept'],
		doing: 'indienen',
		meeting: (meeting) =>
			agendaClosedRefusal(meeting) ??
			(meeting?.status === 'gepland'
				? 'Deze vergadering staat nog niet open voor voorstellen. Bewaar het punt als concept of kies de lijst nog te agenderen.'
				: null)
	},
	// Only what was proposed is withdrawn: a concept was never on an agenda, and stays the
	// organisation's own to edit or submit.
	withdraw: {
		statuses: submitted,
		doing: 'intrekken',
		statusMessages: {
			concept: 'Een concept is nog niet ingediend: er is niets om in te trekken.'
		},
		meeting: agendaClosedRefusal
	},
	approveLate: {
		statuses: ['ingediend'],
		doing: 'als late indiening toestaan',
		item: (item) =>
			waitingForConsent(item) ? null : 'Dit punt wacht niet op toestemming voor late indiening.'
	},
	place: {
		statuses: ['ingediend', 'aangehouden', 'geagendeerd'],
		doing: 'agenderen',
		item: (item) =>
			waitingForConsent(item)
				? 'Dit punt is na de termijn ingediend. Sta de late indiening eerst toe of houd het punt aan.'
				: null,
		meeting: agendaClosedRefusal
	},
	defer: {
		statuses: submitted,
		doing: 'aanhouden',
		meeting: (meeting) =>
			meeting?.status === 'agenda_vastgesteld'
				? 'De agenda van deze vergadering is vastgesteld. Het secretariaat moet haar eerst heropenen.'
				: null
	},
	decline: { statuses: submitted, doing: 'afwijzen', meeting: agendaClosedRefusal },
	treat: {
		statuses: ['geagendeerd'],
		doing: 'als behandeld markeren',
		meeting: (meeting, now) =>
			meeting &&
			(meeting.status === 'gehouden' ||
				(meeting.status === 'agenda_vastgesteld' && meeting.startsAt <= now))
				? null
				: 'Een punt is pas behandeld als de vergadering met vastgestelde agenda is begonnen.'
	},
	// On a concept the request waits: the other party cannot see a concept, so it is asked at the
	// submission (co-sponsor-requests.ts), and until then the organisation may take the wish back.
	invite: { statuses: ['concept', ...submitted], doing: 'laten meedragen' },
	withdrawInvitation: {
		statuses: ['concept'],
		doing: 'een verzoek tot mede-indienen meer terugnemen',
		statusMessages: {
			ingediend: 'Het verzoek is bij het indienen al verstuurd: de partij kan het nu zelf afzien.'
		}
	},
	respond: { statuses: submitted, doing: 'nog meedragen' },
	// Only what nobody else ever saw is removed; what was proposed is withdrawn instead, and stays.
	discard: {
		statuses: ['concept'],
		doing: 'verwijderen',
		statusMessages: Object.fromEntries(
			submitted.map((status) => [
				status,
				'Alleen een concept dat nooit is ingediend kunt u verwijderen. Een ingediend punt trekt u in.'
			])
		)
	}
} satisfies Record<string, ItemStep>;
export type ItemStepName = keyof typeof itemSteps;

/** Why the item's own state does not allow the step (a Dutch sentence), or null. */
export function itemStateRefusal(step: ItemStepName, item: ItemFacts): Refusal {
	const rule: ItemStep = itemSteps[step];
	if (!rule.statuses.includes(item.status))
		return (
			rule.statusMessages?.[item.status] ??
			`Een agendapunt met de status "${itemStatusLabels[item.status]}" kunt u niet ${rule.doing}.`
		);
	return rule.item?.(item) ?? null;
}

/** Why the meeting the step acts on does not allow it, or null. */
export function meetingStateRefusal(
	step: ItemStepName,
	meeting: MeetingFacts | null,
	now = new Date()
): Refusal {
	const rule: ItemStep = itemSteps[step];
	return rule.meeting?.(meeting, now) ?? null;
}

/** The verbs check the item first, before they look at the meeting (and the input about it). */
export function requireItemState(step: ItemStepName, item: ItemFacts) {
	const refusal = itemStateRefusal(step, item);
	if (refusal) throw new StateError(refusal);
}

export function requireMeetingState(
	step: ItemStepName,
	meeting: MeetingFacts | null,
	now = new Date()
) {
	const refusal = meetingStateRefusal(step, meeting, now);
	if (refusal) throw new StateError(refusal);
}
