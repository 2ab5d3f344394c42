import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import { transaction, type Transaction } from '../db';
import {
	budgetMoments,
	financeEntries,
	financeEntryLines,
	financialArrangements
} from '../db/schema';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StaleVersionError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveArrangementRow, LiveEntry } from '../../realtime/finance-payloads';
import { momentOf } from './moments';
import { centsOf } from './rows';
import { recordEntrySchema, type YearAmount } from './schemas';
import {
	arrangementFieldLabels,
	findArrangement,
	recordArrangementEvent,
	requireFinanceStaff,
	type ArrangementRow
} from './store';

/*
 * The ledger: a change of a schedule is an entry with, per year that changes, the difference in
 * cents. The person gives the amounts a year should have after it; the verb writes the differences
 * from the schedule now, so that summing the lines (up to a moment) is the schedule (as then).
 */

export interface EntryInput {
	reason: string;
	budgetMomentId: string | null;
	amounts: YearAmount[];
	knownAt?: Date;
	correctsId?: string | null;
}

/** The schedule now, per year in cents (years with lines only). */
async function scheduleNow(tx: Transaction, arrangementId: string): Promise<Map<number, number>> {
	const rows = await tx
		.select({
			year: financeEntryLines.year,
			cents: sql<string>`sum(${financeEntryLines.deltaCents})::text`
		})
		.from(financeEntryLines)
		.where(eq(financeEntryLines.arrangementId, arrangementId))
		.groupBy(financeEntryLines.year);
	return new Map(rows.map((row) => [row.year, centsOf(row.cents)]));
}

/**
 * Writes an entry on a locked arrangement (the caller's transaction) and raises its schedule
 * version; answers the entry as the history shows it. Refuses an entry that changes nothing, one
 * known before the newest entry (the ledger stays in order), and one known in the future.
 */
export async function writeEntry(
	tx: Transaction,
	actor: Actor,
	row: ArrangementRow,
	input: EntryInput
): Promise<{ entry: LiveEntry; saved: ArrangementRow }> {
	const now = new Date();
	const knownAt = input.knownAt ?? now;
	if (knownAt.getTime() > now.getTime() + 60_000)
		throw new InvalidInputError({ knownAt: 'Een boeking kan niet in de toekomst bekend zijn.' });
	const [newest] = await tx
		.select({ knownAt: financeEntries.knownAt })
		.from(financeEntries)
		.where(eq(financeEntries.arrangementId, row.id))
		.orderBy(desc(financeEntries.sequence))
		.limit(1);
	if (newest && knownAt < newest.knownAt)
		throw new InvalidInputError({
			knownAt:
				'Deze boeking zou bekend zijn vóór de laatste boeking van dit arrangement; boek in volgorde.'
		});
	if (input.correctsId) {
		const [corrected] = await tx
			.select({ id: financeEntries.id })
			.from(financeEntries)
			.where(
				and(eq(financeEntries.id, input.correctsId), eq(financeEntries.arrangementId, row.id))
			);
		if (!corrected)
			throw new InvalidInputError({ correctsId: 'Kies een boeking van dit arrangement.' });
	}
	let moment = null;
	if (input.budgetMomentId) {
		[moment] = await tx
			.select()
			.from(budgetMoments)
			.where(eq(budgetMoments.id, input.budgetMomentId));
		if (!moment)
			throw new InvalidInputError({ budgetMomentId: 'Kies een begrotingsmoment uit de lijst.' });
	}
	const current = await scheduleNow(tx, row.id);
	const lines = input.amounts
		.map(({ year, cents }) => {
			const from = current.get(year) ?? 0;
			return { year, deltaCents: cents - from, fromCents: from, toCents: cents };
		})
		.filter((line) => line.deltaCents !== 0)
		.sort((x, y) => x.year - y.year);
	if (lines.length === 0)
		throw new InvalidInputError({
			amounts: 'Deze bedragen zijn al het kasritme: er verandert niets.'
		});
	const sequence = row.scheduleVersion + 1;
	const [entry] = await tx
		.insert(financeEntries)
		.values({
			arrangementId: row.id,
			sequence,
			reason: input.reason,
			budgetMomentId: moment?.id ?? null,
			knownAt,
			recordedAt: now,
			recordedBy: actor.personId,
			correctsId: input.correctsId ?? null
		})
		.returning();
	await tx.insert(financeEntryLines).values(
		lines.map((line) => ({
			entryId: entry!.id,
			arrangementId: row.id,
			year: line.year,
			deltaCents: line.deltaCents,
			knownAt
		}))
	);
	const [saved] = await tx
		.update(financialArrangements)
		.set({
			scheduleVersion: sequence,
			version: sql`${financialArrangements.version} + 1`,
			updatedAt: now
		})
		.where(eq(financialArrangements.id, row.id))
		.returning();
	return {
		saved: saved!,
		entry: {
			id: entry!.id,
			sequence,
			reason: input.reason,
			budgetMoment: moment ? momentOf(moment) : null,
			knownAt: knownAt.toISOString(),
			recordedAt: now.toISOString(),
			recordedByName: actor.name,
			correctsId: input.correctsId ?? null,
			lines
		}
	};
}

/**
 * The secretariaat, Financiën or BZK changes a schedule: the amounts some years have from now on,
 * with the reason ("bijgesteld bij Voorjaarsnota 2026"), against the schedule version they saw.
 * A new entry resets the koepel's mark (it held for the version before).
 */
export async function recordEntry(
	actor: Actor,
	arrangementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<{ row: LiveArrangementRow; entry: LiveEntry }> {
	const fields = parseInput(recordEntrySchema, input);
	return transaction(async (tx) => {
		const found = await findArrangement(tx, actor, arrangementId, { lock: true });
		await requireFinanceStaff(tx, actor);
		if (found.row.status === 'vervallen')
			throw new StateError('Dit arrangement is vervallen; het kasritme verandert niet meer.');
		if (
			fields.expectedScheduleVersion !== undefined &&
			fields.expectedScheduleVersion !== found.row.scheduleVersion
		)
			throw new StaleVersionError(found.row.version, ['schedule'], arrangementFieldLabels);
		const { entry, saved } = await writeEntry(tx, actor, found.row, fields);
		const row = await recordArrangementEvent(
			tx,
			actor,
			context,
			saved,
			'finance.entry_recorded.v1',
			{
				entry
			}
		);
		return { row, entry };
	});
}
