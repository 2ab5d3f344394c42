import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { useDb, type Database, type Executor } from '../db';
import { memoUntilNextEvent } from '../events/memo';
import { agreementOwners, agreements, meetings } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';
import { agreementsVisibleTo, seesEveryAgreement } from './audience';
import { registerQuery, type RegisterQuery } from './schemas';
import { amsterdamToday, type RatificationSummary } from './status';

/*
 * The derivations of status.ts as SQL, so that the register filters, sorts and counts in the
 * database; the property test holds both equal. `now` is a parameter (not the database's clock),
 * so that a page and its counts agree on one moment, and a test can choose it.
 */

type Expression = SQL | AnyPgColumn;

export const instantSql = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/**
 * The calendar day it is in Amsterdam at `now`. A subquery of its own, so that the database works
 * it out once per query: as a plain expression a prepared statement converts the time zone again
 * for every row and every test that names it (5,000 rows times the dashboard's four counts,
 * bench/agreements.ts).
 */
export const amsterdamDaySql = (now: SQL) =>
	sql`(select ((${now}) at time zone 'Europe/Amsterdam')::date)`;

/** The status is an agreement_status: compared as one (cheap, and what an index may hold). */
export interface DatedColumns {
	status: Expression;
	deadline: Expression;
	expectedDate: Expression;
}

const closed = (status: Expression) => sql`((${status}) in ('afgerond', 'vervallen'))`;

/** The day it is due: the expected date while vertraagd, else the deadline (status.ts dueDate). */
export const dueDateSql = (c: DatedColumns) =>
	sql`coalesce(case when (${c.status}) = 'vertraagd' then (${c.expectedDate})::date end, (${c.deadline})::date)`;

/** Verlopen (status.ts isOverdue). */
export const overdueSql = (c: DatedColumns, now: SQL) =>
	sql<boolean>`(not ${closed(c.status)} and ${amsterdamDaySql(now)} > ${dueDateSql(c)})`;

/** Terugvaloptie van kracht (status.ts fallbackInForce). */
export const fallbackInForceSql = (c: { status: Expression; fallbackDate: Expression }, now: SQL) =>
	sql<boolean>`((${c.fallbackDate}) is not null and not ${closed(c.status)} and ${amsterdamDaySql(now)} > (${c.fallbackDate})::date)`;

/**
 * The members' word over all koepels (status.ts ratificationSummary), over a derived table
 * `r(state)` of ratification states.
 */
export const ratificationSummaryOf = (states: SQL) =>
	sql<RatificationSummary>`(select case
		when count(*) filter (where r.state <> 'niet_nodig') = 0 then 'geen'
		when bool_or(r.state = 'afgewezen') then 'afgewezen'
		when bool_or(r.state = 'lopend') then 'lopend'
		else 'bekrachtigd' end from ${states})`;

export const ratificationSummarySql = (agreementId: Expression) =>
	ratificationSummaryOf(
		sql`(select state::text from agreement_ratification where agreement_id = ${agreementId}) as r(state)`
	);

/** The columns of a register row, derived facts included, as of `now`. */
function rowColumns(now: SQL) {
	return {
		id: agreements.id,
		title: agreements.title,
		meetingId: agreements.meetingId,
		meetingTitle: meetings.title,
		meetingStartsAt: meetings.startsAt,
		decisionId: agreements.decisionId,
		deadline: agreements.deadline,
		expectedDate: agreements.expectedDate,
		dueDate: sql<string>`(${dueDateSql(agreements)})::text`,
		status: agreements.status,
		overdue: overdueSql(agreements, now),
		fallbackDate: agreements.fallbackDate,
		fallbackInForce: fallbackInForceSql(agreements, now),
		ratification: ratificationSummarySql(agreements.id),
		confidentiality: agreements.confidentiality,
		owners: sql<OwnerJson[] | null>`(select json_agg(json_build_object(
			'id', o.id, 'party', o.party, 'organisationId', o.organisation_id,
			'organisationName', org.short_name, 'contactPersonId', o.contact_person_id,
			'contactName', p.name) order by o.party, org.short_name nulls first, o.created_at)
			from agreement_owner o
			left join organisation org on org.id = o.organisation_id
			join person p on p.id = o.contact_person_id
			where o.agreement_id = ${agreements.id})`,
		progress: sql<ProgressJson | null>`(select json_build_object('party', pr.party,
			'percent', pr.percent, 'at', pr.created_at)
			from agreement_progress pr where pr.agreement_id = ${agreements.id}
			order by pr.created_at desc, pr.id desc limit 1)`,
		updatedAt: agreements.updatedAt,
		version: agreements.version
	};
}

