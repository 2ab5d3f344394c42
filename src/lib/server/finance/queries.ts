import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { requireAccess, type Actor } from '../access';
import { useDb, type Database, type Executor } from '../db';
import {
	budgetMoments,
	financialArrangements,
	type FinanceInstrument,
	type FinanceLayer
} from '../db/schema';
import { memoUntilNextEvent } from '../events/memo';
import { InvalidInputError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveArrangementRow } from '../../realtime/finance-payloads';
import { rowsOf } from '../agreements/rows';
import { arrangementsVisibleTo, seesEveryArrangement } from './audience';
import { layerOfParty } from './labels';
import { resolveAsOf, type AsOf } from './moments';
import { arrangementRowOf, centsOf, knownBy, notProcessedAsExpectedSql, rowQuery } from './rows';
import { arrangementQuery, differenceQuery, type ArrangementQuery } from './schemas';

/*
 * The overview of arrangements and the totals, filtered and summed in the database, as known now
 * or at a moment. Both are the same for every reader at the table with the same filters until the
 * next change, so they are remembered until the next event (events/memo.ts).
 */

const a = financialArrangements;

/** A reader at the table (table keys), or the public (`null`: only what is published). */
type Reader = Actor | null;

async function selection(
	db: Executor,
	reader: Reader,
	filter: ArrangementQuery,
	asOf: AsOf | null
) {
	const conditions: SQL[] = [arrangementsVisibleTo(reader)];
	const query = filter.q ? sql`websearch_to_tsquery('dutch', ${filter.q})` : null;
	if (query) conditions.push(sql`${a.search} @@ ${query}`);
	if (filter.layer) conditions.push(inArray(a.layer, filter.layer as FinanceLayer[]));
	if (filter.instrument)
		conditions.push(inArray(a.instrument, filter.instrument as FinanceInstrument[]));
	if (filter.status) conditions.push(inArray(a.status, filter.status as never[]));
	if (filter.party) conditions.push(eq(a.layer, layerOfParty(filter.party)!));
	if (filter.notProcessed) conditions.push(notProcessedAsExpectedSql);
	if (filter.moment) {
		const [kind, year] = filter.moment.split('-');
		const [moment] = await db
			.select({ id: budgetMoments.id })
			.from(budgetMoments)
			.where(and(eq(budgetMoments.kind, kind as never), eq(budgetMoments.year, Number(year))));
		if (!moment) throw new InvalidInputError({ moment: 'Dit begrotingsmoment kennen we niet.' });
		conditions.push(eq(a.budgetMomentId, moment.id));
	}
	if (filter.year !== undefined)
		conditions.push(sql`exists (select 1 from finance_entry_line l where l.arrangement_id = ${a.id}
			and l.year = ${filter.year} and ${knownBy(asOf?.at ?? null)} group by l.year having sum(l.delta_cents) <> 0)`);
	if (asOf)
		// As known then: arrangements that existed then, or whose history reaches back to then.
		conditions.push(sql`(${a.createdAt} <= ${asOf.at.toISOString()}::timestamptz or exists (
			select 1 from finance_entry_line l where l.arrangement_id = ${a.id} and ${knownBy(asOf.at)}))`);
	return { where: and(...conditions)!, query };
}

function orderOf(filter: ArrangementQuery, query: SQL | null, asOf: AsOf | null): SQL[] {
	const direction = filter.dir === 'desc' ? desc : asc;
	const total = sql`(select coalesce(sum(l.delta_cents), 0) from finance_entry_line l where l.arrangement_id = ${a.id} and ${knownBy(asOf?.at ?? null)})`;
	const sorts: Record<NonNullable<ArrangementQuery['sort']>, SQL[]> = {
		reference: [direction(a.number)],
		title: [direction(sql`lower(${a.title})`)],
		total: [direction(total)],
		status: [
			direction(sql`case ${a.status} when 'voorgesteld' then 0 when 'toegezegd' then 1
			when 'verwerkt' then 2 when 'uitbetaald' then 3 else 4 end`)
		],
		layer: [direction(a.layer), asc(a.instrument)]
	};
	const order =
		!filter.sort && query
			? [desc(sql`ts_rank(${a.search}, ${query})`)]
			: sorts[filter.sort ?? 'reference'];
	return [...order, asc(a.number)];
}

export interface ArrangementPage {
	total: number;
	page: number;
	pageSize: number;
	asOf: AsOf | null;
	rows: LiveArrangementRow[];
}

const rememberedPages = memoUntilNextEvent<ArrangementPage>();
const rememberedTotals = memoUntilNextEvent<FinanceTotals>();

