import { beforeAll, describe, expect, it } from 'vitest';
import { createTask, getTask, listTasks } from '../../../src/lib/server/finance';
import { load as listLoad } from '../../../src/routes/financien/taken/+page.server';
import type { PageServerData as List } from '../../../src/routes/financien/taken/$types';
import {
	actions as newActions,
	load as newLoad
} from '../../../src/routes/financien/taken/nieuw/+page.server';
import type { PageServerData as New } from '../../../src/routes/financien/taken/nieuw/$types';
import {
	actions as detailActions,
	load as detailLoad
} from '../../../src/routes/financien/taken/[id]/+page.server';
import type { PageServerData as Detail } from '../../../src/routes/financien/taken/[id]/$types';
import { pageEvent, redirectOf, thrownStatus } from '../agreements/page-fixtures';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

/*
 * The tasks' pages called as SvelteKit calls them: what each role is offered (the gate's answer),
 * the forms allowed and denied, and bad input answered at its field in Dutch with nothing changed.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

type Actor = Team[keyof Team];
let counter = 0;
const made = (overrides: Record<string, unknown> = {}) =>
	createTask(team.finMedewerker, {
		name: `Wmo ${++counter}`,
		law: 'Wet maatschappelijke ondersteuning 2015',
		layers: ['gemeenten'],
		...overrides
	});
const detail = async (actor: Actor, id: string, query = '') =>
	(await detailLoad(pageEvent(`/financien/taken/${id}${query}`, actor, { id }))) as Detail;
const post = (
	name: keyof typeof detailActions,
	actor: Actor,
	id: string,
	fields: Record<string, string | string[]>
) =>
	detailActions[name]!(
		formPost(actor, `/financien/taken/${id}?/${name}`, fields as never, { id }) as never
	);
/** "Taak toevoegen" sent as the actor. */
const create = (actor: Actor, fields: Record<string, string | string[]>) =>
	newActions.default!(formPost(actor, '/financien/taken/nieuw', fields as never) as never);

describe('the list of tasks', () => {
	it('shows every reader the tasks, and "Taak toevoegen" to those who keep them', async () => {
		const task = await made();
		const list = async (actor: Actor) =>
			(await listLoad(pageEvent('/financien/taken', actor))) as List;
		const vng = await list(team.vngMedewerker);
		expect(vng.tasks.some((row) => row.id === task.id)).toBe(true);
		expect(vng.mayCreate).toBe(false);
		expect((await list(team.finMedewerker)).mayCreate).toBe(true);
		expect((await list(team.bzkMedewerker)).mayCreate).toBe(true);
		expect((await list(team.secretariaat)).mayCreate).toBe(true);
		expect((await list(team.ipoBestuurder)).mayCreate).toBe(false);
	});

	it('sends a visitor to the sign-in page', async () => {
		expect(await thrownStatus(() => listLoad(pageEvent('/financien/taken', null)))).toBe(303);
	});
});

describe('"Taak toevoegen"', () => {
	it('refuses the page to a koepel, and offers the arrangements to link to finance staff', async () => {
		expect(
			await thrownStatus(() => newLoad(pageEvent('/financien/taken/nieuw', team.vngMedewerker)))
		).toBe(403);
		const arrangement = await arrangementWith(team.finMedewerker, { 2026: 100 });
		const page = (await newLoad(pageEvent('/financien/taken/nieuw', team.bzkMedewerker))) as New;
		expect(page.choices.arrangements.map((choice) => choice.id)).toContain(arrangement.id);
	});

	it('makes the task and goes to its page', async () => {
		const arrangement = await arrangementWith(team.finMedewerker, { 2026: 2_500 });
		const location = await redirectOf(() =>
			create(team.secretariaat, {
				name: 'Onderwijshuisvesting',
				law: 'Wet op het primair onderwijs',
				layers: ['gemeenten', 'provincies'],
				feasibilityStatus: 'lopend',
				arrangementIds: [arrangement.id]
			})
		);
		const id = /\/financien\/taken\/([0-9a-f-]{36})\?gemaakt$/.exec(location ?? '')?.[1];
		expect(id).toBeTruthy();
		const task = await getTask(team.secretariaat, id!);
		expect(task).toMatchObject({
			name: 'Onderwijshuisvesting',
			layers: ['gemeenten', 'provincies']
		});
		expect(task.committedCents).toBe(2_500);
	});

	it('answers bad input in Dutch at its fields, the ticked boxes kept, nothing made', async () => {
		const before = (await listTasks(team.finMedewerker)).length;
		const result = failed(
			await create(team.finMedewerker, {
				name: '',
				law: 'Jeugdwet',
				feasibilityStatus: 'lopend'
			})
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.layers).toBe('Kies minstens één bestuurslaag die de taak uitvoert.');
		expect(result.data.errors.name).toMatch(/^[A-Z].*\.$/);
		expect(result.data).toMatchObject({
			form: 'create',
			values: { law: 'Jeugdwet' },
			chosen: { layers: [] }
		});
		expect((await listTasks(team.finMedewerker)).length).toBe(before);
	});

	it('refuses the action to a koepel, making nothing', async () => {
		const before = (await listTasks(team.finMedewerker)).length;
		expect(
			await thrownStatus(() =>
				create(team.vngBestuurder, {
					name: 'Van de koepel',
					law: 'Jeugdwet',
					layers: ['gemeenten']
				})
			)
		).toBe(403);
		expect((await listTasks(team.finMedewerker)).length).toBe(before);
	});
});