type OwnerJson = LiveAgreementRow['owners'][number];
type ProgressJson = { party: OwnerJson['party']; percent: number | null; at: string };

/**
 * Agreements with their meeting, as register rows as of `now` (a query to narrow further), each
 * with the number of rows (by default counted over the rows themselves).
 */
const rowQuery = (db: Executor, now: SQL, total = sql<number>`count(*) over ()`) =>
	db
		.select({ ...rowColumns(now), total })
		.from(agreements)
		.innerJoin(meetings, eq(meetings.id, agreements.meetingId))
		.$dynamic();
type RawRow = Omit<Awaited<ReturnType<typeof rowQuery>>[number], 'total'>;

/** A database row as the register and the live events show it (times as ISO strings). */
function rowOf({ ...raw }: RawRow & { total?: number }): LiveAgreementRow {
	delete raw.total;
	return {
		...raw,
		meetingStartsAt: new Date(raw.meetingStartsAt).toISOString(),
		overdue: raw.overdue === true,
		fallbackInForce: raw.fallbackInForce === true,
		owners: (typeof raw.owners === 'string' ? JSON.parse(raw.owners) : raw.owners) ?? [],
		progress: progressOf(raw.progress),
		updatedAt: new Date(raw.updatedAt).toISOString()
	};
}

function progressOf(value: ProgressJson | string | null): LiveAgreementRow['progress'] {
	if (!value) return null;
	const parsed: ProgressJson = typeof value === 'string' ? JSON.parse(value) : value;
	return { ...parsed, at: new Date(parsed.at).toISOString() };
}

/** Register rows by id, in the given order (a verb's answer and its event's row). */
export async function registerRows(
	db: Executor,
	ids: string[],
	now = new Date()
): Promise<LiveAgreementRow[]> {
	if (ids.length === 0) return [];
	const rows = await rowQuery(db, instantSql(now)).where(inArray(agreements.id, ids));
	const byId = new Map(rows.map((row) => [row.id, rowOf(row)]));
	return ids.map((id) => byId.get(id)).filter((row): row is LiveAgreementRow => !!row);
}

export interface RegisterPage {
	total: number;
	page: number;
	pageSize: number;
	rows: LiveAgreementRow[];
}

const statusOrder = sql`case ${agreements.status} when 'open' then 0 when 'in_uitvoering' then 1
	when 'vertraagd' then 2 when 'afgerond' then 3 else 4 end`;

const ownedBy = (condition: SQL) =>
	sql`exists (select 1 from ${agreementOwners} o where o.agreement_id = ${agreements.id} and ${condition})`;

/**
 * The register's filters, search and order as SQL, as of `at`; refuses what cannot be asked (a
 * period that ends before it starts, "my party" without one).
 */
