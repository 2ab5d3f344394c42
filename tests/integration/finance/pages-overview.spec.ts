import { beforeAll, describe, expect, it } from 'vitest';
import { recordEntry, setArrangementStatus } from '../../../src/lib/server/finance';
import { load } from '../../../src/routes/financien/+page.server';
import type { PageServerData } from '../../../src/routes/financien/$types';
import { pageEvent } from '../agreements/page-fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

useProcessDatabase();

/*
 * The overview of arrangements (/financien), called as SvelteKit calls it: the filters in the
 * address, the schedule and the totals "as known at" a budget moment or a day, bad values named at
 * their field in Dutch with no results and no 500, who may make a new one, and a visitor who
 * sees none of it.
 */

let team: Team;
const word = `zeewering${Date.now()}`;
let youth: Awaited<ReturnType<typeof arrangementWith>>;
let water: Awaited<ReturnType<typeof arrangementWith>>;

beforeAll(async () => {
	team = await createTeam();
	// Known before the Voorjaarsnota 2025 (15 April), raised afterwards.
	youth = await arrangementWith(
		team.finMedewerker,
		{ 2025: 41_400_000_000, 2026: 130_000_000_000 },
		{ title: `Jeugdzorg ${word}`, knownAt: '2025-04-01T10:00:00.000Z' }
	);
	await recordEntry(team.finMedewerker, youth.id, {
		reason: 'bijgesteld bij Miljoenennota 2025',
		amounts: [{ year: 2026, amountCents: 130_000_000_001 }],
		knownAt: '2025-09-20T10:00:00.000Z'
	});
	water = await arrangementWith(
		team.bzkMedewerker,
		{ 2026: 12_345, 2027: 67_890 },
		{ title: `Dijken ${word}`, layer: 'waterschappen', instrument: 'specifieke_uitkering' }
	);
});

type Overview = Exclude<PageServerData, { visitor: true }>;
const overview = async (query: string, actor = team.vngMedewerker) =>
	(await load(pageEvent(`/financien?q=${word}${query}`, actor))) as Overview;
const ids = (page: Overview) => page.overview?.rows.map((row) => row.id) ?? [];

describe('/financien, the overview', () => {
	it('tells a visitor where to sign in, without any arrangement', async () => {
		expect(await load(pageEvent('/financien', null))).toEqual({ visitor: true });
	});

	it('filters by layer, instrument, status, koepel, year and "niet verwerkt", in the address', async () => {
		expect(ids(await overview('')).sort()).toEqual([youth.id, water.id].sort());
		expect(ids(await overview('&laag=waterschappen'))).toEqual([water.id]);
		expect(ids(await overview('&laag=gemeenten&laag=waterschappen')).sort()).toEqual(
			[youth.id, water.id].sort()
		);
		expect(ids(await overview('&instrument=specifieke_uitkering'))).toEqual([water.id]);
		expect(ids(await overview('&koepel=vng'))).toEqual([youth.id]);
		expect(ids(await overview('&jaar=2025'))).toEqual([youth.id]);
		expect(ids(await overview('&niet-verwerkt=ja'))).toEqual([]);
		await setArrangementStatus(team.finMedewerker, water.id, { status: 'toegezegd' });
		expect(ids(await overview('&status=toegezegd'))).toEqual([water.id]);
		const sorted = await overview('&sorteer=totaal&richting=af');
		expect(sorted.filter).toMatchObject({ sort: 'total', dir: 'desc' });
		expect(ids(sorted)).toEqual([youth.id, water.id]);
		expect(sorted.errors).toBeNull();
	});

	it('sums the totals row in the database with the same filters, exact to the cent', async () => {
		const page = await overview('');
		expect(page.totals?.years).toEqual([2025, 2026, 2027]);
		expect(page.totals?.total.values).toEqual([41_400_000_000, 130_000_012_346, 67_890]);
		expect(page.totals?.total.totalCents).toBe(171_400_080_236);
		const water2026 = await overview('&laag=waterschappen&jaar=2026');
		expect(water2026.totals?.total.totalCents).toBe(12_345);
	});

	it('shows the schedule and the totals as known at a budget moment or a day', async () => {
		const spring = await overview('&bekend-op=voorjaarsnota-2025');
		expect(spring.overview?.asOf?.label).toBe('Voorjaarsnota 2025');
		// The water boards' arrangement did not exist then; the youth care one had its first schedule.
		expect(ids(spring)).toEqual([youth.id]);
		expect(spring.overview?.rows[0]?.schedule).toEqual([
			{ year: 2025, cents: 41_400_000_000 },
			{ year: 2026, cents: 130_000_000_000 }
		]);
		expect(spring.totals?.total.totalCents).toBe(171_400_000_000);
		// A day typed in wins over the moment chosen.
		const autumn = await overview('&bekend-op=voorjaarsnota-2025&bekend-op-datum=2025-10-01');
		expect(autumn.overview?.asOf?.key).toBe('2025-10-01');
		expect(autumn.overview?.rows[0]?.totalCents).toBe(171_400_000_001);
	});

	it('names a bad value at its field in Dutch, shows no results and answers no 500', async () => {
		const cases: [string, string, RegExp][] = [
			['&laag=landen', 'laag', /gemeenten, provincies of waterschappen/],
			['&instrument=geld', 'instrument', /instrument/],
			['&status=klaar', 'status', /status/],
			['&koepel=rijk', 'koepel', /VNG, IPO/],
			['&jaar=twintig', 'jaar', /jaartal/],
			['&moment=voorjaarsnota-1990', 'moment', /begrotingsmoment/],
			['&bekend-op=voorjaarsnota-1990', 'bekend-op', /begrotingsmoment/],
			['&bekend-op-datum=2025-02-30', 'bekend-op-datum', /bestaande datum/],
			['&niet-verwerkt=misschien', 'niet-verwerkt', /Vink dit aan/],
			['&sorteer=kleur', 'sorteer', /sortering/],
			['&pagina=0', 'pagina', /paginanummer/]
		];
		for (const [query, param, message] of cases) {
			const page = await overview(query);
			expect(page.overview, query).toBeNull();
			expect(page.totals, query).toBeNull();
			expect(page.errors?.[param], query).toMatch(message);
		}
	});

	it('offers a new arrangement to Financiën, BZK and the secretariaat only', async () => {
		for (const actor of [team.finMedewerker, team.bzkMedewerker, team.secretariaat])
			expect((await overview('', actor)).canManage).toBe(true);
		for (const actor of [team.vngMedewerker, team.ipoBestuurder])
			expect((await overview('', actor)).canManage).toBe(false);
	});

	it('lists the budget moments for the "zoals bekend op" picker', async () => {
		const page = await overview('');
		expect(page.moments.map((moment) => moment.key)).toContain('voorjaarsnota-2025');
	});
});
