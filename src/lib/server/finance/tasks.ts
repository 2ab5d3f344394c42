import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AccessError, decideAccess, requireAccess, type Actor } from '../access';
import { transaction, useDb, type Executor, type Transaction } from '../db';
import {
	agreements,
	financeTaskAgreements,
	financeTaskArrangements,
	financeTaskNeeds,
	financeTasks,
	financialArrangements,
	people,
	type FeasibilityStatus,
	type FinanceLayer,
	type FinanceTask,
	type Party
} from '../db/schema';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StaleVersionError } from '../kernel/errors';
import { expectedVersion as expectedVersionSchema, parseInput } from '../kernel/input';
import { isUuid } from '../kernel/ids';
import type { LiveArrangementRow, LiveBudgetMoment } from '../../realtime/finance-payloads';
import { sumCents } from '../../money';
import { rowsOf } from '../agreements/rows';
import { receivingParty } from './labels';
import { listBudgetMoments, resolveAsOf, type AsOf } from './moments';
import { arrangementRows, centsOf, knownBy } from './rows';
import { financeTaskSchema, reportNeedSchema } from './schemas';
import { isFinanceStaff } from './staff';
import { recordTableEvent, requireFinanceStaff } from './store';

/*
 * Co-governance tasks (medebewindstaken) with their money, as the ROB asked: per task the law, the
 * layers that carry it, the arrangements that fund it, the agreements about it, the feasibility
 * test (UDO), and per year the money committed against what the koepels report the task needs, so
 * that a disbalans shows before the meeting. Tasks are the table's.
 */

export interface TaskSummary {
	id: string;
	name: string;
	law: string;
	layers: FinanceLayer[];
	feasibilityStatus: FeasibilityStatus;
	arrangementCount: number;
	agreementCount: number;
	/** Over all years: committed by the linked arrangements, and the needs reported (newest each). */
	committedCents: number;
	needCents: number;
	version: number;
}

export interface TaskBalanceYear {
	year: number;
	committedCents: number;
	/** Per koepel the newest reported need for the year. */
	needs: { party: Party; cents: number; source: string }[];
	needCents: number;
	/** committed − need: negative is a shortfall (disbalans). */
	balanceCents: number;
}

export interface TaskDetail extends TaskSummary {
	description: string;
	feasibilityOutcome: string | null;
	arrangements: LiveArrangementRow[];
	agreements: { id: string; title: string; status: string }[];
	balance: TaskBalanceYear[];
	asOf: AsOf | null;
	/** Every need reported, newest first (the earlier ones stay as history). */
	needHistory: {
		id: string;
		party: Party;
		year: number;
		cents: number;
		source: string;
		reportedByName: string;
		reportedAt: string;
	}[];
	updatedAt: string;
}

const readGate = (reader: Actor | null) =>
	requireAccess(reader, 'finance.read', { audience: ['table'] });

async function checkLinked(
	tx: Executor,
	arrangementIds: string[] | undefined,
	agreementIds: string[] | undefined
) {
	if (arrangementIds?.length) {
		const found = await tx
			.select({ id: financialArrangements.id })
			.from(financialArrangements)
			.where(inArray(financialArrangements.id, arrangementIds));
		if (found.length !== new Set(arrangementIds).size)
			throw new InvalidInputError({ arrangementIds: 'Kies arrangementen uit de lijst.' });
	}
	if (agreementIds?.length) {
		const found = await tx
			.select({ id: agreements.id })
			.from(agreements)
			.where(inArray(agreements.id, agreementIds));
		if (found.length !== new Set(agreementIds).size)
			throw new InvalidInputError({ agreementIds: 'Kies afspraken uit de lijst.' });
	}
}