/** Reads the filters and the moment; refuses what cannot be asked, in Dutch. */
export async function readFilter(db: Executor, input: unknown) {
	const filter = parseInput(arrangementQuery, input);
	const asOf = await resolveAsOf(db, filter.asOf);
	return { filter, asOf };
}

/** The overview: one page of the arrangements the reader may see, as known now or at a moment. */
export async function arrangementOverview(
	reader: Reader,
	input: unknown = {}
): Promise<ArrangementPage> {
	if (reader) requireAccess(reader, 'finance.read', { audience: ['table'] });
	const db = await useDb();
	const { filter, asOf } = await readFilter(db, input);
	const compute = () => overviewPage(db, reader, filter, asOf);
	if (reader && !seesEveryArrangement(reader)) return compute();
	return rememberedPages(
		db,
		JSON.stringify([reader ? 'table' : 'public', filter, asOf?.at]),
		compute
	);
}

async function overviewPage(
	db: Database,
	reader: Reader,
	filter: ArrangementQuery,
	asOf: AsOf | null
): Promise<ArrangementPage> {
	const { where, query } = await selection(db, reader, filter, asOf);
	const [counted] = await db
		.select({ n: sql<string>`count(*)::text` })
		.from(a)
		.where(where);
	const rows = await rowQuery(db, asOf?.at ?? null)
		.where(where)
		.orderBy(...orderOf(filter, query, asOf))
		.limit(filter.pageSize)
		.offset((filter.page - 1) * filter.pageSize);
	return {
		total: Number(counted?.n ?? 0),
		page: filter.page,
		pageSize: filter.pageSize,
		asOf,
		rows: rows.map(arrangementRowOf)
	};
}

/** Every arrangement the filters match, in order, at most `limit` (the exports). */
export async function arrangementOverviewAll(
	reader: Reader,
	input: unknown,
	limit: number
): Promise<{ total: number; asOf: AsOf | null; rows: LiveArrangementRow[] }> {
	if (reader) requireAccess(reader, 'finance.read', { audience: ['table'] });
	const db = await useDb();
	const { filter, asOf } = await readFilter(db, input);
	const { where, query } = await selection(db, reader, filter, asOf);
	const [counted] = await db
		.select({ n: sql<string>`count(*)::text` })
		.from(a)
		.where(where);
	const rows = await rowQuery(db, asOf?.at ?? null)
		.where(where)
		.orderBy(...orderOf(filter, query, asOf))
		.limit(limit);
	return { total: Number(counted?.n ?? 0), asOf, rows: rows.map(arrangementRowOf) };
}

/** Totals per year for one key (a layer, an instrument, or everything). */
export interface TotalsSeries<K extends string = string> {
	key: K;
	/** Per year of `years`, in cents. */
	values: number[];
	totalCents: number;
}

export interface FinanceTotals {
	asOf: AsOf | null;
	years: number[];
	byLayer: TotalsSeries<FinanceLayer>[];
	byInstrument: TotalsSeries<FinanceInstrument>[];
	/** Per year over everything. */
	total: TotalsSeries<'total'>;
}

/**
 * The pivot: per year by layer and by instrument, and the total per year, summed in the database
 * (grouping sets: one scan of the ledger lines known by the moment). Exact to the cent.
 */
export async function financeTotals(reader: Reader, input: unknown = {}): Promise<FinanceTotals> {
	if (reader) requireAccess(reader, 'finance.read', { audience: ['table'] });
	const db = await useDb();
	const { filter, asOf } = await readFilter(db, input);
	const compute = () => totalsOf(db, reader, filter, asOf?.at ?? null, null, asOf);
	if (reader && !seesEveryArrangement(reader)) return compute();
	const key = JSON.stringify([
		reader ? 'table' : 'public',
		{ ...filter, page: 1, pageSize: 1, sort: null },
		asOf?.at
	]);
	return rememberedTotals(db, key, compute);
}

