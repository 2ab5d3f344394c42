import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { agreementStatuses, ratificationStates } from '../../../src/lib/server/db/schema';
import {
	fallbackInForceSql,
	overdueSql,
	ratificationSummaryOf
} from '../../../src/lib/server/agreements/queries';
import {
	fallbackInForce,
	isOverdue,
	ratificationSummary
} from '../../../src/lib/server/agreements/status';
import { agreementRegister } from '../../../src/lib/server/agreements';
import { rowsOf } from '../../../src/lib/server/agreements/rows';
import { startOfAmsterdamDay } from '../../../src/lib/time';
import { useProcessDatabase } from '../process-env';
import { createTeam, forceAgreement, freeAgreement, type Team } from './fixtures';

/*
 * The derived facts are written twice: in TypeScript for a page (status.ts) and as SQL for the
 * register's filters and counts (queries.ts). These properties hold the two equal on the engine
 * under test, for instants drawn around midnight in Amsterdam and around the changes to and from
 * summer time (the last Sundays of March and October), where a wrong offset shows first.
 */

useProcessDatabase();

const DAY = 86_400_000;
const shift = (day: string, days: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
function lastSunday(year: number, month: number): string {
	const last = new Date(Date.UTC(year, month, 0));
	last.setUTCDate(last.getUTCDate() - last.getUTCDay());
	return last.toISOString().slice(0, 10);
}

const anyDay = fc
	.date({
		min: new Date('2024-01-01T00:00:00Z'),
		max: new Date('2031-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((date) => date.toISOString().slice(0, 10));
const dstDay = fc
	.tuple(
		fc.integer({ min: 2024, max: 2031 }),
		fc.constantFrom(3, 10),
		fc.integer({ min: -1, max: 1 })
	)
	.map(([year, month, offset]) => shift(lastSunday(year, month), offset));
const pivot = fc.oneof(anyDay, dstDay, dstDay);

/** An agreement's dates near a day, and an instant within three hours of that day's midnights. */
const scenario = pivot.chain((day) =>
	fc.record({
		status: fc.constantFrom(...agreementStatuses),
		deadline: fc.integer({ min: -1, max: 1 }).map((n) => shift(day, n)),
		expectedDate: fc.option(fc.integer({ min: -1, max: 1 }).map((n) => shift(day, n))),
		fallbackDate: fc.option(fc.integer({ min: -1, max: 1 }).map((n) => shift(day, n))),
		now: fc
			.tuple(
				fc.integer({ min: 0, max: 1 }),
				fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 })
			)
			.map(([next, offset]) => new Date(startOfAmsterdamDay(shift(day, next)).getTime() + offset)),
		states: fc.array(fc.constantFrom(...ratificationStates), { maxLength: 3 })
	})
);
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The SQL derivations over a VALUES list of scenarios, in one query. */
async function sqlDerivations(cases: Scenario[]) {
	const db = await useDb();
	const values = sql.join(
		cases.map(
			(c, i) =>
				sql`(${i}, ${c.status}, ${c.deadline}, ${c.expectedDate}, ${c.fallbackDate}, ${c.now.toISOString()}, ${c.states.join(',')})`
		),
		sql`, `
	);
	const columns = {
		status: sql`t.status::agreement_status`,
		deadline: sql`t.deadline::date`,
		expectedDate: sql`t.expected::date`,
		fallbackDate: sql`t.fallback::date`
	};
	const now = sql`t.now::timestamptz`;
	const result = await db.execute(sql`
		select t.i::int as i,
			${overdueSql(columns, now)} as overdue,
			${fallbackInForceSql(columns, now)} as fallback,
			${ratificationSummaryOf(sql`(select unnest(string_to_array(t.states, ','))) as r(state)`)} as ratification
		from (values ${values}) as t(i, status, deadline, expected, fallback, now, states)
		order by 1`);
	return rowsOf<{ i: number; overdue: boolean; fallback: boolean; ratification: string }>(result);
}

describe('overdue, fallback and bekrachtigd: TypeScript and SQL agree', () => {
	it('property: for any agreement and instant around Amsterdam midnights and DST changes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(scenario, { minLength: 1, maxLength: 40 }), async (cases) => {
				const rows = await sqlDerivations(cases);
				expect(rows).toHaveLength(cases.length);
				for (const row of rows) {
					const c = cases[row.i]!;
					const expected = {
						overdue: isOverdue(c, c.now),
						fallback: fallbackInForce(c, c.now),
						ratification: ratificationSummary(c.states.map((state) => ({ state })))
					};
					expect({ ...row, i: undefined }, JSON.stringify(c)).toEqual({
						...expected,
						i: undefined
					});
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('the examples at the turn: a deadline on the day summer time begins and ends', async () => {
		const cases: Scenario[] = [
			// 28 March 2027 (23 hours) ends at 22:00 UTC; 31 October 2027 (25 hours) at 23:00 UTC.
			['2027-03-28', '2027-03-28T21:59:59.999Z', false],
			['2027-03-28', '2027-03-28T22:00:00.000Z', true],
			['2027-10-31', '2027-10-31T22:59:59.999Z', false],
			['2027-10-31', '2027-10-31T23:00:00.000Z', true]
		].map(([deadline, now]) => ({
			status: 'open',
			deadline: deadline as string,
			expectedDate: null,
			fallbackDate: deadline as string,
			now: new Date(now as string),
			states: []
		}));
		const rows = await sqlDerivations(cases);
		expect(rows.map((row) => row.overdue)).toEqual([false, true, false, true]);
		expect(rows.map((row) => row.fallback)).toEqual([false, true, false, true]);
	});
});

describe('the register filters overdue by the same rule', () => {
	let team: Team;
	beforeAll(async () => {
		team = await createTeam();
	});

	it('at one instant on either side of the end of the deadline day, across the change to winter time', async () => {
		const mark = `zomertijd${Date.now()}`;
		const ids: string[] = [];
		for (const [deadline, status, expectedDate] of [
			['2027-10-30', 'open', null],
			['2027-10-31', 'in_uitvoering', null],
			['2027-10-31', 'vertraagd', '2027-11-30'],
			['2027-09-30', 'vertraagd', '2027-10-31'],
			['2027-10-01', 'afgerond', null]
		] as const) {
			const made = await freeAgreement(team, { title: `Afspraak ${mark}`, deadline });
			await forceAgreement(made.id, {
				status,
				expectedDate,
				closedAt: status === 'afgerond' ? new Date() : null
			});
			ids.push(made.id);
		}
		const overdueAt = async (iso: string) =>
			(
				await agreementRegister(
					team.ipoMedewerker,
					{ q: mark, overdue: true, sort: 'deadline' },
					new Date(iso)
				)
			).rows
				.map((row) => ids.indexOf(row.id))
				.sort();
		expect(await overdueAt('2027-10-31T22:59:59.999Z')).toEqual([0]);
		expect(await overdueAt('2027-10-31T23:00:00.000Z')).toEqual([0, 1, 3]);
	});
});