async function writeLinks(
	tx: Transaction,
	taskId: string,
	arrangementIds: string[] | undefined,
	agreementIds: string[] | undefined
) {
	if (arrangementIds) {
		await tx.delete(financeTaskArrangements).where(eq(financeTaskArrangements.taskId, taskId));
		if (arrangementIds.length)
			await tx
				.insert(financeTaskArrangements)
				.values([...new Set(arrangementIds)].map((arrangementId) => ({ taskId, arrangementId })));
	}
	if (agreementIds) {
		await tx.delete(financeTaskAgreements).where(eq(financeTaskAgreements.taskId, taskId));
		if (agreementIds.length)
			await tx
				.insert(financeTaskAgreements)
				.values([...new Set(agreementIds)].map((agreementId) => ({ taskId, agreementId })));
	}
}

/** The secretariaat, Financiën or BZK keeps a task: its law, layers, UDO, funding and agreements. */
export async function createTask(
	actor: Actor,
	input: unknown,
	context: RequestContext = {},
	options: { id?: string } = {}
): Promise<TaskDetail> {
	const fields = parseInput(financeTaskSchema, input);
	const id = await transaction(async (tx) => {
		await requireFinanceStaff(tx, actor);
		await checkLinked(tx, fields.arrangementIds, fields.agreementIds);
		const [row] = await tx
			.insert(financeTasks)
			.values({
				id: options.id,
				name: fields.name,
				law: fields.law,
				layers: [...new Set(fields.layers)],
				description: fields.description ?? '',
				feasibilityStatus: fields.feasibilityStatus ?? 'niet_gestart',
				feasibilityOutcome: fields.feasibilityOutcome,
				createdBy: actor.personId
			})
			.returning();
		await writeLinks(tx, row!.id, fields.arrangementIds, fields.agreementIds);
		await recordTableEvent(
			tx,
			actor,
			context,
			{ type: 'finance_task', id: row!.id },
			'finance.task_saved.v1',
			{
				taskId: row!.id,
				name: row!.name,
				changed: []
			}
		);
		return row!.id;
	});
	return getTask(actor, id);
}

const updateTaskSchema = financeTaskSchema.partial().extend({
	expectedVersion: expectedVersionSchema.optional()
});

