import { day } from './agreement-labels';
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
