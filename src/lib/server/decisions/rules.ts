import type { MeetingStatus } from '../db/schema';
import { StateError } from '../kernel/errors';
import { startOfAmsterdamDay, TIME_ZONE } from '../../time';

/**
 * When meeting mode and decisions are possible, written once: the verbs refuse by these rules and
 * the meeting page offers only what they allow.
 */
export interface SessionFacts {
	status: MeetingStatus;
	startsAt: Date;
	sessionOpenedAt: Date | null;
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The meeting's own day has begun (in Amsterdam). */
export const meetingDayBegun = (meeting: SessionFacts, now: Date) =>
	now >= startOfAmsterdamDay(amsterdamDate.format(meeting.startsAt));

/** Why meeting mode cannot be opened now, or null. */
export function openSessionRefusal(meeting: SessionFacts, now = new Date()): string | null {
	if (meeting.status !== 'agenda_vastgesteld')
		return meeting.status === 'gehouden' || meeting.status === 'geannuleerd'
			? 'Deze vergadering is voorbij; de vergadermodus gaat niet meer open.'
			: 'De vergadermodus gaat open als de agenda is vastgesteld.';
	if (meeting.sessionOpenedAt) return 'De vergadermodus is al geopend.';
	if (!meetingDayBegun(meeting, now))
		return 'De vergadermodus gaat open op de dag van de vergadering.';
	return null;
}

/**
 * Why no decision can be recorded now, or null: during the meeting (meeting mode, or once it
 * began), and after it was held, until the besluitenlijst goes out for verification.
 */
export function recordRefusal(meeting: SessionFacts, now = new Date()): string | null {
	if (meeting.status === 'gehouden') return null;
	if (meeting.status !== 'agenda_vastgesteld')
		return 'Besluiten worden vastgelegd tijdens of na de vergadering, met vastgestelde agenda.';
	if (meeting.sessionOpenedAt || meeting.startsAt <= now) return null;
	return 'De vergadering is nog niet begonnen. Open de vergadermodus op de dag zelf.';
}

/** Items are carried over while the meeting is under way, before it is closed. */
export function carryOverRefusal(meeting: SessionFacts, now = new Date()): string | null {
	if (meeting.status !== 'agenda_vastgesteld')
		return meeting.status === 'gehouden'
			? 'Deze vergadering is gesloten; verplaats punten voordat u haar sluit.'
			: 'Punten worden verplaatst tijdens de vergadering, met vastgestelde agenda.';
	if (meeting.sessionOpenedAt || meeting.startsAt <= now) return null;
	return 'De vergadering is nog niet begonnen.';
}

export function requireRule(refusal: string | null) {
	if (refusal) throw new StateError(refusal);
}
