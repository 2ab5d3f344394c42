import { amsterdamOffsetMinutes, TIME_ZONE } from '../../time';

const day = 24 * 3_600_000;
const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The next moment after `now` at `minute` minutes past midnight, Amsterdam time. */
export function nextDigestAt(now: Date, minute: number): Date {
	for (let offset = 0; offset <= 2; offset++) {
		const date = isoDate.format(new Date(now.getTime() + offset * day));
		const at = amsterdamWallTime(date, minute);
		if (at > now) return at;
	}
	return new Date(now.getTime() + day);
}

/**
 * The instant of a wall-clock time in Amsterdam: the offset is the one at that time itself, not
 * at midnight (on the day summer time begins or ends the two differ).
 */
export function amsterdamWallTime(isoDay: string, minute: number): Date {
	const asUtc = new Date(`${isoDay}T00:00:00Z`).getTime() + minute * 60_000;
	const guess = asUtc - amsterdamOffsetMinutes(new Date(asUtc)) * 60_000;
	return new Date(asUtc - amsterdamOffsetMinutes(new Date(guess)) * 60_000);
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