describe('the page of one task', () => {
	it('offers the edit form to finance staff and the need form to a carrying koepel only', async () => {
		const task = await made({ layers: ['provincies'] });
		const fin = await detail(team.finMedewerker, task.id);
		expect(fin.access).toEqual({ manage: true, reportNeedFor: null });
		expect(fin.choices).not.toBeNull();
		const ipo = await detail(team.ipoBestuurder, task.id);
		expect(ipo.access).toEqual({ manage: false, reportNeedFor: 'ipo' });
		expect(ipo.choices).toBeNull();
		expect((await detail(team.vngMedewerker, task.id)).access).toEqual({
			manage: false,
			reportNeedFor: null
		});
	});

	it('answers an unknown task with 404, and a bad "zoals bekend op" in Dutch beside today\'s figures', async () => {
		expect(
			await thrownStatus(() => detail(team.vngMedewerker, '00000000-0000-4000-8000-000000000000'))
		).toBe(404);
		const task = await made();
		const page = await detail(team.vngMedewerker, task.id, '?asOf=gisteren');
		expect(page.asOfError).toMatch(/^[A-Z].*\.$/);
		expect(page.task.asOf).toBeNull();
		expect(page.moments.length).toBeGreaterThan(0);
		const moment = page.moments[0]!;
		const asOf = await detail(team.vngMedewerker, task.id, `?asOf=${moment.key}`);
		expect(asOf.task.asOf?.label).toBe(moment.label);
	});

	it('lets VNG report a need in Dutch notation, and refuses one for another koepel', async () => {
		const task = await made();
		const done = await post('need', team.vngMedewerker, task.id, {
			party: 'vng',
			year: '2026',
			amount: '€ 1.234.567,89',
			source: 'Onderzoek naar de Wmo-kosten'
		});
		expect(done).toMatchObject({ form: 'need', done: true });
		expect((await getTask(team.vngMedewerker, task.id)).needCents).toBe(123_456_789);
		const forOther = failed(
			await post('need', team.vngMedewerker, task.id, {
				party: 'ipo',
				year: '2026',
				amount: '1',
				source: 'Namens IPO'
			})
		);
		expect(forOther.status).toBe(400);
		expect(forOther.data.errors.party).toBe('U meldt alleen namens uw eigen koepel.');
		expect(
			await thrownStatus(() =>
				post('need', team.ipoMedewerker, task.id, {
					party: 'ipo',
					year: '2026',
					amount: '1',
					source: 'Eigen raming'
				})
			)
		).toBe(403);
		expect((await getTask(team.vngMedewerker, task.id)).needHistory).toHaveLength(1);
	});

	it('answers an ambiguous amount or a missing year in Dutch, recording nothing', async () => {
		const task = await made();
		const result = failed(
			await post('need', team.vngBestuurder, task.id, {
				party: 'vng',
				year: '',
				amount: '1,234.56',
				source: 'Eigen raming'
			})
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.year).toBe('Vul een jaartal in, bijvoorbeeld 2026.');
		expect(result.data.errors.amount).toMatch(/^[A-Z].*\.$/);
		expect(result.data).toMatchObject({ form: 'need', values: { amount: '1,234.56' } });
		expect((await getTask(team.vngMedewerker, task.id)).needHistory).toEqual([]);
	});

	it('saves an edit against the version seen, and answers a stale one with 409, nothing changed', async () => {
		const task = await made();
		const fields = {
			name: task.name,
			law: task.law,
			layers: ['gemeenten', 'waterschappen'],
			feasibilityStatus: 'afgerond',
			feasibilityOutcome: 'Uitvoerbaar.',
			expectedVersion: String(task.version)
		};
		expect(await post('edit', team.bzkMedewerker, task.id, fields)).toMatchObject({
			form: 'edit',
			done: true
		});
		const saved = await getTask(team.bzkMedewerker, task.id);
		expect(saved).toMatchObject({
			layers: ['gemeenten', 'waterschappen'],
			feasibilityStatus: 'afgerond',
			version: task.version + 1
		});
		const stale = failed(
			await post('edit', team.finMedewerker, task.id, { ...fields, name: 'Oude stand' })
		);
		expect(stale.status).toBe(409);
		expect(stale.data.errors['']).toMatch(/^Iemand anders heeft dit intussen gewijzigd/);
		expect((await getTask(team.finMedewerker, task.id)).name).toBe(task.name);
	});

	it('refuses the edit to a koepel, and answers bad input at its field', async () => {
		const task = await made();
		expect(
			await thrownStatus(() =>
				post('edit', team.vngMedewerker, task.id, {
					name: 'Van de koepel',
					law: task.law,
					layers: ['gemeenten'],
					expectedVersion: String(task.version)
				})
			)
		).toBe(403);
		const bad = failed(
			await post('edit', team.finMedewerker, task.id, {
				name: task.name,
				law: task.law,
				layers: ['rijk'],
				expectedVersion: String(task.version)
			})
		);
		expect(bad.status).toBe(400);
		expect(Object.values(bad.data.errors).join(' ')).toContain(
			'Kies gemeenten, provincies of waterschappen.'
		);
		const after = await getTask(team.finMedewerker, task.id);
		expect([after.name, after.version, after.layers]).toEqual([
			task.name,
			task.version,
			['gemeenten']
		]);
	});
});