export async function updateTask(
	actor: Actor,
	taskId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<TaskDetail> {
	const { expectedVersion, arrangementIds, agreementIds, ...fields } = parseInput(
		updateTaskSchema,
		input
	);
	await transaction(async (tx) => {
		const task = await findTask(tx, actor, taskId, true);
		await requireFinanceStaff(tx, actor);
		if (expectedVersion !== undefined && expectedVersion !== task.version)
			throw new StaleVersionError(task.version, [], {});
		await checkLinked(tx, arrangementIds, agreementIds);
		const changes = Object.fromEntries(
			Object.entries(fields).filter(([, value]) => value !== undefined)
		) as Partial<FinanceTask>;
		if (changes.layers) changes.layers = [...new Set(changes.layers)];
		await tx
			.update(financeTasks)
			.set({ ...changes, version: sql`${financeTasks.version} + 1`, updatedAt: new Date() })
			.where(eq(financeTasks.id, task.id));
		await writeLinks(tx, task.id, arrangementIds, agreementIds);
		const changed = [
			...Object.keys(changes),
			...(arrangementIds ? ['arrangementIds'] : []),
			...(agreementIds ? ['agreementIds'] : [])
		];
		await recordTableEvent(
			tx,
			actor,
			context,
			{ type: 'finance_task', id: task.id },
			'finance.task_saved.v1',
			{
				taskId: task.id,
				name: changes.name ?? task.name,
				changed
			}
		);
	});
	return getTask(actor, taskId);
}

async function findTask(db: Executor, reader: Actor | null, id: string, lock = false) {
	readGate(reader);
	if (!isUuid(id)) throw new AccessError(404);
	const query = db.select().from(financeTasks).where(eq(financeTasks.id, id));
	const [task] = lock ? await query.for('update') : await query;
	if (!task) throw new AccessError(404);
	return task;
}

/**
 * A koepel whose layer carries the task reports what it needs in a year, with its source. The
 * newest report per koepel and year counts; earlier ones stay (append-only).
 */
export async function reportNeed(
	actor: Actor,
	taskId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<TaskDetail> {
	const fields = parseInput(reportNeedSchema, input);
	const cents = fields.amountCents ?? fields.amount;
	await transaction(async (tx) => {
		const task = await findTask(tx, actor, taskId, true);
		const carriers = task.layers.map((layer) => receivingParty[layer]);
		requireAccess(actor, 'finance.report_need', { parties: carriers });
		if (fields.party !== actor.party)
			throw new InvalidInputError({ party: 'U meldt alleen namens uw eigen koepel.' });
		if (cents === undefined) throw new InvalidInputError({ amount: 'Vul het bedrag in.' });
		await tx.insert(financeTaskNeeds).values({
			taskId: task.id,
			party: fields.party,
			year: fields.year,
			amountCents: cents,
			source: fields.source,
			reportedBy: actor.personId
		});
		await recordTableEvent(
			tx,
			actor,
			context,
			{ type: 'finance_task', id: task.id },
			'finance.need_reported.v1',
			{
				taskId: task.id,
				party: fields.party,
				year: fields.year,
				amountCents: cents,
				source: fields.source
			}
		);
	});
	return getTask(actor, taskId);
}

const committedSql = (asOf: Date | null) => sql`(select coalesce(sum(l.delta_cents), 0)::text
	from finance_entry_line l join finance_task_arrangement ta on ta.arrangement_id = l.arrangement_id
	where ta.task_id = t.id and ${knownBy(asOf)})`;
const newestNeeds = sql`(select distinct on (n.party, n.year) n.* from finance_task_need n
	where n.task_id = t.id order by n.party, n.year, n.reported_at desc, n.id desc)`;

export async function listTasks(reader: Actor | null): Promise<TaskSummary[]> {
	readGate(reader);
	const db = await useDb();
	const result = await db.execute(sql`
		select t.id, t.name, t.law, t.layers, t.feasibility_status, t.version,
			(select count(*) from finance_task_arrangement ta where ta.task_id = t.id)::int as arrangement_count,
			(select count(*) from finance_task_agreement tg where tg.task_id = t.id)::int as agreement_count,
			${committedSql(null)} as committed,
			(select coalesce(sum(x.amount_cents), 0)::text from ${newestNeeds} x) as need
		from finance_task t order by lower(t.name)`);
	return rowsOf<Record<string, unknown>>(result).map((row) => ({
		id: String(row.id),
		name: String(row.name),
		law: String(row.law),
		layers: parseArray(row.layers) as FinanceLayer[],
		feasibilityStatus: row.feasibility_status as FeasibilityStatus,
		arrangementCount: Number(row.arrangement_count),
		agreementCount: Number(row.agreement_count),
		committedCents: centsOf(row.committed),
		needCents: centsOf(row.need),
		version: Number(row.version)
	}));
}

/** A Postgres array as the driver gives it: an array, or its text `{a,b}`. */
function parseArray(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	const text = String(value ?? '');
	return text
		.replace(/^\{|\}$/g, '')
		.split(',')
		.filter(Boolean);
}

export async function getTask(
	reader: Actor | null,
	taskId: string,
	options: { asOf?: string | null } = {}
): Promise<TaskDetail> {
	const db = await useDb();
	const task = await findTask(db, reader, taskId);
	const asOf = await resolveAsOf(db, options.asOf);
	const [summary] = (await listTasks(reader)).filter((t) => t.id === task.id);
	const arrangementIds = (
		await db
			.select({ id: financeTaskArrangements.arrangementId })
			.from(financeTaskArrangements)
			.where(eq(financeTaskArrangements.taskId, task.id))
	).map((r) => r.id);
	const arrangements = await arrangementRows(db, arrangementIds, asOf?.at ?? null);
	const linkedAgreements = await db
		.select({ id: agreements.id, title: agreements.title, status: agreements.status })
		.from(financeTaskAgreements)
		.innerJoin(agreements, eq(agreements.id, financeTaskAgreements.agreementId))
		.where(eq(financeTaskAgreements.taskId, task.id))
		.orderBy(asc(agreements.deadline));
	const committedRows = rowsOf<{ year: number; cents: string }>(
		await db.execute(sql`select l.year, sum(l.delta_cents)::text as cents
			from finance_entry_line l join finance_task_arrangement ta on ta.arrangement_id = l.arrangement_id
			where ta.task_id = ${task.id} and ${knownBy(asOf?.at ?? null)}
			group by l.year order by l.year`)
	);
	const needHistory = await db
		.select({
			id: financeTaskNeeds.id,
			party: financeTaskNeeds.party,
			year: financeTaskNeeds.year,
			cents: financeTaskNeeds.amountCents,
			source: financeTaskNeeds.source,
			reportedByName: people.name,
			reportedAt: financeTaskNeeds.reportedAt
		})
		.from(financeTaskNeeds)
		.innerJoin(people, eq(people.id, financeTaskNeeds.reportedBy))
		.where(
			and(
				eq(financeTaskNeeds.taskId, task.id),
				asOf
					? sql`${financeTaskNeeds.reportedAt} <= ${asOf.at.toISOString()}::timestamptz`
					: sql`true`
			)
		)
		.orderBy(desc(financeTaskNeeds.reportedAt), desc(financeTaskNeeds.id));
	const newest = new Map<string, (typeof needHistory)[number]>();
	for (const need of needHistory) {
		const key = `${need.party}:${need.year}`;
		if (!newest.has(key)) newest.set(key, need);
	}
	const committed = new Map(committedRows.map((r) => [Number(r.year), centsOf(r.cents)]));
	const years = [
		...new Set([...committed.keys(), ...[...newest.values()].map((n) => n.year)])
	].sort((x, y) => x - y);
	const balance = years.map((year) => {
		const needs = [...newest.values()]
			.filter((n) => n.year === year)
			.map((n) => ({ party: n.party, cents: centsOf(n.cents), source: n.source }));
		const needCents = needs.reduce((sum, n) => sum + n.cents, 0);
		const committedCents = committed.get(year) ?? 0;
		return { year, committedCents, needs, needCents, balanceCents: committedCents - needCents };
	});
	return {
		...summary!,
		// As known at the page's moment: the totals of the balance shown, not of today.
		committedCents: sumCents(balance.map((year) => year.committedCents)),
		needCents: sumCents(balance.map((year) => year.needCents)),
		description: task.description,
		feasibilityOutcome: task.feasibilityOutcome,
		arrangements,
		agreements: linkedAgreements,
		balance,
		asOf,
		needHistory: needHistory.map((n) => ({
			...n,
			cents: centsOf(n.cents),
			reportedAt: n.reportedAt.toISOString()
		})),
		updatedAt: task.updatedAt.toISOString()
	};
}

/**
 * What the pages of the tasks may offer this reader, decided by the same gate as the verbs: keep
 * tasks (the secretariaat, Financiën, BZK), and report a need for its own koepel when one of the
 * task's layers is that koepel's (null: no need form).
 */
export async function taskAccess(
	actor: Actor,
	layers: readonly FinanceLayer[] = []
): Promise<{ manage: boolean; reportNeedFor: Party | null }> {
	const db = await useDb();
	const manage =
		decideAccess(actor, 'finance.manage', { financeStaff: await isFinanceStaff(db, actor) }) ===
		'ok';
	const carriers = layers.map((layer) => receivingParty[layer]);
	const reportNeedFor =
		actor.party && decideAccess(actor, 'finance.report_need', { parties: carriers }) === 'ok'
			? actor.party
			: null;
	return { manage, reportNeedFor };
}

/** The budget moments a task's page may be shown "as known at", oldest first. */
export async function taskMoments(reader: Actor | null): Promise<LiveBudgetMoment[]> {
	readGate(reader);
	return listBudgetMoments(await useDb());
}
