import { getLocale } from '$lib/paraglide/runtime';
import { TIME_ZONE } from '$lib/time';

/**
 * A day in Amsterdam: a moment ("2026-05-12T08:00:00Z") or a calendar date ("2026-07-01"), in
 * the page's language or the one asked (the published Dutch text keeps Dutch dates).
 */
export function formatDay(value: string, locale: 'nl' | 'en' = getLocale() as 'nl' | 'en') {
	const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
	const at = new Date(calendarDate ? `${value}T12:00:00Z` : value);
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		dateStyle: 'long',
		timeZone: calendarDate ? 'UTC' : TIME_ZONE
	}).format(at);
}
