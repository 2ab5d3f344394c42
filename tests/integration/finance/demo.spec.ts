import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../src/lib/server/db';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import {
	circulars,
	events,
	financeEntries,
	financeTasks,
	financialArrangements
} from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { demoActorsOf } from '../../../src/lib/server/agreements/demo';
import { demoAgreementId } from '../../../src/lib/server/agreements/demo-data';
import {
	arrangementOverview,
	financeTotals,
	getArrangement,
	getTask
} from '../../../src/lib/server/finance';
import { demoArrangementId as fid, demoTaskId } from '../../../src/lib/server/finance/demo';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

const mln = (millions: number) => millions * 100_000_000;

describe.each(enginesUnderTest())('the demo arrangements on %s', (engine) => {
	let test: TestDatabase;

	// One seed for the whole file (argon2 and the demo agreements take a while); the last test seeds
	// again and finds nothing added.
	beforeAll(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
		await seedDatabase(test.handle.db, { demo: true });
	});
	afterAll(async () => {
		await test.drop();
	});

	it('has the public figures, the circulars, the flag, the marks and the tasks, made by the demo’s people', async () => {
		const { db } = test.handle;
		const actors = (await demoActorsOf(db))!;
		const fin = actors.get('medewerker.fin')!;
		await withDatabase(db, async () => {
			const youth = await getArrangement(fin, fid(1));
			expect(youth.row.schedule).toEqual([
				{ year: 2025, cents: mln(414) },
				{ year: 2026, cents: mln(1300) },
				{ year: 2027, cents: mln(1300) }
			]);
			expect(youth.row).toMatchObject({
				status: 'toegezegd',
				agreementId: demoAgreementId(1),
				notProcessedAsExpected: false
			});
			expect(youth.row.marks).toEqual([
				expect.objectContaining({ party: 'vng', verdict: 'eens', current: true })
			]);
			expect(youth.description).toMatch(/Demobedragen/);
			expect(youth.sourceDocument).toMatch(/Voorjaarsnota 2025/);

			const cut = await getArrangement(fin, fid(2));
			expect(cut.row.schedule[0]).toEqual({ year: 2025, cents: -mln(675) });
			expect(cut.row.schedule.at(-1)).toEqual({ year: 2029, cents: mln(1000) });
			expect(cut.row).toMatchObject({ status: 'verwerkt', processedIn: 'meicirculaire 2025' });
			expect(cut.comments).toHaveLength(1);

			const wmo = await getArrangement(fin, fid(3));
			expect(wmo.history.map((entry) => entry.budgetMoment?.key)).toEqual([
				'miljoenennota-2026',
				'voorjaarsnota-2025',
				'miljoenennota-2025'
			]);
			// The septembercirculaire processed € 100.000 less in 2029: the one small difference.
			expect(
				wmo.reconciliation.filter((y) => y.differenceCents).map((y) => [y.year, y.differenceCents])
			).toEqual([[2029, -10_000_000]]);

			const bfu = await getArrangement(fin, fid(5));
			expect(bfu.replaces).toEqual(expect.objectContaining({ id: fid(4) }));
			expect(bfu.row.marks).toEqual([
				expect.objectContaining({ party: 'ipo', verdict: 'oneens', note: expect.any(String) })
			]);

			// The Regio Deal's meicirculaire 2025 is out without it: the only one flagged.
			const flagged = await arrangementOverview(fin, { notProcessed: 'true' });
			expect(flagged.rows.map((row) => row.id)).toEqual([fid(6)]);
			expect(flagged.rows[0]!.instrument).toBe('regio_deal');

			const youthTask = await getTask(fin, demoTaskId(1));
			expect(youthTask).toMatchObject({ law: 'Jeugdwet', feasibilityStatus: 'afgerond' });
			expect(youthTask.arrangements.map((row) => row.id)).toEqual([fid(1)]);
			expect(youthTask.needHistory.map((need) => [need.party, need.year])).toEqual(
				expect.arrayContaining([
					['vng', 2026],
					['vng', 2027]
				])
			);
			expect(youthTask.needHistory[0]!.source).toMatch(/Demo/);
			const wmoTask = await getTask(fin, demoTaskId(2));
			expect(wmoTask).toMatchObject({
				law: 'Wet maatschappelijke ondersteuning 2015',
				feasibilityStatus: 'lopend'
			});
			expect(wmoTask.arrangements.map((row) => row.id)).toEqual([fid(3)]);
		});
		const made = await db.select().from(financialArrangements);
		expect(new Set(made.map((row) => row.createdBy))).toEqual(new Set([fin.personId]));
		expect(await db.select().from(circulars)).toHaveLength(2);
	});

	it('knows less at the Voorjaarsnota 2025 than now', async () => {
		const { db } = test.handle;
		const fin = (await demoActorsOf(db))!.get('medewerker.fin')!;
		const [now, then] = await withDatabase(db, () =>
			Promise.all([financeTotals(fin, {}), financeTotals(fin, { asOf: 'voorjaarsnota-2025' })])
		);
		const at = (totals: typeof now, year: number) =>
			totals.total.values[totals.years.indexOf(year)] ?? 0;
		// Since then: the Wmo's loon- en prijsbijstelling (+ € 1,5 mln in 2026) and the BFU from 2027.
		expect(at(now, 2026) - at(then, 2026)).toBe(150_000_000);
		expect(at(then, 2025)).toBe(mln(414) - mln(675) + mln(40) + mln(10));
		expect(now.total.totalCents).toBeGreaterThan(then.total.totalCents);
		// The BFU was not known at the Voorjaarsnota 2025: no provincies' money after 2026 then.
		const provincies = then.byLayer.find((series) => series.key === 'provincies')!;
		expect(provincies.values[then.years.indexOf(2027)] ?? 0).toBe(0);
	});

	it('adds nothing on a second run', async () => {
		const { db } = test.handle;
		const count = async () => ({
			arrangements: (await db.select().from(financialArrangements)).length,
			entries: (await db.select().from(financeEntries)).length,
			circulars: (await db.select().from(circulars)).length,
			tasks: (await db.select().from(financeTasks)).length,
			events: (await db.select().from(events).where(like(events.type, 'finance.%'))).length
		});
		const first = await count();
		expect(first).toMatchObject({ arrangements: 6, entries: 9, circulars: 2, tasks: 2 });
		await seedDatabase(db, { demo: true });
		expect(await count()).toEqual(first);
		const created = await db
			.select()
			.from(events)
			.where(eq(events.type, 'finance.arrangement_created.v1'));
		expect(created).toHaveLength(6);
	});
});
