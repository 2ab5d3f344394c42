import { m } from '$lib/paraglide/messages';
import type { LiveArrangementRow } from '$lib/realtime/finance-payloads';
import { verdictLabel } from '../labels';

/**
 * The receiving koepel's word on an arrangement's figures, as the overview says it: "Eens",
 * "Oneens", "Eens (verouderd)" for a mark given on an earlier schedule, or null for none yet.
 */
export function koepelMarkText(row: LiveArrangementRow): string | null {
	const mark = row.marks.find((one) => one.party === row.receivingParty);
	if (!mark) return null;
	const verdict = verdictLabel(mark.verdict);
	return mark.current ? verdict : m.fin_overview_mark_stale({ verdict });
}

/** The amount of a year in a schedule, 0 for a year without one. */
export const centsInYear = (schedule: LiveArrangementRow['schedule'], year: number) =>
	schedule.find((line) => line.year === year)?.cents ?? 0;
