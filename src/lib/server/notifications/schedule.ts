import { startOfAmsterdamDay, TIME_ZONE } from '../../time';

const day = 24 * 3_600_000;
const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The next moment after `now` at `minute` minutes past midnight, Amsterdam time. */
export function nextDigestAt(now: Date, minute: number): Date {
	for (let offset = 0; offset <= 2; offset++) {
		const date = isoDate.format(new Date(now.getTime() + offset * day));
		const at = new Date(startOfAmsterdamDay(date).getTime() + minute * 60_000);
		if (at > now) return at;
	}
	return new Date(now.getTime() + day);
}

/** The reminder before an agenda's deadline: 2 days before the meeting begins. */
export const REMINDER_BEFORE_MS = 2 * day;

export function reminderDueAt(startsAt: Date): Date {
	return new Date(startsAt.getTime() - REMINDER_BEFORE_MS);
}

/** How long notifications are kept, and done jobs. */
export const KEEP_NOTIFICATIONS_MS = 90 * day;
export const KEEP_DONE_JOBS_MS = 30 * day;
export const CLEANUP_EVERY_MS = day;
