import { beforeAll, describe, expect, it } from 'vitest';
import { setStatus } from '../../../src/lib/server/agreements';
import { load as registerLoad } from '../../../src/routes/afspraken/+page.server';
import {
	actions as newActions,
	load as newLoad
} from '../../../src/routes/afspraken/nieuw/+page.server';
import type { PageServerData as RegisterData } from '../../../src/routes/afspraken/$types';
import type { PageServerData as NewPage } from '../../../src/routes/afspraken/nieuw/$types';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	eventsOf,
	forceAgreement,
	freeAgreement,
	inDays,
	publishedDecisions,
	type Team
} from './fixtures';
import { pageEvent, redirectOf, thrownStatus } from './page-fixtures';

useProcessDatabase();

/*
 * The register's page (/afspraken) and the page that makes an agreement (/afspraken/nieuw), called
 * as SvelteKit calls them: who sees what, the filters in the address, bad values named at their
 * field with no results and no 500, and making an agreement from a decision, allowed and refused.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

type Register = Exclude<RegisterData, { visitor: true }>;
const register = async (query: string, actor = team.vngMedewerker) =>
	(await registerLoad(pageEvent(`/afspraken${query}`, actor))) as Register;
const ids = (page: Register) => page.register?.rows.map((row) => row.id) ?? [];

describe('/afspraken, the register', () => {
	it('tells a visitor what it is, without any agreement', async () => {
		expect(await registerLoad(pageEvent('/afspraken', null))).toEqual({ visitor: true });
	});

	it('filters by party, status (verlopen included), mine and my party, in the address', async () => {
		const word = `kustlijn${Date.now()}`;
		const vng = await freeAgreement(team, { title: `Afspraak ${word} VNG` });
		const ipo = await freeAgreement(team, { title: `Afspraak ${word} IPO` }, [team.ipoMedewerker]);
		await forceAgreement(ipo.id, { deadline: inDays(-3) });
		const search = `?q=${word}`;
		expect(ids(await register(search)).sort()).toEqual([vng.id, ipo.id].sort());
		expect(ids(await register(`${search}&partij=ipo`))).toEqual([ipo.id]);
		expect(ids(await register(`${search}&status=verlopen`))).toEqual([ipo.id]);
		expect(ids(await register(`${search}&verlopen=ja`))).toEqual([ipo.id]);
		expect(ids(await register(`${search}&mijn=ja`))).toEqual([vng.id]);
		expect(ids(await register(`${search}&mijn-partij=ja`, team.ipoBestuurder))).toEqual([ipo.id]);
		await setStatus(team.vngMedewerker, vng.id, { status: 'in_uitvoering' });
		expect(ids(await register(`${search}&status=in_uitvoering`))).toEqual([vng.id]);
		const page = await register(`${search}&sorteer=titel&richting=af`);
		expect(page.filter).toMatchObject({ q: word, sort: 'title', dir: 'desc' });
		expect(ids(page)).toEqual([vng.id, ipo.id]);
		expect(page.errors).toBeNull();
	});

	it('names a bad value at its field in Dutch, shows no results and answers no 500', async () => {
		const cases: [string, string, RegExp][] = [
			['?partij=gemeente', 'partij', /Kies een partij/],
			['?status=klaar', 'status', /Kies een status/],
			['?van=2027-02-30', 'van', /datum/],
			['?van=2027-05-01&tot=2027-04-01', 'tot', /vóór de begindatum/],
			['?vergadering=geen-id', 'vergadering', /vergadering/],
			['?verlopen=misschien', 'verlopen', /Vink dit aan/],
			['?sorteer=kleur', 'sorteer', /sortering/],
			['?richting=zijwaarts', 'richting', /oplopend of aflopend/],
			['?pagina=0', 'pagina', /paginanummer/]
		];
		for (const [query, param, message] of cases) {
			const page = await register(query);
			expect(page.register, query).toBeNull();
			expect(page.errors?.[param], query).toMatch(message);
		}
		const secretariaat = await register('?mijn-partij=ja', team.secretariaat);
		expect(secretariaat.errors?.['mijn-partij']).toMatch(/namens een partij/);
	});

	it('offers the secretariaat, and no one else, to make an agreement', async () => {
		expect((await register('', team.secretariaat)).mayCreate).toBe(true);
		expect((await register('', team.vngBestuurder)).mayCreate).toBe(false);
	});
});

describe('/afspraken/nieuw, making an agreement', () => {
	const post = (actor: Team[keyof Team], fields: Record<string, string>, query = '') =>
		newActions.default!(formPost(actor, `/afspraken/nieuw${query}`, fields));

	it('refused to anyone but the secretariaat, page and form alike', async () => {
		expect(
			await thrownStatus(() => newLoad(pageEvent('/afspraken/nieuw', team.vngMedewerker)))
		).toBe(403);
		const status = await thrownStatus(() =>
			post(team.vngMedewerker, { meetingId: 'x', 'owner-vng-contact': team.vngMedewerker.personId })
		);
		expect(status).toBe(403);
	});

	it('shows the decision whose text it carries over, or says it is not found', async () => {
		const { decisions } = await publishedDecisions(team);
		const decision = decisions[0]!;
		const page = (await newLoad(
			pageEvent(`/afspraken/nieuw?besluit=${decision.id}`, team.secretariaat)
		)) as NewPage;
		expect(page.sourceMissing).toBe(false);
		expect(page.source).toMatchObject({ itemTitle: decision.itemTitle, dicta: decision.dicta });
		expect(page.choices.people.some((p) => p.id === team.vngMedewerker.personId)).toBe(true);
		const missing = await newLoad(
			pageEvent(`/afspraken/nieuw?besluit=${crypto.randomUUID()}`, team.secretariaat)
		);
		expect(missing).toMatchObject({ sourceMissing: true, source: null });
	});

	it('allowed: from a decision, carrying its text, then to the new agreement', async () => {
		const { decisions } = await publishedDecisions(team);
		const decision = decisions[0]!;
		const location = await redirectOf(() =>
			post(team.secretariaat, {
				decisionId: decision.id,
				deadline: inDays(60),
				'owner-vng-contact': team.vngMedewerker.personId,
				'owner-ipo-contact': team.ipoMedewerker.personId,
				condition: 'Als het kabinet niet besluit, dan bij de Voorjaarsnota.',
				fallbackDate: inDays(30)
			})
		);
		const id = /^\/afspraken\/([0-9a-f-]{36})\?gemaakt$/.exec(location ?? '')?.[1];
		expect(id, location ?? '').toBeDefined();
		const [created] = await eventsOf(id!);
		const row = (created!.payload as { row: Record<string, unknown> }).row;
		expect(row).toMatchObject({ title: decision.itemTitle, decisionId: decision.id });
		expect((row.owners as { party: string }[]).map((o) => o.party)).toEqual(['vng', 'ipo']);
	});

	it('denied: no responsible party, a contact of another party: named at the row, nothing made', async () => {
		const { decisions } = await publishedDecisions(team);
		const decision = decisions[0]!;
		const none = failed(
			await post(team.secretariaat, { decisionId: decision.id, deadline: inDays(9) })
		);
		expect(none.status).toBe(400);
		expect(none.data.errors['owner-rijk-contact']).toMatch(/minstens één actiehouder/);
		const wrong = failed(
			await post(team.secretariaat, {
				decisionId: decision.id,
				deadline: inDays(9),
				'owner-ipo-contact': team.vngMedewerker.personId
			})
		);
		expect(wrong.data.errors['owner-ipo-contact']).toMatch(/contactpersoon van IPO/);
		const free = failed(
			await post(team.secretariaat, {
				title: 'Een afspraak zonder vergadering',
				deadline: inDays(9),
				'owner-vng-contact': team.vngMedewerker.personId
			})
		);
		expect(free.data.errors.meetingId).toMatch(/vergadering/);
		const page = await register(
			`?q=${encodeURIComponent('zonder vergadering')}`,
			team.secretariaat
		);
		expect(ids(page)).toEqual([]);
	});

	it('a free agreement for a meeting, owned by a ministry', async () => {
		const base = await freeAgreement(team);
		const location = await redirectOf(() =>
			post(team.secretariaat, {
				meetingId: base.meetingId,
				title: 'De UDO vóór elke nieuwe beleidsregel',
				body: 'Het Rijk voert de **uitvoerbaarheidstoets** uit.',
				deadline: inDays(90),
				'owner-rijk-contact': team.bzkMedewerker.personId,
				'owner-rijk-organisation': team.bzkMedewerker.organisationId,
				confidentiality: 'vertrouwelijk'
			})
		);
		const id = /^\/afspraken\/([0-9a-f-]{36})\?gemaakt$/.exec(location ?? '')?.[1];
		const [created] = await eventsOf(id!);
		const row = (created!.payload as { row: { owners: Record<string, unknown>[] } }).row;
		expect(row.owners).toMatchObject([
			{ party: 'rijk', organisationId: team.bzkMedewerker.organisationId }
		]);
	});
});
