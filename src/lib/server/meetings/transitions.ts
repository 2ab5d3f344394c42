import type { MeetingStatus } from '../db/schema';
import { StateError } from '../kernel/errors';
import { agendaOpen, meetingStatusLabels } from './queries';

/**
 * The status rules of a meeting, written once: the verbs refuse by them and allowed.ts answers
 * "may this actor do this here" by them, so a page never offers a step the verb would refuse.
 */

/** What the rules need to know of a meeting. */
export interface MeetingFacts {
	status: MeetingStatus;
	startsAt: Date;
}

/** The steps of a meeting's life, each with the statuses it may start from. */
export const meetingSteps = {
	open: ['gepland'],
	align: ['gepland', 'open_voor_voorstellen'],
	adopt: ['agenda_in_afstemming'],
	reopen: ['agenda_vastgesteld'],
	held: ['agenda_vastgesteld'],
	cancel: ['gepland', 'open_voor_voorstellen', 'agenda_in_afstemming', 'agenda_vastgesteld']
} as const satisfies Record<string, readonly MeetingStatus[]>;
export type MeetingStep = keyof typeof meetingSteps;

/** Why the step cannot be taken now (a Dutch sentence), or null when it can. */
export function meetingStepRefusal(
	step: MeetingStep,
	meeting: MeetingFacts,
	now = new Date()
): string | null {
	const from: readonly MeetingStatus[] = meetingSteps[step];
	if (!from.includes(meeting.status))
		return `Dit kan niet bij een vergadering met de status "${meetingStatusLabels[meeting.status]}".`;
	if (step === 'held' && meeting.startsAt > now) return 'De vergadering is nog niet begonnen.';
	return null;
}

export function requireMeetingStep(step: MeetingStep, meeting: MeetingFacts, now = new Date()) {
	const refusal = meetingStepRefusal(step, meeting, now);
	if (refusal) throw new StateError(refusal);
}

/** A meeting's details change until it was held or cancelled. */
export function meetingEditRefusal(meeting: MeetingFacts): string | null {
	return meeting.status === 'gehouden' || meeting.status === 'geannuleerd'
		? `Deze vergadering is ${meetingStatusLabels[meeting.status]}; wijzigen kan niet meer.`
		: null;
}

/** Why the agenda no longer takes changes (items, order, minutes), or null while it does. */
export function agendaClosedRefusal(meeting: MeetingFacts | null): string | null {
	if (!meeting || agendaOpen.includes(meeting.status)) return null;
	return meeting.status === 'agenda_vastgesteld'
		? 'De agenda van deze vergadering is vastgesteld. Het secretariaat moet haar eerst heropenen.'
		: `Deze vergadering is ${meetingStatusLabels[meeting.status]}; de agenda verandert niet meer.`;
}
