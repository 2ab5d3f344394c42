import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/lib/server/agreements/rows';
import { useDb } from '../../../src/lib/server/db';
import { financeEntryLines } from '../../../src/lib/server/db/schema';
import { recordEntry } from '../../../src/lib/server/finance';
import { load as totalsLoad } from '../../../src/routes/financien/totalen/+page.server';
import type { PageServerData as Totals } from '../../../src/routes/financien/totalen/$types';
import { pageEvent, thrownStatus } from '../agreements/page-fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

/*
 * The totals page: its pivots are the database's sums of the ledger lines (to the cent), as known
 * at a moment they show the figures as then, the difference between two moments is what changed,
 * and bad input is answered in Dutch at its field, never a 500.
 */

useProcessDatabase();

let team: Team;
/** A word only this run's arrangements carry, so that the sums are of these alone. */
const word = Array.from({ length: 10 }, () =>
	String.fromCharCode(97 + Math.floor(Math.random() * 26))
).join('');
const ids: string[] = [];

beforeAll(async () => {
	team = await createTeam();
	const made = [
		await arrangementWith(
			team.finMedewerker,
			{ 2025: 41_400_000_001, 2026: 130_000_000_099 },
			{ title: `Jeugdzorg ${word}`, knownAt: '2025-03-01T10:00:00+01:00' }
		),
		await arrangementWith(
			team.finMedewerker,
			{ 2026: 2_500_000_050, 2027: -675_000_000_00 },
			{
				title: `Regio Deal ${word}`,
				layer: 'provincies',
				instrument: 'regio_deal',
				knownAt: '2025-03-02T10:00:00+01:00'
			}
		),
		await arrangementWith(
			team.bzkMedewerker,
			{ 2026: 12_345 },
			{
				title: `Waterveiligheid ${word}`,
				layer: 'waterschappen',
				instrument: 'specifieke_uitkering'
			}
		)
	];
	ids.push(...made.map((row) => row.id));
	// On Prinsjesdag 2025 (the Miljoenennota): the first one's 2026 goes up by a cent.
	await recordEntry(team.finMedewerker, made[0]!.id, {
		reason: 'bijgesteld bij Miljoenennota 2025',
		amounts: [{ year: 2026, amountCents: 130_000_000_100 }],
		knownAt: '2025-09-16T10:00:00+02:00'
	});
});

const page = async (actor: Team[keyof Team] | null, query: string) =>
	(await totalsLoad(pageEvent(`/financien/totalen?q=${word}&${query}`, actor))) as Totals;

/** The database's own sums of these arrangements' lines, per layer and year. */
async function sumsByLayer(knownBy?: string) {
	const db = await useDb();
	const result = await db.execute(sql`
		select a.layer::text as layer, l.year as year, sum(l.delta_cents)::text as cents
		from ${financeEntryLines} l join financial_arrangement a on a.id = l.arrangement_id
		where l.arrangement_id in (${sql.join(
			ids.map((id) => sql`${id}::uuid`),
			sql`, `
		)})
		${knownBy ? sql`and l.known_at <= ${knownBy}::timestamptz` : sql``}
		group by a.layer, l.year`);
	const rows = rowsOf<{ layer: string; year: number; cents: string }>(result);
	return Object.fromEntries(rows.map((row) => [`${row.layer} ${row.year}`, Number(row.cents)]));
}

const cells = (data: Totals) =>
	Object.fromEntries(
		data.totals!.byLayer.flatMap((series) =>
			data.totals!.years.map((year, i) => [`${series.key} ${year}`, series.values[i]!])
		)
	);
const nonZero = (map: Record<string, number>) =>
	Object.fromEntries(Object.entries(map).filter(([, cents]) => cents !== 0));

