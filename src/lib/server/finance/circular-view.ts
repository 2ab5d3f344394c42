import { and, eq, ne, notExists, sql } from 'drizzle-orm';
import { decideAccess, requireAccess, type Actor } from '../access';
import { useDb } from '../db';
import { circularAmounts, financialArrangements } from '../db/schema';
import type { LiveArrangementRow, LiveCircular } from '../../realtime/finance-payloads';
import { getCircular } from './circulars';
import { arrangementRows } from './rows';
import { isFinanceStaff } from './staff';

/*
 * One circular as its page shows it: per arrangement and year what it processed, beside what is
 * committed now (the arrangement's schedule, the sum of its ledger) and the difference; and the
 * arrangements that expected this circular but that it did not process. The committed side comes
 * from arrangementRows, the overview's own row, so both pages read the schedule the same way.
 */

export interface CircularYearLine {
	year: number;
	processedCents: number;
	committedCents: number;
	/** processed − committed: what the circular did differently from the schedule. */
	differenceCents: number;
}

export interface CircularArrangementLines {
	arrangement: Pick<LiveArrangementRow, 'id' | 'reference' | 'title' | 'layer' | 'instrument'>;
	years: CircularYearLine[];
}

export interface CircularView {
	circular: LiveCircular;
	amounts: CircularArrangementLines[];
	/** Expected in this circular (not vervallen), and it processed nothing for them. */
	missing: Pick<LiveArrangementRow, 'id' | 'reference' | 'title' | 'layer' | 'instrument'>[];
	/** Whether the reader may enter and import amounts (the verbs' own rule: finance staff). */
	mayEnter: boolean;
}

const pick = (row: LiveArrangementRow) => ({
	id: row.id,
	reference: row.reference,
	title: row.title,
	layer: row.layer,
	instrument: row.instrument
});

export async function circularView(actor: Actor, id: string): Promise<CircularView> {
	requireAccess(actor, 'finance.read', { audience: ['table'] });
	const db = await useDb();
	const circular = await getCircular(db, actor, id);
	const processed = await db
		.select({
			arrangementId: circularAmounts.arrangementId,
			year: circularAmounts.year,
			cents: circularAmounts.amountCents
		})
		.from(circularAmounts)
		.where(eq(circularAmounts.circularId, circular.id))
		.orderBy(circularAmounts.year);
	const a = financialArrangements;
	const expected = await db
		.select({ id: a.id })
		.from(a)
		.where(
			and(
				eq(a.expectedCircularKind, circular.kind),
				eq(a.expectedCircularYear, circular.year),
				ne(a.status, 'vervallen'),
				notExists(
					db
						.select({ one: sql`1` })
						.from(circularAmounts)
						.where(
							and(
								eq(circularAmounts.circularId, circular.id),
								eq(circularAmounts.arrangementId, a.id)
							)
						)
				)
			)
		)
		.orderBy(a.number);
	const ids = [...new Set(processed.map((line) => line.arrangementId))];
	const rows = await arrangementRows(db, ids);
	const byArrangement = new Map<string, { year: number; cents: number }[]>();
	for (const line of processed) {
		const list = byArrangement.get(line.arrangementId) ?? [];
		list.push({ year: line.year, cents: Number(line.cents) });
		byArrangement.set(line.arrangementId, list);
	}
	const amounts = rows
		.map((row) => {
			const committed = new Map(row.schedule.map((year) => [year.year, year.cents]));
			return {
				arrangement: pick(row),
				years: (byArrangement.get(row.id) ?? []).map((line) => {
					const committedCents = committed.get(line.year) ?? 0;
					return {
						year: line.year,
						processedCents: line.cents,
						committedCents,
						differenceCents: line.cents - committedCents
					};
				})
			};
		})
		.sort((x, y) => x.arrangement.reference.localeCompare(y.arrangement.reference));
	const missing = (
		await arrangementRows(
			db,
			expected.map((row) => row.id)
		)
	).map(pick);
	return { circular, amounts, missing, mayEnter: await mayEnterAmounts(actor) };
}

/** The gate of the verbs that record money (requireFinanceStaff), asked without throwing. */
export async function mayEnterAmounts(actor: Actor): Promise<boolean> {
	const financeStaff = await isFinanceStaff(await useDb(), actor);
	return decideAccess(actor, 'finance.manage', { financeStaff }) === 'ok';
}

/** How many amounts each circular processed, by its id (the list of circulars). */
export async function circularAmountCounts(actor: Actor): Promise<Record<string, number>> {
	requireAccess(actor, 'finance.read', { audience: ['table'] });
	const db = await useDb();
	const rows = await db
		.select({ id: circularAmounts.circularId, n: sql<string>`count(*)::text` })
		.from(circularAmounts)
		.groupBy(circularAmounts.circularId);
	return Object.fromEntries(rows.map((row) => [row.id, Number(row.n)]));
}
