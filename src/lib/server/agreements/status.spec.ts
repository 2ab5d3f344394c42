import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementStatuses, ratificationStates } from '../db/schema';
import { startOfAmsterdamDay } from '../../time';
import {
	amsterdamToday,
	dueDate,
	fallbackInForce,
	isOverdue,
	ratificationSummary,
	statusChangeRefusal
} from './status';

const at = (iso: string) => new Date(iso);
const open = { status: 'open' as const, expectedDate: null };

/** The day after a yyyy-mm-dd. */
function nextDay(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

/** The last Sunday of a month (March and October: the changes of summer time in the EU). */
function lastSunday(year: number, month: number): string {
	const last = new Date(Date.UTC(year, month, 0));
	last.setUTCDate(last.getUTCDate() - last.getUTCDay());
	return last.toISOString().slice(0, 10);
}

describe('overdue (verlopen) around midnight in Amsterdam', () => {
	it('turns at the first instant of the next Amsterdam day, winter and summer', () => {
		// Winter (UTC+1): 31 January ends at 23:00 UTC.
		const winter = { ...open, deadline: '2027-01-31' };
		expect(isOverdue(winter, at('2027-01-31T22:59:59.999Z'))).toBe(false);
		expect(isOverdue(winter, at('2027-01-31T23:00:00.000Z'))).toBe(true);
		// Summer (UTC+2): 30 June ends at 22:00 UTC.
		const summer = { ...open, deadline: '2027-06-30' };
		expect(isOverdue(summer, at('2027-06-30T21:59:59.999Z'))).toBe(false);
		expect(isOverdue(summer, at('2027-06-30T22:00:00.000Z'))).toBe(true);
	});

	it('is right on the days summer time begins and ends', () => {
		// 28 March 2027 has 23 hours: it begins at 23:00 UTC the day before and ends at 22:00 UTC.
		const spring = { ...open, deadline: '2027-03-28' };
		expect(isOverdue(spring, at('2027-03-28T21:59:59.999Z'))).toBe(false);
		expect(isOverdue(spring, at('2027-03-28T22:00:00.000Z'))).toBe(true);
		const dayBefore = { ...open, deadline: '2027-03-27' };
		expect(isOverdue(dayBefore, at('2027-03-27T22:59:59.999Z'))).toBe(false);
		expect(isOverdue(dayBefore, at('2027-03-27T23:00:00.000Z'))).toBe(true);
		// 31 October 2027 has 25 hours: it begins at 22:00 UTC the day before and ends at 23:00 UTC.
		const autumn = { ...open, deadline: '2027-10-31' };
		expect(isOverdue(autumn, at('2027-10-31T22:59:59.999Z'))).toBe(false);
		expect(isOverdue(autumn, at('2027-10-31T23:00:00.000Z'))).toBe(true);
		const before = { ...open, deadline: '2027-10-30' };
		expect(isOverdue(before, at('2027-10-30T21:59:59.999Z'))).toBe(false);
		expect(isOverdue(before, at('2027-10-30T22:00:00.000Z'))).toBe(true);
	});

	it('never for an agreement that is afgerond or vervallen', () => {
		for (const status of ['afgerond', 'vervallen'] as const)
			expect(
				isOverdue({ status, deadline: '2020-01-01', expectedDate: null }, at('2027-01-01T12:00Z'))
			).toBe(false);
	});

	it('measures a vertraagd agreement against its expected date', () => {
		const late = {
			status: 'vertraagd' as const,
			deadline: '2027-01-31',
			expectedDate: '2027-03-31'
		};
		expect(dueDate(late)).toBe('2027-03-31');
		expect(isOverdue(late, at('2027-02-15T12:00Z'))).toBe(false);
		expect(isOverdue(late, at('2027-03-31T22:00Z'))).toBe(true);
		// The expected date counts only while vertraagd.
		expect(dueDate({ ...late, status: 'in_uitvoering' })).toBe('2027-01-31');
	});

	const day = fc
		.date({
			min: new Date('2024-01-01T00:00:00Z'),
			max: new Date('2032-12-31T00:00:00Z'),
			noInvalidDate: true
		})
		.map((date) => date.toISOString().slice(0, 10));
	/** Days that matter most: the changes of summer time, and ordinary ones. */
	const interesting = fc.oneof(
		day,
		fc
			.integer({ min: 2024, max: 2032 })
			.chain((year) =>
				fc
					.constantFrom(lastSunday(year, 3), lastSunday(year, 10))
					.chain((sunday) =>
						fc.constantFrom(
							sunday,
							nextDay(sunday),
							new Date(Date.parse(sunday) - 86_400_000).toISOString().slice(0, 10)
						)
					)
			)
	);

	it('property: overdue exactly from the start of the Amsterdam day after the due day', () => {
		fc.assert(
			fc.property(
				interesting,
				fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
				fc.constantFrom(...agreementStatuses),
				(deadline, offset, status) => {
					const turn = startOfAmsterdamDay(nextDay(deadline)).getTime();
					const now = new Date(turn + offset);
					const agreement = {
						status,
						deadline,
						expectedDate: status === 'vertraagd' ? deadline : null
					};
					const expected = status !== 'afgerond' && status !== 'vervallen' && offset >= 0;
					expect(isOverdue(agreement, now)).toBe(expected);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('property: an Amsterdam day lasts 23, 24 or 25 hours, 23 and 25 only on the last Sunday of March and October', () => {
		fc.assert(
			fc.property(interesting, (date) => {
				const hours =
					(startOfAmsterdamDay(nextDay(date)).getTime() - startOfAmsterdamDay(date).getTime()) /
					3_600_000;
				const year = Number(date.slice(0, 4));
				const expected =
					date === lastSunday(year, 3) ? 23 : date === lastSunday(year, 10) ? 25 : 24;
				expect(hours).toBe(expected);
				// And the day is itself at its start and its last millisecond.
				expect(amsterdamToday(startOfAmsterdamDay(date))).toBe(date);
				expect(amsterdamToday(new Date(startOfAmsterdamDay(nextDay(date)).getTime() - 1))).toBe(
					date
				);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('terugvaloptie van kracht', () => {
	it('once the fallback day has ended in Amsterdam, while the agreement is not closed', () => {
		const agreement = { status: 'open' as const, fallbackDate: '2027-04-01' };
		expect(fallbackInForce(agreement, at('2027-04-01T21:59:59.999Z'))).toBe(false);
		expect(fallbackInForce(agreement, at('2027-04-01T22:00:00.000Z'))).toBe(true);
		expect(fallbackInForce({ ...agreement, status: 'afgerond' }, at('2027-05-01T12:00Z'))).toBe(
			false
		);
		expect(fallbackInForce({ status: 'open', fallbackDate: null }, at('2030-01-01T12:00Z'))).toBe(
			false
		);
	});
});

describe('bekrachtigd', () => {
	it('only when every koepel that consulted its members approved', () => {
		expect(ratificationSummary([])).toBe('geen');
		expect(ratificationSummary([{ state: 'niet_nodig' }, { state: 'niet_nodig' }])).toBe('geen');
		expect(ratificationSummary([{ state: 'goedgekeurd' }, { state: 'niet_nodig' }])).toBe(
			'bekrachtigd'
		);
		expect(ratificationSummary([{ state: 'goedgekeurd' }, { state: 'lopend' }])).toBe('lopend');
		expect(ratificationSummary([{ state: 'lopend' }, { state: 'afgewezen' }])).toBe('afgewezen');
	});

	it('property: bekrachtigd exactly when some consulted and all of those approved', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...ratificationStates), { maxLength: 3 }), (states) => {
				const needed = states.filter((state) => state !== 'niet_nodig');
				const rows = states.map((state) => ({ state }));
				expect(ratificationSummary(rows) === 'bekrachtigd').toBe(
					needed.length > 0 && needed.every((state) => state === 'goedgekeurd')
				);
			})
		);
	});
});

describe('who changes a status to what', () => {
	it('an owner sets in uitvoering or vertraagd on an open agreement, and nothing on a closed one', () => {
		expect(statusChangeRefusal('open', 'in_uitvoering', 'owner')).toBeNull();
		expect(statusChangeRefusal('in_uitvoering', 'vertraagd', 'owner')).toBeNull();
		expect(statusChangeRefusal('vertraagd', 'vertraagd', 'owner')).toBeNull();
		expect(statusChangeRefusal('in_uitvoering', 'open', 'owner')).toMatch(
			/in uitvoering of vertraagd/
		);
		expect(statusChangeRefusal('in_uitvoering', 'afgerond', 'owner')).toMatch(/secretariaat/);
		expect(statusChangeRefusal('afgerond', 'in_uitvoering', 'owner')).toMatch(/gesloten/);
	});

	it('the secretariaat sets any status, reopening included, but not the one it has', () => {
		expect(statusChangeRefusal('vervallen', 'open', 'secretariaat')).toBeNull();
		expect(statusChangeRefusal('open', 'afgerond', 'secretariaat')).toBeNull();
		expect(statusChangeRefusal('afgerond', 'afgerond', 'secretariaat')).toMatch(/al afgerond/);
	});
});
