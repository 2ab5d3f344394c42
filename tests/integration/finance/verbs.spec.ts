import { and, eq, sql } from 'drizzle-orm';
import { notifications } from '../../../src/lib/server/db/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import {
	commentOnArrangement,
	createArrangement,
	createCircular,
	financeDifference,
	financeTotals,
	getArrangement,
	markFigures,
	recordCircularAmounts,
	recordEntry,
	setArrangementStatus,
	updateArrangement,
	arrangementOverview
} from '../../../src/lib/server/finance';
import {
	InvalidInputError,
	StaleVersionError,
	StateError
} from '../../../src/lib/server/kernel/errors';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, momentId, type Team } from './fixtures';

/*
 * The finance verbs (issue 15): who may record an arrangement and its entries, mark the figures and
 * comment; the ledger's entries as differences per year; a new entry resets the koepel's mark.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('createArrangement', () => {
	it('lets Financiën, BZK and the secretariaat record one, with its first schedule as an entry', async () => {
		for (const actor of [team.finMedewerker, team.bzkMedewerker, team.secretariaat]) {
			const row = await arrangementWith(actor, { 2025: 41_400_000_000, 2026: 130_000_000_000 });
			expect(row.reference).toMatch(/^FA-\d{4}$/);
			expect(row.schedule).toEqual([
				{ year: 2025, cents: 41_400_000_000 },
				{ year: 2026, cents: 130_000_000_000 }
			]);
			expect(row.totalCents).toBe(171_400_000_000);
			expect(row.scheduleVersion).toBe(1);
			expect(row.confidentiality).toBe('vertrouwelijk');
		}
	});

	it('refuses a koepel, another ministry and a beheerder (403), and bad input with Dutch messages', async () => {
		for (const actor of [team.vngMedewerker, team.vngBestuurder, team.beheerder])
			await expect(arrangementWith(actor, { 2025: 1 })).rejects.toMatchObject({ status: 403 });
		await expect(
			createArrangement(team.finMedewerker, { title: 'x', instrument: 'geld', layer: 'landen' })
		).rejects.toBeInstanceOf(InvalidInputError);
		await expect(
			arrangementWith(
				team.finMedewerker,
				{},
				{
					schedule: [{ year: 2025, amount: '1,234.56' }]
				}
			)
		).rejects.toBeInstanceOf(InvalidInputError);
	});

	it('reads Dutch amounts from a form', async () => {
		const row = await arrangementWith(
			team.finMedewerker,
			{},
			{
				schedule: [
					{ year: 2025, amount: '-675.000.000' },
					{ year: 2026, amount: '€ 1.234.567,89' }
				]
			}
		);
		expect(row.schedule).toEqual([
			{ year: 2025, cents: -67_500_000_000 },
			{ year: 2026, cents: 123_456_789 }
		]);
	});
});

describe('recordEntry', () => {
	it('writes the differences per year, keeps the history, and resets the mark', async () => {
		const row = await arrangementWith(team.finMedewerker, { 2025: 100, 2026: 200 });
		const marked = await markFigures(team.vngBestuurder, row.id, {
			verdict: 'eens',
			scheduleVersion: 1
		});
		expect(marked.marks).toMatchObject([{ party: 'vng', verdict: 'eens', current: true }]);
		const { row: after, entry } = await recordEntry(team.bzkMedewerker, row.id, {
			reason: 'bijgesteld bij Voorjaarsnota 2026',
			expectedScheduleVersion: 1,
			amounts: [
				{ year: 2026, amountCents: 250 },
				{ year: 2027, amountCents: 300 },
				{ year: 2025, amountCents: 100 }
			]
		});
		expect(entry.lines).toEqual([
			{ year: 2026, deltaCents: 50, fromCents: 200, toCents: 250 },
			{ year: 2027, deltaCents: 300, fromCents: 0, toCents: 300 }
		]);
		expect(after.scheduleVersion).toBe(2);
		expect(after.marks).toMatchObject([{ party: 'vng', current: false }]);
		const detail = await getArrangement(team.ipoMedewerker, row.id);
		expect(detail.history.map((e) => e.sequence)).toEqual([2, 1]);
		expect(detail.history[0]!.lines).toEqual(entry.lines);
	});

	it('refuses a stale schedule version, nothing-changes, a koepel, and the ledger refuses updates', async () => {
		const row = await arrangementWith(team.finMedewerker, { 2025: 100 });
		await expect(
			recordEntry(team.finMedewerker, row.id, {
				reason: 'opnieuw',
				expectedScheduleVersion: 0,
				amounts: [{ year: 2025, amountCents: 5 }]
			})
		).rejects.toBeInstanceOf(StaleVersionError);
		await expect(
			recordEntry(team.finMedewerker, row.id, {
				reason: 'niets',
				amounts: [{ year: 2025, amountCents: 100 }]
			})
		).rejects.toBeInstanceOf(InvalidInputError);
		await expect(
			recordEntry(team.vngMedewerker, row.id, {
				reason: 'ik wil meer',
				amounts: [{ year: 2025, amountCents: 1e6 }]
			})
		).rejects.toMatchObject({ status: 403 });
		const db = await useDb();
		for (const statement of [
			sql`update finance_entry_line set delta_cents = 1`,
			sql`delete from finance_entry`,
			sql`update finance_entry set reason = 'anders'`
		]) {
			const error: Error & { cause?: Error } = await db.execute(statement).then(
				() => new Error('changed'),
				(e) => e
			);
			expect(`${error.message} ${error.cause?.message ?? ''}`).toMatch(/append-only/);
		}
	});
});

describe('markFigures and comments', () => {
	it('lets only the receiving koepel mark, and refuses a stale version', async () => {
		const row = await arrangementWith(team.finMedewerker, { 2025: 100 });
		await expect(
			markFigures(team.ipoBestuurder, row.id, { verdict: 'eens', scheduleVersion: 1 })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			markFigures(team.finMedewerker, row.id, { verdict: 'eens', scheduleVersion: 1 })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			markFigures(team.vngMedewerker, row.id, { verdict: 'oneens', scheduleVersion: 2 })
		).rejects.toBeInstanceOf(StaleVersionError);
		const comment = await commentOnArrangement(team.vngMedewerker, row.id, { body: 'Klopt 2025?' });
		expect(comment.organisationName).toBeTruthy();
		await expect(
			commentOnArrangement(team.ipoMedewerker, row.id, { body: 'Wij ook?' })
		).rejects.toMatchObject({ status: 403 });
	});
});

describe('status, circulars and reconciliation', () => {
	it('follows the steps, flags what its expected circular did not process, and zeroes a lapsed one', async () => {
		const year = 2031;
		const row = await arrangementWith(
			team.finMedewerker,
			{ [year]: 1000 },
			{
				expectedCircular: { kind: 'mei', year }
			}
		);
		const circular = await createCircular(team.finMedewerker, {
			kind: 'mei',
			year,
			publishedOn: '2020-06-01'
		});
		await expect(
			createCircular(team.finMedewerker, { kind: 'mei', year, publishedOn: '2020-06-01' })
		).rejects.toBeInstanceOf(StateError);
		const flagged = await arrangementOverview(team.vngMedewerker, {
			notProcessed: true,
			pageSize: 100
		});
		expect(flagged.rows.map((r) => r.id)).toContain(row.id);
		await expect(
			recordCircularAmounts(team.finMedewerker, circular.id, {
				amounts: [
					{ reference: row.reference, year, amountCents: 900 },
					{ reference: 'FA-99999', year, amountCents: 1 }
				]
			})
		).rejects.toBeInstanceOf(InvalidInputError);
		await recordCircularAmounts(team.finMedewerker, circular.id, {
			amounts: [{ reference: row.reference, year, amount: '9,00' }]
		});
		const detail = await getArrangement(team.vngMedewerker, row.id);
		expect(detail.row.notProcessedAsExpected).toBe(false);
		expect(detail.reconciliation).toEqual([
			expect.objectContaining({
				year,
				committedCents: 1000,
				processedCents: 900,
				differenceCents: -100
			})
		]);
		await expect(
			setArrangementStatus(team.finMedewerker, row.id, { status: 'verwerkt' })
		).rejects.toBeInstanceOf(StateError);
		await setArrangementStatus(team.finMedewerker, row.id, { status: 'toegezegd' });
		await expect(
			setArrangementStatus(team.finMedewerker, row.id, { status: 'verwerkt' })
		).rejects.toBeInstanceOf(InvalidInputError);
		const processed = await setArrangementStatus(team.finMedewerker, row.id, {
			status: 'verwerkt',
			processedCircularId: circular.id
		});
		expect(processed.processedIn).toBe(`meicirculaire ${year}`);
		await expect(
			setArrangementStatus(team.vngBestuurder, row.id, { status: 'uitbetaald' })
		).rejects.toMatchObject({ status: 403 });
		const lapsed = await setArrangementStatus(team.secretariaat, row.id, {
			status: 'vervallen',
			reason: 'niet meer nodig'
		});
		expect(lapsed.totalCents).toBe(0);
		expect(lapsed.scheduleVersion).toBe(2);
	});
});

describe('totals and "as known at"', () => {
	it('sums per layer and instrument in the database, now and as known at a moment', async () => {
		const before = await financeTotals(team.vngMedewerker, { year: 2040 });
		const known = new Date(Date.now() - 86_400_000 * 400);
		const row = await arrangementWith(
			team.finMedewerker,
			{ 2040: 500 },
			{
				knownAt: known.toISOString(),
				layer: 'provincies',
				instrument: 'regio_deal'
			}
		);
		await recordEntry(team.finMedewerker, row.id, {
			reason: 'verhoogd',
			amounts: [{ year: 2040, amountCents: 800 }]
		});
		const now = await financeTotals(team.vngMedewerker, { year: 2040 });
		const sum = (t: typeof now) => t.total.totalCents;
		expect(sum(now) - sum(before)).toBe(800);
		const then = await financeTotals(team.vngMedewerker, {
			year: 2040,
			asOf: new Date(known.getTime() + 1000).toISOString()
		});
		expect(then.byLayer.find((s) => s.key === 'provincies')?.totalCents).toBe(500);
		const change = await financeDifference(team.vngMedewerker, {
			from: new Date(known.getTime() + 1000).toISOString(),
			year: 2040
		});
		expect(change.change.byInstrument.find((s) => s.key === 'regio_deal')?.totalCents).toBe(300);
		await expect(
			financeTotals(team.vngMedewerker, { asOf: 'voorjaarsnota-1999' })
		).rejects.toBeInstanceOf(InvalidInputError);
		for (const asOf of ['0000-01-01', '0999-12-31T10:00:00Z', '2025-02-30', 'gisteren'])
			await expect(financeTotals(team.vngMedewerker, { asOf })).rejects.toBeInstanceOf(
				InvalidInputError
			);
		await expect(financeTotals(null, {})).resolves.toBeTruthy();
		const moment = await momentId('voorjaarsnota', 2025);
		expect(moment).toBeTruthy();
	});

	it('hides an arrangement from a visitor (404) and lets updates carry a version', async () => {
		const row = await arrangementWith(team.finMedewerker, { 2025: 1 });
		await expect(getArrangement(null, row.id)).rejects.toBeInstanceOf(AccessError);
		const updated = await updateArrangement(team.finMedewerker, row.id, {
			expectedVersion: row.version,
			title: 'Nieuwe titel'
		});
		expect(updated.title).toBe('Nieuwe titel');
		await expect(
			updateArrangement(team.finMedewerker, row.id, { expectedVersion: row.version, title: 'Weer' })
		).rejects.toBeInstanceOf(StaleVersionError);
		await expect(
			updateArrangement(team.ipoMedewerker, row.id, { title: 'Weer' })
		).rejects.toMatchObject({ status: 403 });
	});
});

describe('notifications', () => {
	it('ask the receiving koepel to look again when the figures change, and tell the recorder of a disagreement', async () => {
		const db = await useDb();
		const row = await arrangementWith(team.finMedewerker, { 2025: 100 });
		const kinds = async (personId: string) =>
			(
				await db
					.select({ kind: notifications.kind })
					.from(notifications)
					.where(
						and(
							eq(notifications.personId, personId),
							eq(notifications.link, `/financien/${row.id}`)
						)
					)
			).map((n) => n.kind);
		expect(await kinds(team.vngBestuurder.personId)).toEqual(['finance_figures_changed']);
		expect(await kinds(team.ipoBestuurder.personId)).toEqual([]);
		expect(await kinds(team.finMedewerker.personId)).toEqual([]);
		await markFigures(team.vngBestuurder, row.id, {
			verdict: 'oneens',
			note: 'Het accres ontbreekt.',
			scheduleVersion: 1
		});
		expect(await kinds(team.finMedewerker.personId)).toEqual(['finance_figures_disputed']);
		await markFigures(team.vngMedewerker, row.id, { verdict: 'eens', scheduleVersion: 1 });
		expect(await kinds(team.finMedewerker.personId)).toEqual(['finance_figures_disputed']);
	});
});
