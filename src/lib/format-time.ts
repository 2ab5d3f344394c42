import { getLocale } from '$lib/paraglide/runtime';
import { formatDateTime, TIME_ZONE } from '$lib/time';

const english = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	dateStyle: 'long',
	timeStyle: 'short'
});

/** A moment in Amsterdam time, in the language of the page. */
export function formatWhen(at: Date | string): string {
	if (getLocale() === 'nl') return formatDateTime(at);
	return english.format(typeof at === 'string' ? new Date(at) : at);
}

/** A calendar day (yyyy-mm-dd) as words, in the language of the page: "1 april 2027". */
export function formatDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	const date = new Date(Date.UTC(year!, month! - 1, day!, 12));
	return new Intl.DateTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', {
		timeZone: 'UTC',
		dateStyle: 'long'
	}).format(date);
}
