import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import {
	createTask,
	getTask,
	listTasks,
	recordEntry,
	reportNeed,
	updateTask
} from '../../../src/lib/server/finance';
import { taskAccess } from '../../../src/lib/server/finance/tasks';
import { InvalidInputError, StaleVersionError } from '../../../src/lib/server/kernel/errors';
import { rowsOf } from '../../../src/lib/server/agreements/rows';
import { freeAgreement } from '../agreements/fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, rejection, type Team } from './fixtures';

/*
 * The co-governance tasks (issue 15, "Tasks and money in balance"): who may keep a task and who may
 * report a need; the balance per year equals the database's sums; the newest need per koepel and
 * year counts while the earlier ones stay; the needs are append-only in the database.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

let counter = 0;
const taskInput = (overrides: Record<string, unknown> = {}) => ({
	name: `Jeugdzorg ${++counter}`,
	law: 'Jeugdwet',
	layers: ['gemeenten'],
	description: 'Hulp aan jeugdigen en hun ouders.',
	feasibilityStatus: 'lopend',
	...overrides
});

async function events(type: string, taskId: string) {
	const db = await useDb();
	return rowsOf<{ payload: Record<string, unknown> }>(
		await db.execute(
			sql`select payload from event where type = ${type} and subject_id = ${taskId} order by id`
		)
	);
}

describe('createTask and updateTask', () => {
	it('let Financiën, BZK and the secretariaat keep a task, with an event each', async () => {
		for (const actor of [team.finMedewerker, team.bzkMedewerker, team.secretariaat]) {
			const task = await createTask(actor, taskInput());
			expect(task.feasibilityStatus).toBe('lopend');
			expect(await events('finance.task_saved.v1', task.id)).toHaveLength(1);
			const updated = await updateTask(actor, task.id, {
				feasibilityStatus: 'afgerond',
				feasibilityOutcome: 'Uitvoerbaar met extra middelen.',
				expectedVersion: task.version
			});
			expect(updated).toMatchObject({
				feasibilityStatus: 'afgerond',
				feasibilityOutcome: 'Uitvoerbaar met extra middelen.',
				version: task.version + 1
			});
			const saved = await events('finance.task_saved.v1', task.id);
			expect(saved[1]!.payload.changed).toEqual(['feasibilityStatus', 'feasibilityOutcome']);
		}
	});

	it('refuse the koepels, other ministries and the beheerder, changing nothing', async () => {
		const task = await createTask(team.finMedewerker, taskInput());
		for (const actor of [
			team.vngMedewerker,
			team.vngBestuurder,
			team.ipoMedewerker,
			team.beheerder
		]) {
			const made = await rejection(createTask(actor, taskInput()));
			expect(made).toBeInstanceOf(AccessError);
			const changed = await rejection(updateTask(actor, task.id, { name: 'Anders' }));
			expect(changed).toBeInstanceOf(AccessError);
		}
		expect((await getTask(team.vngMedewerker, task.id)).name).toBe(task.name);
		expect(await events('finance.task_saved.v1', task.id)).toHaveLength(1);
	});

	it('answers a stale edit with a conflict, and unknown links with a Dutch message', async () => {
		const task = await createTask(team.finMedewerker, taskInput());
		await updateTask(team.bzkMedewerker, task.id, { law: 'Jeugdwet (gewijzigd)' });
		const stale = await rejection(
			updateTask(team.finMedewerker, task.id, { name: 'Oud', expectedVersion: task.version })
		);
		expect(stale).toBeInstanceOf(StaleVersionError);
		const unknown = await rejection(
			updateTask(team.finMedewerker, task.id, {
				arrangementIds: ['00000000-0000-4000-8000-000000000000']
			})
		);
		expect((unknown as InvalidInputError).fields.arrangementIds).toBe(
			'Kies arrangementen uit de lijst.'
		);
		expect((await getTask(team.finMedewerker, task.id)).name).toBe(task.name);
	});

	it('links arrangements and agreements, and unlinks them when sent empty', async () => {
		const arrangement = await arrangementWith(team.finMedewerker, { 2026: 100 });
		const agreement = await freeAgreement(team);
		const task = await createTask(
			team.secretariaat,
			taskInput({ arrangementIds: [arrangement.id], agreementIds: [agreement.id] })
		);
		expect(task.arrangements.map((row) => row.id)).toEqual([arrangement.id]);
		expect(task.agreements.map((row) => row.id)).toEqual([agreement.id]);
		expect([task.arrangementCount, task.agreementCount]).toEqual([1, 1]);
		const unlinked = await updateTask(team.secretariaat, task.id, {
			arrangementIds: [],
			agreementIds: []
		});
		expect([unlinked.arrangements, unlinked.agreements]).toEqual([[], []]);
	});
});

describe('reportNeed', () => {
	it('lets a koepel whose layer carries the task report for itself, not for another', async () => {
		const task = await createTask(
			team.finMedewerker,
			taskInput({ layers: ['gemeenten', 'provincies'] })
		);
		await reportNeed(team.vngMedewerker, task.id, {
			party: 'vng',
			year: 2026,
			amount: '1.234.567,89',
			source: 'Onderzoek Groeipijn'
		});
		await reportNeed(team.ipoBestuurder, task.id, {
			party: 'ipo',
			year: 2026,
			amountCents: 500,
			source: 'Ledenbrief IPO'
		});
		const forOther = await rejection(
			reportNeed(team.vngBestuurder, task.id, {
				party: 'ipo',
				year: 2026,
				amountCents: 1,
				source: 'Namens een ander'
			})
		);
		expect((forOther as InvalidInputError).fields.party).toBe(
			'U meldt alleen namens uw eigen koepel.'
		);
		const detail = await getTask(team.secretariaat, task.id);
		// Newest first within the year: IPO reported after VNG.
		expect(detail.balance).toEqual([
			{
				year: 2026,
				committedCents: 0,
				needs: [
					{ party: 'ipo', cents: 500, source: 'Ledenbrief IPO' },
					{ party: 'vng', cents: 123_456_789, source: 'Onderzoek Groeipijn' }
				],
				needCents: 123_457_289,
				balanceCents: -123_457_289
			}
		]);
		expect(await events('finance.need_reported.v1', task.id)).toHaveLength(2);
	});

	it('refuses a koepel whose layer does not carry it, finance staff and the secretariaat', async () => {
		const task = await createTask(team.finMedewerker, taskInput({ layers: ['gemeenten'] }));
		for (const [actor, party] of [
			[team.uvwMedewerker, 'uvw'],
			[team.ipoMedewerker, 'ipo'],
			[team.finMedewerker, 'rijk'],
			[team.secretariaat, 'vng']
		] as const) {
			const refused = await rejection(
				reportNeed(actor, task.id, { party, year: 2026, amountCents: 1, source: 'Eigen raming' })
			);
			expect(refused).toBeInstanceOf(AccessError);
		}
		expect((await getTask(team.finMedewerker, task.id)).needHistory).toEqual([]);
	});

	it('refuses an ambiguous amount in Dutch, recording nothing', async () => {
		const task = await createTask(team.finMedewerker, taskInput());
		const refused = await rejection(
			reportNeed(team.vngMedewerker, task.id, {
				party: 'vng',
				year: 2026,
				amount: '1,234.56',
				source: 'Eigen raming'
			})
		);
		expect(Object.keys((refused as InvalidInputError).fields)).toEqual(['amount']);
		expect((await getTask(team.finMedewerker, task.id)).needHistory).toEqual([]);
	});

	it('counts the newest need per koepel and year, and keeps the earlier ones as history', async () => {
		const task = await createTask(team.finMedewerker, taskInput());
		const report = (amountCents: number, source: string, year = 2027) =>
			reportNeed(team.vngMedewerker, task.id, { party: 'vng', year, amountCents, source });
		await report(1_000, 'Eerste raming');
		await report(3_000, 'Tweede raming');
		const detail = await report(2_000, 'Derde raming', 2028);
		expect(detail.balance.map((year) => [year.year, year.needCents])).toEqual([
			[2027, 3_000],
			[2028, 2_000]
		]);
		expect(detail.needHistory.map((need) => [need.year, need.cents, need.source])).toEqual([
			[2028, 2_000, 'Derde raming'],
			[2027, 3_000, 'Tweede raming'],
			[2027, 1_000, 'Eerste raming']
		]);
		expect(detail.needHistory[0]!.reportedByName).toBe(team.vngMedewerker.name);
		const summary = (await listTasks(team.ipoMedewerker)).find((row) => row.id === task.id);
		expect(summary?.needCents).toBe(5_000);
	});
});

describe('the balance', () => {
	it('equals the database sums of the linked arrangements per year, and says the shortfall', async () => {
		const one = await arrangementWith(team.finMedewerker, {
			2025: 41_400_000_000,
			2026: 130_000_000_000
		});
		const two = await arrangementWith(team.finMedewerker, {
			2026: 7_500_000_001,
			2027: 30_000_000_000
		});
		await recordEntry(team.finMedewerker, two.id, {
			reason: 'bijgesteld bij Voorjaarsnota 2026',
			amounts: [{ year: 2027, amountCents: 25_000_000_000 }]
		});
		const task = await createTask(
			team.finMedewerker,
			taskInput({ arrangementIds: [one.id, two.id] })
		);
		await reportNeed(team.vngMedewerker, task.id, {
			party: 'vng',
			year: 2026,
			amount: '1.500.000.000',
			source: 'Onderzoek Groeipijn'
		});
		const db = await useDb();
		const sums = rowsOf<{ year: number; cents: string }>(
			await db.execute(sql`select year, sum(delta_cents)::text as cents from finance_entry_line
				where arrangement_id in (${one.id}, ${two.id}) group by year order by year`)
		).map((row) => [Number(row.year), Number(row.cents)]);
		const detail = await getTask(team.bzkMedewerker, task.id);
		expect(detail.balance.map((year) => [year.year, year.committedCents])).toEqual(sums);
		expect(sums).toEqual([
			[2025, 41_400_000_000],
			[2026, 137_500_000_001],
			[2027, 25_000_000_000]
		]);
		const year2026 = detail.balance.find((year) => year.year === 2026)!;
		expect(year2026.balanceCents).toBe(137_500_000_001 - 150_000_000_000);
		const summary = (await listTasks(team.vngBestuurder)).find((row) => row.id === task.id)!;
		expect(summary.committedCents).toBe(sums.reduce((total, [, cents]) => total + cents!, 0));
		expect(summary.needCents).toBe(150_000_000_000);
	});
	it('is shown as known at a moment: the entries and needs known by then, totals included', async () => {
		const arrangement = await arrangementWith(team.finMedewerker, { 2026: 10_000 });
		const task = await createTask(
			team.finMedewerker,
			taskInput({ arrangementIds: [arrangement.id] })
		);
		await reportNeed(team.vngMedewerker, task.id, {
			party: 'vng',
			year: 2026,
			amountCents: 12_000,
			source: 'Eerste raming'
		});
		await new Promise((resolve) => setTimeout(resolve, 5));
		const then = new Date().toISOString();
		await new Promise((resolve) => setTimeout(resolve, 5));
		await recordEntry(team.finMedewerker, arrangement.id, {
			reason: 'bijgesteld bij Voorjaarsnota 2026',
			amounts: [{ year: 2026, amountCents: 20_000 }]
		});
		await reportNeed(team.vngMedewerker, task.id, {
			party: 'vng',
			year: 2026,
			amountCents: 15_000,
			source: 'Tweede raming'
		});
		const now = await getTask(team.finMedewerker, task.id);
		expect([now.committedCents, now.needCents, now.balance[0]!.balanceCents]).toEqual([
			20_000, 15_000, 5_000
		]);
		const past = await getTask(team.finMedewerker, task.id, { asOf: then });
		expect([past.committedCents, past.needCents, past.balance[0]!.balanceCents]).toEqual([
			10_000, 12_000, -2_000
		]);
		expect(past.needHistory.map((need) => need.source)).toEqual(['Eerste raming']);
		expect(past.arrangements[0]!.totalCents).toBe(10_000);
	});
});

describe('what the pages may offer', () => {
	it('follows the gate: keeping tasks for finance staff, the need form for a carrying koepel', async () => {
		expect(await taskAccess(team.finMedewerker, ['gemeenten'])).toEqual({
			manage: true,
			reportNeedFor: null
		});
		expect(await taskAccess(team.secretariaat, ['gemeenten'])).toEqual({
			manage: true,
			reportNeedFor: null
		});
		expect(await taskAccess(team.vngBestuurder, ['gemeenten'])).toEqual({
			manage: false,
			reportNeedFor: 'vng'
		});
		expect(await taskAccess(team.ipoMedewerker, ['gemeenten'])).toEqual({
			manage: false,
			reportNeedFor: null
		});
	});
});

describe('the need table', () => {
	it('refuses UPDATE and DELETE in the database', async () => {
		const task = await createTask(team.finMedewerker, taskInput());
		await reportNeed(team.vngMedewerker, task.id, {
			party: 'vng',
			year: 2026,
			amountCents: 100,
			source: 'Eigen raming'
		});
		const db = await useDb();
		await expect(
			db.execute(sql`update finance_task_need set amount_cents = 1 where task_id = ${task.id}`)
		).rejects.toThrow();
		await expect(
			db.execute(sql`delete from finance_task_need where task_id = ${task.id}`)
		).rejects.toThrow();
		expect((await getTask(team.finMedewerker, task.id)).needHistory[0]!.cents).toBe(100);
	});
});
