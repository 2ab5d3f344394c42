import type { Party } from '../db/schema';
import { amsterdamToday } from '../agreements/status';
import { amsterdamWallTime } from './schedule';

/*
 * When the agreements' reminders go out (issue 14): to the contact person of each responsible
 * party 14 and 3 days before the day an agreement is due (status.ts's dueDate: its deadline, or
 * its expected date while vertraagd) and on the day after it, the day it shows as verlopen; and
 * to the koepel on the day its ledenraadpleging closes. Each at 08:00 on its day in Amsterdam: the
 * wall clock stays, the instant moves by an hour across the changes of summer time.
 *
 * Decided here:
 * - A reminder is one per agreement, kind and day it is due (or koepel and closing day): its key.
 *   The queue holds at most one open job per key; the event log records a key once it went out,
 *   and a key that went out never goes out again (a deadline moved away and back).
 * - A reminder whose day is before yesterday is not sent any more: the demo's seed and a long
 *   outage of every process send no flood of stale reminders, and at most the newest one of each
 *   row of the sequence goes out (14 and 3 days, and the day after, lie days apart). One of today
 *   or yesterday whose hour passed goes out at once (a deadline moved to 3 days from now).
 */

export const deadlineReminders = ['days_14', 'days_3', 'overdue'] as const;
export type DeadlineReminder = (typeof deadlineReminders)[number];

/** From the day it is due: 14 and 3 days before, and the day after (verlopen from its start). */
const offsetDays: Record<DeadlineReminder, number> = { days_14: -14, days_3: -3, overdue: 1 };

/** 08:00 in Amsterdam: the start of a working day. */
export const REMINDER_MINUTE = 8 * 60;

/** The events a reminder writes when it goes out (audit only; the notifications follow from them). */
export const agreementReminderEvents = {
	deadline: 'agreement.deadline_reminder_due.v1',
	ratification: 'agreement.ratification_reminder_due.v1'
} as const;

/** What a reminder's job carries: enough to check, when it runs, that it still applies. */
export type AgreementReminder =
	| { agreementId: string; reminder: DeadlineReminder; dueDate: string; day: string }
	| { agreementId: string; reminder: 'ratification'; koepel: Party; closesOn: string; day: string };

export function addDays(isoDay: string, days: number): string {
	const date = new Date(`${isoDay}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The calendar day of a deadline reminder. */
export function reminderDay(dueDate: string, reminder: DeadlineReminder): string {
	return addDays(dueDate, offsetDays[reminder]);
}

/** The day an agreement is due when a reminder falls on `day` (the scan asks it this way round). */
export function dueDateFor(day: string, reminder: DeadlineReminder): string {
	return addDays(day, -offsetDays[reminder]);
}

/** The instant the reminders of a day go out. */
export function reminderAt(day: string): Date {
	return amsterdamWallTime(day, REMINDER_MINUTE);
}

/** Whether a reminder of this day may still go out at `now`: its day is not before yesterday. */
export function stillTimely(day: string, now: Date): boolean {
	return day >= addDays(amsterdamToday(now), -1);
}

/** Whole calendar days from today in Amsterdam to `day`. */
export function daysUntil(day: string, now: Date): number {
	const from = Date.parse(`${amsterdamToday(now)}T00:00:00Z`);
	return Math.round((Date.parse(`${day}T00:00:00Z`) - from) / 86_400_000);
}

export function reminderKey(reminder: AgreementReminder): string {
	const base = `agreement-reminder:${reminder.agreementId}`;
	return reminder.reminder === 'ratification'
		? `${base}:ratification-${reminder.koepel}:${reminder.closesOn}`
		: `${base}:${reminder.reminder}:${reminder.dueDate}`;
}
