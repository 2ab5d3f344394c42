import { beforeAll, describe, expect, it } from 'vitest';
import { getAgreement, reportProgress } from '../../../src/lib/server/agreements';
import { load as detailLoad } from '../../../src/routes/afspraken/[id]/+page.server';
import { agreementActions } from '../../../src/routes/afspraken/[id]/actions.server';
import type { PageServerData as Detail } from '../../../src/routes/afspraken/[id]/$types';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import { createTeam, freeAgreement, inDays, type Team } from './fixtures';
import { pageEvent, thrownStatus } from './page-fixtures';

useProcessDatabase();

/*
 * One agreement's page: what each role is offered (the gate's answer, never a copy of it), its
 * history from the event log, and every form action allowed and denied, bad input answered at its
 * field with nothing changed.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

type Actor = Team[keyof Team];
const page = async (actor: Actor, id: string) =>
	(await detailLoad(pageEvent(`/afspraken/${id}`, actor, { id }))) as Detail;
const act = (
	name: keyof typeof agreementActions,
	actor: Actor,
	id: string,
	fields: Record<string, string>
) => agreementActions[name](formPost(actor, `/afspraken/${id}?/${name}`, fields, { id }));

describe('the page of one agreement', () => {
	it('offers each role what the gate allows it', async () => {
		const agreement = await freeAgreement(team);
		const offered = async (actor: Actor) => (await page(actor, agreement.id)).allowed;
		expect(await offered(team.secretariaat)).toMatchObject({
			edit: true,
			addOwner: true,
			removeOwner: false,
			handOn: true,
			progress: false,
			ratify: null,
			statuses: ['in_uitvoering', 'afgerond', 'vertraagd', 'vervallen']
		});
		expect(await offered(team.vngMedewerker)).toMatchObject({
			edit: false,
			handOn: false,
			progress: true,
			ratify: 'vng',
			statuses: ['in_uitvoering', 'vertraagd']
		});
		expect(await offered(team.ipoBestuurder)).toMatchObject({
			progress: false,
			ratify: 'ipo',
			statuses: []
		});
		expect(await offered(team.bzkMedewerker)).toMatchObject({ ratify: null, statuses: [] });
		expect(await offered(team.beheerder)).toMatchObject({
			edit: false,
			progress: false,
			ratify: null,
			statuses: []
		});
	});

	it('shows the history from the event log: who changed what, newest first', async () => {
		const agreement = await freeAgreement(team);
		await reportProgress(team.vngMedewerker, agreement.id, {
			text: 'Eerste verkenning.',
			percent: 10
		});
		const { history, bodyHtml, ownerChoices } = await page(team.secretariaat, agreement.id);
		expect(history.map((line) => [line.kind, line.actorName])).toEqual([
			['progress_reported', team.vngMedewerker.name],
			['created', team.secretariaat.name]
		]);
		expect(history[0]!.progress).toEqual({ party: 'vng', percent: 10, files: [] });
		expect(bodyHtml).toContain('<p>Het BOFv werkt de verdeling uit.</p>');
		expect(ownerChoices?.people.length).toBeGreaterThan(0);
		expect((await page(team.vngMedewerker, agreement.id)).ownerChoices).toBeNull();
	});

	it('is not found for an unknown or malformed id', async () => {
		expect(await thrownStatus(() => page(team.vngMedewerker, crypto.randomUUID()))).toBe(404);
		expect(await thrownStatus(() => page(team.vngMedewerker, 'niet-een-id'))).toBe(404);
	});
});

describe('the forms of one agreement', () => {
	it('edit: allowed to the secretariaat; refused to a party; a bad date and a stale edit change nothing', async () => {
		const agreement = await freeAgreement(team);
		const fields = {
			title: 'Afspraak over de verdeling van de middelen',
			body: 'Het BOFv werkt de verdeling uit.',
			deadline: agreement.deadline,
			condition: '',
			fallbackDate: '',
			confidentiality: 'vertrouwelijk',
			expectedVersion: String(agreement.version)
		};
		expect(await thrownStatus(() => act('edit', team.vngMedewerker, agreement.id, fields))).toBe(
			403
		);
		const bad = failed(
			await act('edit', team.secretariaat, agreement.id, { ...fields, deadline: '2027-02-30' })
		);
		expect(bad.status).toBe(400);
		expect(bad.data.errors.deadline).toMatch(/geldige termijn/);
		expect((await getAgreement(team.secretariaat, agreement.id)).title).toBe(agreement.title);
		expect(await act('edit', team.secretariaat, agreement.id, fields)).toMatchObject({
			done: true
		});
		expect((await getAgreement(team.secretariaat, agreement.id)).title).toBe(fields.title);
		const stale = (await act('edit', team.secretariaat, agreement.id, {
			...fields,
			title: 'Nog een andere titel'
		})) as unknown as { status: number; data: { conflict: { changed: string[] } } };
		expect(stale.status).toBe(409);
		expect(stale.data.conflict.changed).toEqual(['title']);
		expect((await getAgreement(team.secretariaat, agreement.id)).title).toBe(fields.title);
	});

	it('status: an owner sets in uitvoering; another party, or closing by an owner, is refused; vervallen needs a reason', async () => {
		const agreement = await freeAgreement(team);
		const v = String(agreement.version);
		expect(
			await thrownStatus(() =>
				act('status', team.ipoMedewerker, agreement.id, {
					status: 'in_uitvoering',
					expectedVersion: v
				})
			)
		).toBe(403);
		expect(
			await thrownStatus(() =>
				act('status', team.vngMedewerker, agreement.id, { status: 'afgerond', expectedVersion: v })
			)
		).toBe(403);
		const noReason = failed(
			await act('status', team.secretariaat, agreement.id, {
				status: 'vervallen',
				expectedVersion: v
			})
		);
		expect(noReason.data.errors.reason).toMatch(/reden/);
		const noDate = failed(
			await act('status', team.vngMedewerker, agreement.id, {
				status: 'vertraagd',
				expectedVersion: v
			})
		);
		expect(noDate.data.errors.expectedDate).toMatch(/wanneer/);
		expect((await getAgreement(team.secretariaat, agreement.id)).status).toBe('open');
		expect(
			await act('status', team.vngMedewerker, agreement.id, {
				status: 'vertraagd',
				expectedDate: inDays(80),
				expectedVersion: v
			})
		).toMatchObject({ done: true, status: 'vertraagd' });
		expect(await getAgreement(team.secretariaat, agreement.id)).toMatchObject({
			status: 'vertraagd',
			expectedDate: inDays(80)
		});
	});

	it('owners: the secretariaat adds and removes; a party may not; a contact of another party and the last owner are refused', async () => {
		const agreement = await freeAgreement(team);
		const ipo = { party: 'ipo', organisationId: '', contactPersonId: team.ipoMedewerker.personId };
		expect(await thrownStatus(() => act('addOwner', team.vngBestuurder, agreement.id, ipo))).toBe(
			403
		);
		const wrong = failed(
			await act('addOwner', team.secretariaat, agreement.id, {
				...ipo,
				contactPersonId: team.vngMedewerker.personId
			})
		);
		expect(wrong.data.errors.contactPersonId).toMatch(/contactpersoon van IPO/);
		const only = (await getAgreement(team.secretariaat, agreement.id)).owners[0]!;
		const last = failed(
			await act('removeOwner', team.secretariaat, agreement.id, { ownerId: only.id })
		);
		expect(last.status).toBe(409);
		expect(last.data.errors['']).toMatch(/minstens één actiehouder/);
		expect(await act('addOwner', team.secretariaat, agreement.id, ipo)).toMatchObject({
			done: true
		});
		expect(
			await thrownStatus(() =>
				act('removeOwner', team.vngMedewerker, agreement.id, { ownerId: only.id })
			)
		).toBe(403);
		expect(
			await act('removeOwner', team.secretariaat, agreement.id, { ownerId: only.id })
		).toMatchObject({
			done: true
		});
		const owners = (await getAgreement(team.secretariaat, agreement.id)).owners;
		expect(owners.map((o) => o.party)).toEqual(['ipo']);
	});

	it('hand on: to a destination and to a later agreement; a party may not; a missing name is refused', async () => {
		const agreement = await freeAgreement(team);
		const later = await freeAgreement(team);
		const destination = {
			to: 'destination',
			kind: 'bofv',
			label: 'BOFv van 21 november',
			meetingId: '',
			date: ''
		};
		expect(
			await thrownStatus(() => act('handOn', team.vngMedewerker, agreement.id, destination))
		).toBe(403);
		const unnamed = failed(
			await act('handOn', team.secretariaat, agreement.id, { ...destination, label: '' })
		);
		expect(unnamed.data.errors['destination.label']).toMatch(/Noem de bestemming/);
		expect((await getAgreement(team.secretariaat, agreement.id)).chain[0]!.links).toEqual([]);
		expect(await act('handOn', team.secretariaat, agreement.id, destination)).toMatchObject({
			done: true
		});
		expect(
			await act('handOn', team.secretariaat, agreement.id, {
				to: 'agreement',
				toAgreementId: later.id
			})
		).toMatchObject({ done: true });
		const { chain } = await page(team.vngMedewerker, later.id);
		expect(chain.map((node) => [node.id, node.depth])).toEqual([
			[agreement.id, -1],
			[later.id, 0]
		]);
	});

	it('progress: a responsible party reports; another party and the secretariaat may not; a bad percentage is refused', async () => {
		const agreement = await freeAgreement(team);
		const report = { text: 'De verdeelsleutel is in concept klaar.', percent: '40' };
		expect(
			await thrownStatus(() => act('progress', team.ipoMedewerker, agreement.id, report))
		).toBe(403);
		expect(await thrownStatus(() => act('progress', team.secretariaat, agreement.id, report))).toBe(
			403
		);
		for (const percent of ['veel', '140', '12.5']) {
			const bad = failed(
				await act('progress', team.vngMedewerker, agreement.id, { ...report, percent })
			);
			expect(bad.data.errors.percent, percent).toMatch(/percentage/);
		}
		expect((await getAgreement(team.secretariaat, agreement.id)).progressReports).toEqual([]);
		expect(await act('progress', team.vngBestuurder, agreement.id, report)).toMatchObject({
			done: true
		});
		const [saved] = (await getAgreement(team.secretariaat, agreement.id)).progressReports;
		expect(saved).toMatchObject({ party: 'vng', percent: 40, text: report.text });
	});

	it('ratify: a koepel records its own; for another koepel refused; lopend without a closing date refused', async () => {
		const agreement = await freeAgreement(team);
		const approved = {
			koepel: 'vng',
			state: 'goedgekeurd',
			decidedOn: inDays(-1),
			ledenbriefUrl: 'https://vng.nl/ledenbrief'
		};
		expect(
			await thrownStatus(() => act('ratify', team.ipoBestuurder, agreement.id, approved))
		).toBe(403);
		const open = failed(
			await act('ratify', team.vngMedewerker, agreement.id, { koepel: 'vng', state: 'lopend' })
		);
		expect(open.data.errors.closesOn).toMatch(/sluit/);
		expect((await getAgreement(team.secretariaat, agreement.id)).ratifications).toEqual([]);
		expect(await act('ratify', team.vngBestuurder, agreement.id, approved)).toMatchObject({
			done: true
		});
		const detail = await getAgreement(team.secretariaat, agreement.id);
		expect(detail.ratifications).toMatchObject([
			{ koepel: 'vng', state: 'goedgekeurd', version: 1 }
		]);
		expect(detail.ratification).toBe('bekrachtigd');
		// A correction against the version seen; one against an older version names what changed.
		const rejected = { ...approved, state: 'afgewezen', version: '1' };
		expect(await act('ratify', team.vngMedewerker, agreement.id, rejected)).toMatchObject({
			done: true
		});
		const stale = (await act('ratify', team.vngBestuurder, agreement.id, rejected)) as unknown as {
			status: number;
			data: { form: string; conflict: { changed: string[] } };
		};
		expect(stale.status).toBe(409);
		expect(stale.data.form).toBe('ratify');
		expect(stale.data.conflict.changed).toContain('state');
		expect((await getAgreement(team.secretariaat, agreement.id)).ratifications).toMatchObject([
			{ state: 'afgewezen', version: 2 }
		]);
	});
});
