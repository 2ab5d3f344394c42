import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { rowsOf } from '../../../src/lib/server/agreements/rows';
import { financeTotals, getArrangement, recordEntry } from '../../../src/lib/server/finance';
import { financePayloads } from '../../../src/lib/realtime/finance-payloads';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

/*
 * The ledger's properties (issue 15, "Tests"): the totals the pages and the API show equal the
 * database's own sums to the cent, for random schedules; "as known at" a moment equals replaying
 * the entries made up to it; every finance event's payload fits its schema.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const years = [2024, 2025, 2026, 2027, 2028, 2029];
/** Amounts up to ± € 10 bn in cents, so that sums stay exact and a page of them is realistic. */
const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const schedule = fc.dictionary(fc.constantFrom(...years.map(String)), amount, { minKeys: 1 });

async function databaseSums(): Promise<Map<number, bigint>> {
	const db = await useDb();
	const result = await db.execute(
		sql`select year, sum(delta_cents)::text as cents from finance_entry_line group by year`
	);
	return new Map(
		rowsOf<{ year: number; cents: string }>(result).map((r) => [Number(r.year), BigInt(r.cents)])
	);
}

describe('the totals', () => {
	it("equal the sums of the schedules entered, and the database's sums, per year and layer", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(schedule, fc.constantFrom('gemeenten', 'provincies')), {
					minLength: 1,
					maxLength: 4
				}),
				async (arrangements) => {
					const before = await financeTotals(team.vngMedewerker, {});
					const expected = new Map<string, bigint>();
					for (const [amounts, layer] of arrangements) {
						const entries = Object.fromEntries(
							Object.entries(amounts).map(([y, c]) => [Number(y), c])
						);
						await arrangementWith(team.finMedewerker, entries, { layer });
						for (const [year, cents] of Object.entries(amounts)) {
							const key = `${layer}:${year}`;
							expected.set(key, (expected.get(key) ?? 0n) + BigInt(cents));
						}
					}
					const after = await financeTotals(team.vngMedewerker, {});
					const cell = (totals: typeof after, layer: string, year: number) => {
						const series = totals.byLayer.find((s) => s.key === layer);
						const index = totals.years.indexOf(year);
						return BigInt(series && index >= 0 ? series.values[index]! : 0);
					};
					for (const layer of ['gemeenten', 'provincies'])
						for (const year of years)
							expect(cell(after, layer, year) - cell(before, layer, year)).toBe(
								expected.get(`${layer}:${year}`) ?? 0n
							);
					const sums = await databaseSums();
					for (const [index, year] of after.years.entries())
						expect(BigInt(after.total.values[index]!)).toBe(sums.get(year) ?? 0n);
					const grand = [...sums.values()].reduce((a, b) => a + b, 0n);
					expect(BigInt(after.total.totalCents)).toBe(grand);
				}
			),
			{ numRuns: 12 }
		);
	});
});

describe('"as known at"', () => {
	it('equals replaying the entries made up to that moment', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(schedule, { minLength: 1, maxLength: 5 }), async (steps) => {
				const day = 86_400_000;
				const start = Date.now() - (steps.length + 2) * day;
				const moment = (index: number) => new Date(start + index * day);
				const first = Object.fromEntries(Object.entries(steps[0]!).map(([y, c]) => [Number(y), c]));
				const row = await arrangementWith(team.finMedewerker, first, {
					knownAt: moment(0).toISOString()
				});
				const replay = new Map<number, number>();
				const states: Map<number, number>[] = [];
				for (const [index, step] of steps.entries()) {
					const changes = Object.entries(step).map(([y, c]) => [Number(y), c] as const);
					const changesSomething = changes.some(([y, c]) => (replay.get(y) ?? 0) !== c);
					if (index > 0 && changesSomething)
						await recordEntry(team.finMedewerker, row.id, {
							reason: `stap ${index}`,
							knownAt: moment(index).toISOString(),
							amounts: changes.map(([year, amountCents]) => ({ year, amountCents }))
						});
					if (index === 0 || changesSomething) for (const [y, c] of changes) replay.set(y, c);
					states.push(new Map(replay));
				}
				for (const [index, state] of states.entries()) {
					const detail = await getArrangement(team.ipoMedewerker, row.id, {
						asOf: new Date(moment(index).getTime() + 1000).toISOString()
					});
					const expected = [...state.entries()]
						.filter(([, cents]) => cents !== 0)
						.sort(([a], [b]) => a - b)
						.map(([year, cents]) => ({ year, cents }));
					expect(detail.asOfRow?.schedule ?? []).toEqual(expected);
				}
			}),
			{ numRuns: 10 }
		);
	});
});

describe('the finance events', () => {
	it('each carry a payload that fits its schema', async () => {
		const db = await useDb();
		const rows = await db
			.select({ type: events.type, payload: events.payload })
			.from(events)
			.where(sql`${events.type} like 'finance.%'`);
		expect(rows.length).toBeGreaterThan(10);
		for (const row of rows) {
			const schema = financePayloads[row.type as keyof typeof financePayloads];
			expect(schema, row.type).toBeDefined();
			const parsed = schema.safeParse(row.payload);
			expect(parsed.success, `${row.type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
		}
	});
});
