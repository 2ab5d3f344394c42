import { asc, eq, and } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db';
import { budgetMoments, type BudgetMoment, type BudgetMomentKind } from '../db/schema';
import { InvalidInputError } from '../kernel/errors';
import { endOfAmsterdamDay } from '../../time';
import type { LiveBudgetMoment } from '../../realtime/finance-payloads';
import { budgetMomentLabel } from './labels';

/*
 * The Rijk's budget moments, reference data for the years around now: the Voorjaarsnota (sent to
 * parliament in spring, before 1 June by law), the Miljoenennota (the budget of a year, presented
 * on the Prinsjesdag before it: the third Tuesday of September) and the Najaarsnota (before 1 December). Prinsjesdag is exact; the other two take a
 * fixed day (15 April and 30 November) unless entered otherwise: what matters for "as known at"
 * is that an entry made at that moment carries the moment, and is known by its end.
 */

const FIRST_YEAR = 2020;
const LAST_YEAR = 2035;

function prinsjesdag(year: number): string {
	const first = new Date(Date.UTC(year, 8, 1)).getUTCDay(); // 0 = Sunday
	const firstTuesday = 1 + ((2 - first + 7) % 7);
	return `${year}-09-${String(firstTuesday + 14).padStart(2, '0')}`;
}

export function budgetMomentSeed(): {
	kind: BudgetMomentKind;
	year: number;
	publishedOn: string;
}[] {
	const rows: { kind: BudgetMomentKind; year: number; publishedOn: string }[] = [];
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
		rows.push({ kind: 'voorjaarsnota', year, publishedOn: `${year}-04-15` });
		// The Miljoenennota of a year is the budget for that year, presented the Prinsjesdag before.
		rows.push({ kind: 'miljoenennota', year, publishedOn: prinsjesdag(year - 1) });
		rows.push({ kind: 'najaarsnota', year, publishedOn: `${year}-11-30` });
	}
	return rows;
}

/** Puts the budget moments in place (idempotent: an entered day is kept). */
export async function seedBudgetMoments(db: Executor): Promise<void> {
	await db.insert(budgetMoments).values(budgetMomentSeed()).onConflictDoNothing();
}

export const momentKey = (kind: BudgetMomentKind, year: number) => `${kind}-${year}`;

export function momentOf(row: BudgetMoment): LiveBudgetMoment {
	return {
		id: row.id,
		kind: row.kind,
		year: row.year,
		publishedOn: row.publishedOn,
		label: budgetMomentLabel(row.kind, row.year),
		key: momentKey(row.kind, row.year)
	};
}

export async function listBudgetMoments(db: Executor): Promise<LiveBudgetMoment[]> {
	const rows = await db.select().from(budgetMoments).orderBy(asc(budgetMoments.publishedOn));
	return rows.map(momentOf);
}

/** The moment a view is "as known at": the end of a day in Amsterdam, or of a budget moment's day. */
export interface AsOf {
	at: Date;
	/** The query's own words for it: `voorjaarsnota-2025` or `2025-04-15`. */
	key: string;
	/** "Voorjaarsnota 2025" or the day. */
	label: string;
	moment: LiveBudgetMoment | null;
}

const momentPattern = /^(voorjaarsnota|miljoenennota|najaarsnota)-(\d{4})$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export const asOfText = z
	.string()
	.trim()
	.max(40, { error: 'Kies een begrotingsmoment of een datum.' })
	.optional();

/**
 * Reads an "as known at" (`voorjaarsnota-2025`, `2025-04-15`, or an ISO instant); absent or empty
 * means now (null). A moment that does not exist, or a day that is no day, is refused in Dutch.
 */
export async function resolveAsOf(
	db: Executor,
	text: string | null | undefined,
	field = 'asOf'
): Promise<AsOf | null> {
	const value = text?.trim();
	if (!value) return null;
	const moment = momentPattern.exec(value);
	if (moment) {
		const [row] = await db
			.select()
			.from(budgetMoments)
			.where(
				and(
					eq(budgetMoments.kind, moment[1] as BudgetMomentKind),
					eq(budgetMoments.year, Number(moment[2]))
				)
			);
		if (!row) throw new InvalidInputError({ [field]: 'Dit begrotingsmoment kennen we niet.' });
		const live = momentOf(row);
		return {
			at: endOfAmsterdamDay(row.publishedOn),
			key: live.key,
			label: live.label,
			moment: live
		};
	}
	if (dayPattern.test(value)) {
		// PostgreSQL has no year 0, and before 1000 no budget moment is of use.
		if (value < '1000-01-01')
			throw new InvalidInputError({ [field]: 'Vul een datum in vanaf het jaar 1000.' });
		const at = endOfAmsterdamDay(value);
		const [y, m, d] = value.split('-').map(Number);
		const check = new Date(Date.UTC(y!, m! - 1, d!));
		if (Number.isNaN(at.getTime()) || check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d)
			throw new InvalidInputError({
				[field]: 'Vul een bestaande datum in, bijvoorbeeld 2025-04-15.'
			});
		return { at, key: value, label: value, moment: null };
	}
	const instant = new Date(value);
	if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant.getTime())) {
		if (instant.getUTCFullYear() < 1000)
			throw new InvalidInputError({ [field]: 'Vul een datum in vanaf het jaar 1000.' });
		return { at: instant, key: instant.toISOString(), label: instant.toISOString(), moment: null };
	}
	throw new InvalidInputError({
		[field]: 'Kies een begrotingsmoment (zoals voorjaarsnota-2025) of een datum (zoals 2025-04-15).'
	});
}
