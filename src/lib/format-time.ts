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