/** Lines known after `from` and by `to` (either open): the totals, or the change between two moments. */
async function totalsOf(
	db: Executor,
	reader: Reader,
	filter: ArrangementQuery,
	to: Date | null,
	from: Date | null,
	asOf: AsOf | null
): Promise<FinanceTotals> {
	const { where } = await selection(db, reader, { ...filter, year: undefined }, null);
	const after = from ? sql`l.known_at > ${from.toISOString()}::timestamptz` : sql`true`;
	// One scan of the lines: first summed per arrangement and year (the ledger's many entries
	// become one figure each), then joined to the arrangements and grouped every way the page
	// shows: per layer and year, per instrument and year, per year, and the same over all years.
	const result = await db.execute(sql`
		with x as (
			select l.arrangement_id, l.year, sum(l.delta_cents) as cents
			from finance_entry_line l
			where ${knownBy(to)} and ${after}
			${filter.year !== undefined ? sql`and l.year = ${filter.year}` : sql``}
			group by l.arrangement_id, l.year
		)
		select ${a.layer}::text as layer, ${a.instrument}::text as instrument, x.year as year,
			sum(x.cents)::text as cents, grouping(${a.layer}) as no_layer,
			grouping(${a.instrument}) as no_instrument, grouping(x.year) as no_year
		from x join ${a} on ${a.id} = x.arrangement_id
		where ${where}
		group by grouping sets ((${a.layer}, x.year), (${a.instrument}, x.year), (x.year),
			(${a.layer}), (${a.instrument}), ())`);
	type Raw = {
		layer: string | null;
		instrument: string | null;
		year: number | null;
		cents: string;
		no_layer: number;
		no_instrument: number;
		no_year: number;
	};
	const all = rowsOf<Raw>(result);
	const raw = all.filter((row) => Number(row.no_year) === 0);
	const overall = all.filter((row) => Number(row.no_year) === 1);
	const years = [...new Set(raw.map((row) => Number(row.year)))].sort((x, y) => x - y);
	const index = new Map(years.map((year, i) => [year, i]));
	const grandOf = (pick: (row: Raw) => boolean, key: (row: Raw) => string | null) =>
		new Map(overall.filter(pick).map((row) => [key(row) ?? '', centsOf(row.cents)]));
	const grandLayer = grandOf(
		(row) => Number(row.no_layer) === 0,
		(row) => row.layer
	);
	const grandInstrument = grandOf(
		(row) => Number(row.no_instrument) === 0,
		(row) => row.instrument
	);
	const grandAll =
		overall.find((row) => Number(row.no_layer) === 1 && Number(row.no_instrument) === 1)?.cents ??
		'0';
	const series = <K extends string>(rows: Raw[], keyOf: (row: Raw) => K): TotalsSeries<K>[] => {
		const byKey = new Map<K, number[]>();
		for (const row of rows) {
			const key = keyOf(row);
			const values = byKey.get(key) ?? years.map(() => 0);
			values[index.get(Number(row.year))!] = centsOf(row.cents);
			byKey.set(key, values);
		}
		return [...byKey.entries()].map(([key, values]) => ({ key, values, totalCents: 0 }));
	};
	const layerRows = raw.filter((row) => Number(row.no_layer) === 0);
	const instrumentRows = raw.filter((row) => Number(row.no_instrument) === 0);
	const totalRows = raw.filter(
		(row) => Number(row.no_layer) === 1 && Number(row.no_instrument) === 1
	);
	const byLayer = series(layerRows, (row) => row.layer as FinanceLayer).map((s) => ({
		...s,
		totalCents: grandLayer.get(s.key) ?? 0
	}));
	const byInstrument = series(instrumentRows, (row) => row.instrument as FinanceInstrument).map(
		(s) => ({ ...s, totalCents: grandInstrument.get(s.key) ?? 0 })
	);
	const [total] = series(totalRows, () => 'total' as const);
	return {
		asOf,
		years,
		byLayer: sortBy(byLayer, ['gemeenten', 'provincies', 'waterschappen']),
		byInstrument,
		total: { key: 'total', values: total?.values ?? [], totalCents: centsOf(grandAll) }
	};
}

function sortBy<T extends { key: string }>(list: T[], order: string[]): T[] {
	return [...list].sort((x, y) => order.indexOf(x.key) - order.indexOf(y.key));
}

export interface FinanceDifference {
	from: AsOf;
	to: AsOf | null;
	/** What changed between the two moments, per year by layer and by instrument. */
	change: FinanceTotals;
}

/** "What changed between Miljoenennota 2025 and Voorjaarsnota 2026, per layer and instrument". */
export async function financeDifference(
	reader: Reader,
	input: unknown
): Promise<FinanceDifference> {
	if (reader) requireAccess(reader, 'finance.read', { audience: ['table'] });
	const db = await useDb();
	const { from: fromText, to: toText, ...rest } = (input ?? {}) as Record<string, unknown>;
	const moments = parseInput(differenceQuery, { from: fromText, to: toText });
	const from = (await resolveAsOf(db, moments.from, 'from'))!;
	const to = await resolveAsOf(db, moments.to, 'to');
	if (to && to.at <= from.at)
		throw new InvalidInputError({ to: 'Het tweede moment ligt niet na het eerste.' });
	const filter = parseInput(arrangementQuery, rest);
	const change = await totalsOf(db, reader, filter, to?.at ?? null, from.at, to);
	return { from, to, change };
}
