/** Shown and entered times are Europe/Amsterdam; stored times are instants (timestamptz). */
export const TIME_ZONE = 'Europe/Amsterdam';

/** The UTC offset of Amsterdam at an instant, in minutes (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(at: Date): number {
	const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
		.formatToParts(at)
		.find((p) => p.type === 'timeZoneName')?.value;
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
	if (!match) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/** The instant a calendar day (yyyy-mm-dd) starts in Amsterdam. */
export function startOfAmsterdamDay(isoDate: string): Date {
	const utcMidnight = new Date(`${isoDate}T00:00:00Z`);
	return new Date(utcMidnight.getTime() - amsterdamOffsetMinutes(utcMidnight) * 60_000);
}

/** The last millisecond of a calendar day in Amsterdam. */
export function endOfAmsterdamDay(isoDate: string): Date {
	const next = new Date(`${isoDate}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return new Date(startOfAmsterdamDay(next.toISOString().slice(0, 10)).getTime() - 1);
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	dateStyle: 'long',
	timeStyle: 'short'
});
export function formatDateTime(at: Date | string): string {
	return dateTime.format(typeof at === 'string' ? new Date(at) : at);
}
