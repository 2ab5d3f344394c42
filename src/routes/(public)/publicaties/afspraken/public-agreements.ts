import { day } from '$lib/components/agreements/agreement-labels';
import { m } from '$lib/paraglide/messages';
import { TIME_ZONE } from '$lib/time';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The Amsterdam calendar day (yyyy-mm-dd) of a moment. */
export const amsterdamDay = (at: string) => isoDay.format(new Date(at));

/** The newest progress in words: "40% op 12 mei 2026", "Gemeld op …", or none yet. */
export function progressText(progress: { percent: number | null; at: string } | null): string {
	if (!progress) return m.public_agreements_progress_none();
	const date = day(amsterdamDay(progress.at));
	return progress.percent === null
		? m.public_agreements_progress_on({ date })
		: m.public_agreements_progress_percent_on({ percent: progress.percent, date });
}

/** The list's address with these filters at another page (the first has no number). */
export function agreementsHref(
	values: Record<string, string>,
	statuses: readonly string[],
	page: number
): string {
	const query = new URLSearchParams();
	for (const [param, value] of Object.entries(values))
		if (value && param !== 'pagina') query.set(param, value);
	for (const status of statuses) query.append('status', status);
	if (page > 1) query.set('pagina', String(page));
	const search = query.toString();
	return `/publicaties/afspraken${search ? `?${search}` : ''}`;
}