describe('the totals page', () => {
	it('shows the database sums per layer and instrument, exact to the cent, with a total', async () => {
		const data = await page(team.vngMedewerker, '');
		expect(data.errors).toBeNull();
		expect(nonZero(cells(data))).toEqual(nonZero(await sumsByLayer()));
		expect(data.totals!.years).toEqual([2025, 2026, 2027]);
		expect(data.totals!.total.values).toEqual([
			41_400_000_001,
			130_000_000_100 + 2_500_000_050 + 12_345,
			-675_000_000_00
		]);
		expect(data.totals!.total.totalCents).toBe(
			41_400_000_001 + 130_000_000_100 + 2_500_000_050 + 12_345 - 675_000_000_00
		);
		const regioDeal = data.totals!.byInstrument.find((series) => series.key === 'regio_deal');
		expect(regioDeal?.values).toEqual([0, 2_500_000_050, -675_000_000_00]);
	});

	it('filters by layer as the address says', async () => {
		const data = await page(team.secretariaat, 'laag=provincies&laag=waterschappen');
		expect(data.totals!.byLayer.map((series) => series.key)).toEqual([
			'provincies',
			'waterschappen'
		]);
		expect(data.totals!.total.values).toEqual([2_500_000_050 + 12_345, -675_000_000_00]);
	});

	it('as known at the Voorjaarsnota 2025 shows the figures as they were then', async () => {
		const data = await page(team.ipoBestuurder, 'bekend-op=voorjaarsnota-2025');
		expect(data.errors).toBeNull();
		expect(data.totals!.asOf?.key).toBe('voorjaarsnota-2025');
		// Before the Miljoenennota's cent, and before the third arrangement existed.
		expect(nonZero(cells(data))).toEqual(
			nonZero(await sumsByLayer(data.totals!.asOf!.at.toISOString()))
		);
		expect(cells(data)['gemeenten 2026']).toBe(130_000_000_099);
		expect(data.totals!.byLayer.map((series) => series.key)).not.toContain('waterschappen');
		// A day typed in wins over the moment chosen.
		const byDay = await page(
			team.ipoBestuurder,
			'bekend-op=voorjaarsnota-2025&bekend-op-datum=2025-03-01'
		);
		expect(byDay.totals!.asOf?.key).toBe('2025-03-01');
		expect(byDay.totals!.total.values).toEqual([41_400_000_001, 130_000_000_099]);
	});

	it('shows what changed between two moments, per layer and instrument', async () => {
		const data = await page(team.finMedewerker, 'van=voorjaarsnota-2025&tot=miljoenennota-2026');
		expect(data.errors).toBeNull();
		expect(data.difference!.from.key).toBe('voorjaarsnota-2025');
		expect(data.difference!.change.years).toEqual([2026]);
		expect(data.difference!.change.byLayer).toEqual([
			{ key: 'gemeenten', values: [1], totalCents: 1 }
		]);
		expect(data.difference!.change.byInstrument).toEqual([
			{ key: 'algemene_uitkering_gemeentefonds', values: [1], totalCents: 1 }
		]);
	});

	it('answers a bad moment in Dutch at its field, without figures and without a 500', async () => {
		const bad = await page(team.vngMedewerker, 'bekend-op=voorjaarsnota-1900');
		expect(bad.totals).toBeNull();
		expect(bad.errors).toEqual({ 'bekend-op': 'Dit begrotingsmoment kennen we niet.' });
		const day = await page(team.vngMedewerker, 'bekend-op-datum=2025-02-30');
		expect(day.errors?.['bekend-op-datum']).toBe(
			'Vul een bestaande datum in, bijvoorbeeld 2025-04-15.'
		);
		const layer = await page(team.vngMedewerker, 'laag=landen');
		expect(layer.errors).toEqual({ laag: 'Kies gemeenten, provincies of waterschappen.' });
		expect(layer.totals).toBeNull();
		const backwards = await page(
			team.vngMedewerker,
			'van=miljoenennota-2026&tot=voorjaarsnota-2025'
		);
		expect(backwards.errors).toEqual({ tot: 'Het tweede moment ligt niet na het eerste.' });
		expect(backwards.totals).not.toBeNull();
		expect(backwards.difference).toBeNull();
	});

	it('sends a visitor who is not signed in to the sign-in page', async () => {
		expect(await thrownStatus(() => page(null, ''))).toBe(303);
	});
});
