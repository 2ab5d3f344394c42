import { getLocale } from '$lib/paraglide/runtime';
import { formatWhen } from '$lib/format-time';
import { TIME_ZONE } from '$lib/time';
import { m } from '$lib/paraglide/messages';

const dayKey = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** Made once per locale: building an Intl formatter costs far more than using it. */
const timeFormats = {
	nl: new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, timeStyle: 'short' }),
	en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeStyle: 'short' })
};

function timeOnly(at: Date): string {
	return timeFormats[getLocale() === 'nl' ? 'nl' : 'en'].format(at);
}

/** "30 november 2026 om 10:00 tot 12:30" in Amsterdam time; the end date only when it differs. */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string): string {
	const start = new Date(startsAt);
	const end = new Date(endsAt);
	const sameDay = dayKey.format(start) === dayKey.format(end);
	return m.meeting_time_range({
		start: formatWhen(start),
		end: sameDay ? timeOnly(end) : formatWhen(end)
	});
}
