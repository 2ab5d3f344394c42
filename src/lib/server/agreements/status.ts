import type { AgreementStatus, RatificationState } from '../db/schema';
import { TIME_ZONE } from '../../time';

/*
 * What an agreement shows that nobody types, derived from its dates and ratifications. The same
 * rules are SQL expressions in ./queries.ts, so that the register filters and counts
 * in the database; a property test (status.spec.ts, tests/integration/agreements) holds the two
 * equal, around midnight in Amsterdam and across the changes to and from summer time.
 *
 * Decided here:
 * - Overdue ("verlopen"): the agreement is not afgerond or vervallen, and the day it is due has
 *   ended in Amsterdam. It is due on its deadline, except when it is vertraagd: then on its new
 *   expected date (that is what "vertraagd, verwacht op …" promises; a delay that passes its own
 *   date is late again).
 * - Fallback in force ("terugvaloptie van kracht"): its date has ended in Amsterdam, the same
 *   measure as a deadline, while the agreement is not closed (a closed agreement has no open
 *   fallback to apply).
 * - Bekrachtigd: at least one koepel had to consult its members (a ratification that is not
 *   niet_nodig), and every such koepel approved. Without any consultation there is nothing to
 *   ratify, which the agreement shows as "geen" rather than "bekrachtigd".
 */

export const closedStatuses = ['afgerond', 'vervallen'] as const satisfies AgreementStatus[];
export const isClosed = (status: AgreementStatus) =>
	(closedStatuses as readonly AgreementStatus[]).includes(status);

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The calendar day (yyyy-mm-dd) it is in Amsterdam at this instant. */
export function amsterdamToday(now: Date): string {
	return isoDay.format(now);
}

export interface DatedAgreement {
	status: AgreementStatus;
	/** yyyy-mm-dd */
	deadline: string;
	expectedDate: string | null;
}

/** The day an agreement is due: its expected date while vertraagd, else its deadline. */
export function dueDate(agreement: DatedAgreement): string {
	return agreement.status === 'vertraagd' && agreement.expectedDate
		? agreement.expectedDate
		: agreement.deadline;
}

/** Verlopen: open, and the day it is due has ended in Amsterdam. */
export function isOverdue(agreement: DatedAgreement, now: Date): boolean {
	return !isClosed(agreement.status) && amsterdamToday(now) > dueDate(agreement);
}

/** "Terugvaloptie van kracht": the fallback's day has ended in Amsterdam, and it is not closed. */
export function fallbackInForce(
	agreement: { status: AgreementStatus; fallbackDate: string | null },
	now: Date
): boolean {
	return (
		agreement.fallbackDate !== null &&
		!isClosed(agreement.status) &&
		amsterdamToday(now) > agreement.fallbackDate
	);
}

/**
 * The members' word on an agreement, over all koepels: geen (no koepel consults its members),
 * afgewezen (one rejected), lopend (one still consults), bekrachtigd (all who consulted approved).
 */
export type RatificationSummary = 'geen' | 'lopend' | 'afgewezen' | 'bekrachtigd';

export function ratificationSummary(rows: { state: RatificationState }[]): RatificationSummary {
	const needed = rows.filter((row) => row.state !== 'niet_nodig');
	if (needed.length === 0) return 'geen';
	if (needed.some((row) => row.state === 'afgewezen')) return 'afgewezen';
	if (needed.some((row) => row.state === 'lopend')) return 'lopend';
	return 'bekrachtigd';
}

export const isRatified = (rows: { state: RatificationState }[]) =>
	ratificationSummary(rows) === 'bekrachtigd';

/** Who changes a status: the secretariaat, or a responsible party (an owner). */
export type StatusSetter = 'secretariaat' | 'owner';

/**
 * Why this change of status is refused, or null. The secretariaat sets any status, closing
 * (afgerond, vervallen with a reason) and reopening included. A responsible party reports where
 * its work stands: in uitvoering, or vertraagd with a new expected date (and back), on an
 * agreement that is not closed; closing is the table's act, through the secretariaat.
 */
export function statusChangeRefusal(
	from: AgreementStatus,
	to: AgreementStatus,
	by: StatusSetter
): string | null {
	if (by === 'owner') {
		if (isClosed(from))
			return 'Deze afspraak is gesloten; alleen het secretariaat kan haar heropenen.';
		if (to !== 'in_uitvoering' && to !== 'vertraagd')
			return to === 'open'
				? 'Een actiehouder zet een afspraak op in uitvoering of vertraagd.'
				: 'Alleen het secretariaat sluit een afspraak (afgerond of vervallen).';
	}
	if (from === to && to !== 'vertraagd') return `De afspraak is al ${statusLabels[to]}.`;
	return null;
}

export const statusLabels: Record<AgreementStatus, string> = {
	open: 'open',
	in_uitvoering: 'in uitvoering',
	afgerond: 'afgerond',
	vertraagd: 'vertraagd',
	vervallen: 'vervallen'
};