function registerSelection(actor: Actor, filter: RegisterQuery, at: SQL) {
	if (filter.from && filter.to && filter.from > filter.to)
		throw new InvalidInputError({ to: 'De einddatum ligt vóór de begindatum.' });
	if (filter.myParty && !actor.party)
		throw new InvalidInputError({ myParty: 'U spreekt niet namens een partij.' });
	const query = filter.q ? sql`websearch_to_tsquery('dutch', ${filter.q})` : null;
	const conditions: SQL[] = [agreementsVisibleTo(actor)];
	if (query) conditions.push(sql`${agreements.search} @@ ${query}`);
	if (filter.party) conditions.push(ownedBy(sql`o.party = ${filter.party}`));
	if (filter.myParty) conditions.push(ownedBy(sql`o.party = ${actor.party}`));
	if (filter.mine) conditions.push(ownedBy(sql`o.contact_person_id = ${actor.personId}`));
	if (filter.status) conditions.push(inArray(agreements.status, filter.status));
	if (filter.meetingId) conditions.push(eq(agreements.meetingId, filter.meetingId));
	if (filter.from) conditions.push(gte(agreements.deadline, filter.from));
	if (filter.to) conditions.push(lte(agreements.deadline, filter.to));
	if (filter.overdue) conditions.push(overdueSql(agreements, at));

	const direction = filter.dir === 'desc' ? desc : asc;
	const sorts: Record<NonNullable<typeof filter.sort>, SQL[]> = {
		deadline: [direction(agreements.deadline)],
		status: [direction(statusOrder), asc(agreements.deadline)],
		title: [direction(sql`lower(${agreements.title})`)],
		meeting: [direction(meetings.startsAt), asc(agreements.deadline)]
	};
	const order =
		!filter.sort && query
			? [desc(sql`ts_rank(${agreements.search}, ${query})`), asc(agreements.deadline)]
			: sorts[filter.sort ?? 'deadline'];
	return { where: and(...conditions), order: [...order, asc(agreements.id)] };
}

/**
 * The register: every agreement the reader may see, filtered, searched (Dutch full text) and sorted
 * in the database, one page of it with the number of results. `now` decides what is overdue.
 */
export async function agreementRegister(
	actor: Actor,
	input: unknown = {},
	now = new Date()
): Promise<RegisterPage> {
	// The register is the table's; each row is then filtered by its own audience, in SQL.
	requireAccess(actor, 'agreement.read', { audience: ['table'] });
	const filter = parseInput(registerQuery, input);
	const at = instantSql(now);
	const { where, order } = registerSelection(actor, filter, at);
	const db = await useDb();
	if (!seesEveryAgreement(actor)) return registerPage(db, filter, where, order, at);
	// The same page for every reader at the table with the same filters (and party or person where
	// a filter names them), on the same day, until the next change (events/memo.ts).
	const key = JSON.stringify([
		filter,
		filter.myParty ? actor.party : null,
		filter.mine ? actor.personId : null,
		amsterdamToday(now)
	]);
	return rememberedPages(db, key, () => registerPage(db, filter, where, order, at));
}

const rememberedPages = memoUntilNextEvent<RegisterPage>();

async function registerPage(
	db: Database,
	filter: RegisterQuery,
	where: SQL | undefined,
	order: SQL[],
	at: SQL
): Promise<RegisterPage> {
	// The total counted by a subquery of its own (run once, before the rows): a window over the
	// rows made the database read every match before the first, yet plan as if it read a page.
	const counted = sql<number>`(select count(*) from ${agreements}
		inner join ${meetings} on ${meetings.id} = ${agreements.meetingId} where ${where ?? sql`true`})`;
	const rows = await rowQuery(db, at, counted)
		.where(where)
		.orderBy(...order)
		.limit(filter.pageSize)
		.offset((filter.page - 1) * filter.pageSize);
	// Past the last page no row carries the count: then it is asked for alone.
	const total = rows.length
		? Number(rows[0]!.total)
		: filter.page > 1
			? Number(
					(
						await db
							.select({ n: sql<number>`count(*)` })
							.from(agreements)
							.innerJoin(meetings, eq(meetings.id, agreements.meetingId))
							.where(where)
					)[0]?.n ?? 0
				)
			: 0;
	return {
		total,
		page: filter.page,
		pageSize: filter.pageSize,
		rows: rows.map(rowOf)
	};
}

/**
 * Every row the register's filters match (its page and page size aside), in its order, at most
 * `limit` of them, for the exports: one query, whose total says whether there were more.
 */
export async function agreementRegisterAll(
	actor: Actor,
	input: unknown,
	limit: number,
	now = new Date()
): Promise<{ total: number; rows: LiveAgreementRow[] }> {
	requireAccess(actor, 'agreement.read', { audience: ['table'] });
	const filter = parseInput(registerQuery, input);
	const at = instantSql(now);
	const { where, order } = registerSelection(actor, filter, at);
	const db = await useDb();
	const rows = await rowQuery(db, at)
		.where(where)
		.orderBy(...order)
		.limit(limit);
	return { total: rows.length ? Number(rows[0]!.total) : 0, rows: rows.map(rowOf) };
}
