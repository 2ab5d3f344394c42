import { beforeAll, describe, expect, it } from 'vitest';
import { createCircular, markFigures } from '../../../src/lib/server/finance';
import { financeWork } from '../../../src/lib/server/finance/dashboard';
import { load as agreementLoad } from '../../../src/routes/afspraken/[id]/+page.server';
import { load as itemLoad } from '../../../src/routes/agendapunten/[id]/+page.server';
import { load as workLoad } from '../../../src/routes/mijn-werk/+page.server';
import { openMeetingFor, submitted } from '../agenda/fixtures';
import { freeAgreement } from '../agreements/fixtures';
import { pageEvent } from '../agreements/page-fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

/*
 * Where the money shows outside the finance pages (issue 15): an agreement's and an agenda item's
 * page list the arrangements linked to them, with a link to record one for whoever records the
 * money only; Mijn werk counts the party layer's arrangements not processed as expected and those
 * awaiting the koepel's verdict on the schedule as it is now.
 */

useProcessDatabase();

type Linked = {
	finance: {
		rows: { id: string; reference: string; totalCents: number }[];
		recordHref: string | null;
	};
};

/** The item page also reads its flash cookie. */
const itemEvent = (id: string, actor: Team['vngMedewerker']) =>
	({
		...(pageEvent(`/agendapunten/${id}`, actor, { id }) as object),
		cookies: { get: () => undefined, delete: () => {} }
	}) as never;

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('arrangements on the agreement and agenda item pages', () => {
	it('an agreement lists its arrangements; only finance staff and the secretariaat get the record link', async () => {
		const agreement = await freeAgreement(team);
		const other = await freeAgreement(team);
		const linked = await arrangementWith(
			team.finMedewerker,
			{ 2025: 41_400_000_000 },
			{ agreementId: agreement.id }
		);
		await arrangementWith(team.finMedewerker, { 2025: 1 }, { agreementId: other.id });
		const as = async (actor: Team['vngMedewerker']) =>
			(await agreementLoad(
				pageEvent(`/afspraken/${agreement.id}`, actor, { id: agreement.id })
			)) as unknown as Linked;

		const vng = await as(team.vngMedewerker);
		expect(vng.finance.rows).toEqual([
			{
				id: linked.id,
				reference: linked.reference,
				title: linked.title,
				totalCents: 41_400_000_000,
				status: linked.status
			}
		]);
		expect(vng.finance.recordHref).toBeNull();
		for (const actor of [team.finMedewerker, team.bzkMedewerker, team.secretariaat])
			expect((await as(actor)).finance.recordHref).toBe(
				`/financien/nieuw?agreementId=${agreement.id}`
			);
	});

	it('an agenda item lists its arrangements beside its financial consequences', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.bzkMedewerker, meeting.id, {
			financialConsequences: 'ja',
			financialExplanation: 'Structureel € 300 mln voor de Wmo.'
		});
		const linked = await arrangementWith(
			team.bzkMedewerker,
			{ 2026: 7_500_000_000 },
			{
				agendaItemId: item.id
			}
		);
		const data = (await itemLoad(itemEvent(item.id, team.bzkMedewerker))) as unknown as Linked;
		expect(data.finance.rows.map((row) => row.id)).toEqual([linked.id]);
		expect(data.finance.recordHref).toBe(`/financien/nieuw?agendaItemId=${item.id}`);
		const vng = (await itemLoad(itemEvent(item.id, team.vngMedewerker))) as unknown as Linked;
		expect(vng.finance.rows.map((row) => row.id)).toEqual([linked.id]);
		expect(vng.finance.recordHref).toBeNull();
	});
});

describe('the finance counts on Mijn werk', () => {
	it('counts what awaits the koepel’s verdict in its own layer; a verdict on the schedule takes it off', async () => {
		const before = (await financeWork(team.vngMedewerker))!;
		const ipoBefore = (await financeWork(team.ipoMedewerker))!;
		const row = await arrangementWith(team.finMedewerker, { 2025: 100 });
		const after = (await financeWork(team.vngMedewerker))!;
		expect(after).toMatchObject({ party: 'vng', layer: 'gemeenten' });
		expect(after.awaitingMark).toBe(before.awaitingMark + 1);
		expect((await financeWork(team.ipoMedewerker))!.awaitingMark).toBe(ipoBefore.awaitingMark);
		await markFigures(team.vngBestuurder, row.id, { verdict: 'eens', scheduleVersion: 1 });
		expect((await financeWork(team.vngMedewerker))!.awaitingMark).toBe(before.awaitingMark);
	});

	it('counts the layer’s arrangements whose expected circular is out without them; the Rijk and the secretariaat count all layers', async () => {
		const year = 2011;
		const vng = (await financeWork(team.vngMedewerker))!.notProcessed;
		const ipo = (await financeWork(team.ipoMedewerker))!.notProcessed;
		const rijk = (await financeWork(team.rijkBestuurder))!;
		await arrangementWith(
			team.finMedewerker,
			{ [year]: 1_000 },
			{
				expectedCircular: { kind: 'september', year }
			}
		);
		// Not yet flagged: the circular is not out.
		expect((await financeWork(team.vngMedewerker))!.notProcessed).toBe(vng);
		await createCircular(team.finMedewerker, {
			kind: 'september',
			year,
			publishedOn: '2011-09-20'
		});
		expect((await financeWork(team.vngMedewerker))!.notProcessed).toBe(vng + 1);
		expect((await financeWork(team.ipoMedewerker))!.notProcessed).toBe(ipo);
		expect(rijk).toMatchObject({ party: null, layer: null });
		expect((await financeWork(team.rijkBestuurder))!.notProcessed).toBe(rijk.notProcessed + 1);
		expect((await financeWork(team.secretariaat))!.notProcessed).toBe(rijk.notProcessed + 1);
	});

	it('Mijn werk carries the counts for the table; a beheerder gets none', async () => {
		const data = (await workLoad(pageEvent('/mijn-werk', team.vngMedewerker))) as {
			finance: { party: string | null } | null;
		};
		expect(data.finance).toMatchObject({ party: 'vng' });
		const admin = (await workLoad(pageEvent('/mijn-werk', team.beheerder))) as {
			finance: unknown;
		};
		expect(admin.finance).toBeNull();
	});
});
