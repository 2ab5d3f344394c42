import { beforeAll, describe, expect, it } from 'vitest';
import { getArrangement, recordEntry, arrangementOverview } from '../../../src/lib/server/finance';
import { load as detailLoad } from '../../../src/routes/financien/[id]/+page.server';
import { arrangementActions } from '../../../src/routes/financien/[id]/actions.server';
import type { PageServerData as Detail } from '../../../src/routes/financien/[id]/$types';
import {
	actions as newActions,
	load as newLoad
} from '../../../src/routes/financien/nieuw/+page.server';
import type { PageServerData as NewPage } from '../../../src/routes/financien/nieuw/$types';
import { freeAgreement } from '../agreements/fixtures';
import { pageEvent, redirectOf, thrownStatus } from '../agreements/page-fixtures';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, momentId, type Team } from './fixtures';

useProcessDatabase();

/*
 * One arrangement's page and the form to record one: what each role is offered (the gate's answer
 * in the load), the schedule as known at a moment, and every form action allowed and denied, bad
 * input answered at its field in Dutch with nothing changed, a stale write answered with a conflict.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

type Actor = Team[keyof Team];
const page = async (actor: Actor | null, id: string, query = '') =>
	(await detailLoad(pageEvent(`/financien/${id}${query}`, actor, { id }))) as Detail;
const act = (
	name: keyof typeof arrangementActions,
	actor: Actor,
	id: string,
	fields: Record<string, string>
) => arrangementActions[name](formPost(actor, `/financien/${id}?/${name}`, fields, { id }));
type Conflict = { status: number; data: { conflict: { changed: string[] } } };

const jeugdzorg = { 2025: 41_400_000_000, 2026: 130_000_000_000 };

describe('the page of one arrangement', () => {
	it('offers each role the forms the gate allows it', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		const offered = async (actor: Actor) => (await page(actor, row.id)).offers;
		expect(await offered(team.finMedewerker)).toEqual({ manage: true, mark: false, comment: true });
		expect(await offered(team.secretariaat)).toEqual({ manage: true, mark: false, comment: true });
		expect(await offered(team.vngBestuurder)).toEqual({ manage: false, mark: true, comment: true });
		expect(await offered(team.vngMedewerker)).toEqual({ manage: false, mark: true, comment: true });
		expect(await offered(team.ipoMedewerker)).toEqual({
			manage: false,
			mark: false,
			comment: false
		});
	});

	it('shows the schedule, its ledger newest first, and the schedule as known at a day before', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg, {
			knownAt: '2025-04-10T10:00:00+02:00'
		});
		await recordEntry(team.finMedewerker, row.id, {
			reason: 'bijgesteld bij Voorjaarsnota 2026',
			amounts: [{ year: 2026, amount: '1.250.000.000' }]
		});
		const data = await page(team.vngMedewerker, row.id, '?asOfDate=2025-05-01');
		expect(data.row.schedule).toEqual([
			{ year: 2025, cents: 41_400_000_000 },
			{ year: 2026, cents: 125_000_000_000 }
		]);
		expect(data.asOfRow?.schedule).toEqual([
			{ year: 2025, cents: 41_400_000_000 },
			{ year: 2026, cents: 130_000_000_000 }
		]);
		expect(data.history.map((entry) => entry.reason)).toEqual([
			'bijgesteld bij Voorjaarsnota 2026',
			'eerste kasritme'
		]);
		expect(data.history[0]!.lines).toEqual([
			{
				year: 2026,
				fromCents: 130_000_000_000,
				toCents: 125_000_000_000,
				deltaCents: -5_000_000_000
			}
		]);
		expect(data.moments.length).toBeGreaterThan(10);
	});

	it('says a wrong "zoals bekend op" at its field, and shows the schedule now', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		const data = await page(team.vngMedewerker, row.id, '?asOf=gisteren');
		expect(data.asOfAsked.error).toMatch(/Kies een begrotingsmoment/);
		expect(data.asOf).toBeNull();
		expect(data.row.totalCents).toBe(171_400_000_000);
	});

	it('is not found for an unknown or malformed id; signed out it leads to the sign-in', async () => {
		expect(await thrownStatus(() => page(team.vngMedewerker, crypto.randomUUID()))).toBe(404);
		expect(await thrownStatus(() => page(team.vngMedewerker, 'niet-een-id'))).toBe(404);
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		expect(await redirectOf(() => page(null, row.id))).toMatch(/^\/inloggen\?terug=/);
	});
});

describe('the forms of one arrangement', () => {
	it('entry: Financiën records new amounts; a koepel is refused; bad notation and a stale version change nothing', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		const fields = {
			expectedScheduleVersion: String(row.scheduleVersion),
			'amounts.0.year': '2025',
			'amounts.0.amount': '414.000.000,00',
			'amounts.1.year': '2026',
			'amounts.1.amount': '1.250.000.000,00',
			'amounts.2.year': '',
			'amounts.2.amount': '',
			'amounts.3.year': '2027',
			'amounts.3.amount': '1,234.56',
			reason: 'bijgesteld bij Voorjaarsnota 2026',
			budgetMomentId: ''
		};
		const good = { ...fields, 'amounts.3.amount': '-675.000.000' };
		expect(await thrownStatus(() => act('entry', team.vngBestuurder, row.id, good))).toBe(403);
		const bad = failed(await act('entry', team.finMedewerker, row.id, fields));
		expect(bad.status).toBe(400);
		expect(bad.data.errors['amounts.3.amount']).toMatch(/[A-Za-z]/);
		expect(Object.keys(bad.data.errors)).toEqual(['amounts.3.amount']);
		const noReason = failed(
			await act('entry', team.finMedewerker, row.id, {
				...fields,
				'amounts.3.amount': '1.000',
				reason: ''
			})
		);
		expect(noReason.data.errors.reason).toMatch(/Zeg waarom/);
		expect((await getArrangement(team.finMedewerker, row.id)).row.scheduleVersion).toBe(1);
		expect(await act('entry', team.finMedewerker, row.id, good)).toMatchObject({ done: true });
		const after = (await getArrangement(team.finMedewerker, row.id)).row;
		expect(after.schedule).toEqual([
			{ year: 2025, cents: 41_400_000_000 },
			{ year: 2026, cents: 125_000_000_000 },
			{ year: 2027, cents: -67_500_000_000 }
		]);
		const stale = (await act('entry', team.finMedewerker, row.id, good)) as unknown as Conflict;
		expect(stale.status).toBe(409);
		expect(stale.data.conflict.changed).toEqual(['schedule']);
		expect((await getArrangement(team.finMedewerker, row.id)).row.scheduleVersion).toBe(2);
	});

	it('status: a step for finance staff; refused to a koepel; verwerkt needs a circular, vervallen a reason', async () => {
		const row = await arrangementWith(team.bzkMedewerker, jeugdzorg);
		const step = (status: string, extra: Record<string, string> = {}) => ({
			status,
			processedCircularId: '',
			processedBudgetLaw: '',
			reason: '',
			...extra
		});
		expect(
			await thrownStatus(() => act('status', team.vngMedewerker, row.id, step('toegezegd')))
		).toBe(403);
		expect(await act('status', team.bzkMedewerker, row.id, step('toegezegd'))).toMatchObject({
			done: true,
			status: 'toegezegd'
		});
		const noCircular = failed(await act('status', team.bzkMedewerker, row.id, step('verwerkt')));
		expect(noCircular.status).toBe(400);
		expect(noCircular.data.errors.processedCircularId).toMatch(/circulaire/);
		const noReason = failed(await act('status', team.bzkMedewerker, row.id, step('vervallen')));
		expect(noReason.data.errors.reason).toMatch(/Zeg waarom/);
		const unknown = failed(await act('status', team.bzkMedewerker, row.id, step('weg')));
		expect(unknown.data.errors.status).toMatch(/Kies voorgesteld/);
		expect((await getArrangement(team.bzkMedewerker, row.id)).row.status).toBe('toegezegd');
		expect(
			await act(
				'status',
				team.bzkMedewerker,
				row.id,
				step('verwerkt', { processedBudgetLaw: 'Begroting Gemeentefonds 2026' })
			)
		).toMatchObject({ done: true });
		expect((await getArrangement(team.bzkMedewerker, row.id)).row.processedIn).toBe(
			'Begroting Gemeentefonds 2026'
		);
	});

	it('mark: the receiving koepel marks the version it saw; another koepel and Financiën are refused', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		const fields = { verdict: 'eens', note: '', scheduleVersion: String(row.scheduleVersion) };
		expect(await thrownStatus(() => act('mark', team.ipoBestuurder, row.id, fields))).toBe(403);
		expect(await thrownStatus(() => act('mark', team.finMedewerker, row.id, fields))).toBe(403);
		const bad = failed(await act('mark', team.vngBestuurder, row.id, { ...fields, verdict: '' }));
		expect(bad.status).toBe(400);
		expect(bad.data.errors.verdict).toMatch(/Kies eens of oneens/);
		expect((await getArrangement(team.vngBestuurder, row.id)).row.marks).toEqual([]);
		expect(await act('mark', team.vngBestuurder, row.id, fields)).toMatchObject({ done: true });
		const marks = (await page(team.vngBestuurder, row.id)).row.marks;
		expect(marks).toMatchObject([{ party: 'vng', verdict: 'eens', current: true }]);
		const stale = (await act('mark', team.vngBestuurder, row.id, {
			...fields,
			scheduleVersion: '7'
		})) as unknown as Conflict;
		expect(stale.status).toBe(409);
	});

	it('comment: the receiving koepel and finance staff; another koepel is refused; an empty one is asked for', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		expect(
			await thrownStatus(() => act('comment', team.ipoMedewerker, row.id, { body: 'Wij ook?' }))
		).toBe(403);
		const empty = failed(await act('comment', team.vngMedewerker, row.id, { body: '   ' }));
		expect(empty.status).toBe(400);
		expect(empty.data.errors.body).toMatch(/Schrijf een reactie/);
		expect(
			await act('comment', team.vngMedewerker, row.id, {
				body: 'De reeks klopt met onze ledenbrief.'
			})
		).toMatchObject({ done: true });
		const comments = (await page(team.finMedewerker, row.id)).comments;
		expect(comments.map((c) => c.body)).toEqual(['De reeks klopt met onze ledenbrief.']);
	});

	it('edit: against the version seen; refused to a koepel; a bad title and a stale edit change nothing', async () => {
		const row = await arrangementWith(team.finMedewerker, jeugdzorg);
		const fields = {
			expectedVersion: String(row.version),
			title: 'Middelen jeugdzorg 2025–2027',
			description: 'Zie de **Voorjaarsnota 2025**.',
			instrument: 'algemene_uitkering_gemeentefonds',
			layer: 'gemeenten',
			nature: 'incidenteel',
			budgetMomentId: await momentId('voorjaarsnota', 2025),
			sourceDocument: 'Voorjaarsnota 2025',
			expectedCircularKind: 'mei',
			expectedCircularYear: '2025',
			confidentiality: 'vertrouwelijk'
		};
		expect(await thrownStatus(() => act('edit', team.vngMedewerker, row.id, fields))).toBe(403);
		const bad = failed(await act('edit', team.finMedewerker, row.id, { ...fields, title: 'x' }));
		expect(bad.status).toBe(400);
		expect(bad.data.errors.title).toMatch(/minstens drie tekens/);
		const badYear = failed(
			await act('edit', team.finMedewerker, row.id, {
				...fields,
				expectedCircularYear: 'volgend jaar'
			})
		);
		expect(badYear.data.errors.expectedCircularYear).toMatch(/jaartal/);
		expect((await getArrangement(team.finMedewerker, row.id)).row.title).toBe(row.title);
		expect(await act('edit', team.finMedewerker, row.id, fields)).toMatchObject({ done: true });
		const data = await page(team.finMedewerker, row.id);
		expect(data.row.title).toBe(fields.title);
		expect(data.row.expectedCircular?.label).toBe('meicirculaire 2025');
		expect(data.descriptionHtml).toContain('<strong>Voorjaarsnota 2025</strong>');
		const stale = (await act('edit', team.finMedewerker, row.id, {
			...fields,
			title: 'Nog een andere titel'
		})) as unknown as Conflict;
		expect(stale.status).toBe(409);
		expect(stale.data.conflict.changed).toContain('title');
		expect((await getArrangement(team.finMedewerker, row.id)).row.title).toBe(fields.title);
	});
});

describe('recording a new arrangement', () => {
	const create = (actor: Actor, fields: Record<string, string>) =>
		newActions.default!(formPost(actor, '/financien/nieuw', fields));
	const base = (title: string) => ({
		title,
		description: '',
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'incidenteel',
		budgetMomentId: '',
		sourceDocument: 'Voorjaarsnota 2025',
		expectedCircularKind: 'mei',
		expectedCircularYear: '2025',
		confidentiality: 'vertrouwelijk',
		agreementId: '',
		agendaItemId: '',
		decisionId: '',
		'schedule.0.year': '2025',
		'schedule.0.amount': '€ 414.000.000',
		'schedule.1.year': '',
		'schedule.1.amount': '',
		'schedule.2.year': '2026',
		'schedule.2.amount': '1.300.000.000',
		reason: ''
	});
	const found = async (title: string) =>
		(await arrangementOverview(team.finMedewerker, { q: title })).total;

	it('is for finance staff and the secretariaat only (403 for a koepel)', async () => {
		const newPage = (actor: Actor, query = '') =>
			newLoad(pageEvent(`/financien/nieuw${query}`, actor)) as Promise<NewPage>;
		expect(await thrownStatus(() => newPage(team.vngMedewerker))).toBe(403);
		expect(await thrownStatus(() => create(team.vngMedewerker, base('Geen toegang hier')))).toBe(
			403
		);
		const agreement = await freeAgreement(team);
		const data = await newPage(team.secretariaat, `?agreementId=${agreement.id}`);
		expect(data.agreement).toEqual({ id: agreement.id, title: agreement.title });
		expect(data.sourceMissing).toBe(false);
		const missing = await newPage(team.finMedewerker, `?agreementId=${crypto.randomUUID()}`);
		expect(missing).toMatchObject({ agreement: null, sourceMissing: true });
	});

	it('bad input is answered at its row with nothing recorded; good input leads to the new page', async () => {
		const title = `Wmo-middelen ${crypto.randomUUID().slice(0, 8)}`;
		const bad = failed(
			await create(team.finMedewerker, { ...base(title), 'schedule.2.amount': '1.234,5.6' })
		);
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data.errors)).toEqual(['schedule.2.amount']);
		const twice = failed(
			await create(team.finMedewerker, { ...base(title), 'schedule.2.year': '2025' })
		);
		expect(twice.data.errors['schedule.2.year']).toMatch(/twee keer/);
		const noKind = failed(
			await create(team.finMedewerker, { ...base(title), expectedCircularKind: '' })
		);
		expect(noKind.data.errors.expectedCircularKind).toMatch(/Kies de mei-/);
		expect(await found(title)).toBe(0);
		const agreement = await freeAgreement(team);
		const to = await redirectOf(() =>
			create(team.finMedewerker, { ...base(title), agreementId: agreement.id })
		);
		expect(to).toMatch(/^\/financien\/[0-9a-f-]{36}\?gemaakt$/);
		const id = /\/financien\/([0-9a-f-]{36})/.exec(to!)![1]!;
		const detail = await getArrangement(team.finMedewerker, id);
		expect(detail.row).toMatchObject({
			title,
			agreementId: agreement.id,
			totalCents: 171_400_000_000,
			expectedCircular: { kind: 'mei', year: 2025 }
		});
		expect(detail.links.map((link) => link.kind)).toContain('agreement');
	});
});
