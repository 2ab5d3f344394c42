import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { budgetMoments, financialArrangements } from '../db/schema';
import type { LiveArrangementRow, LiveMark } from '../../realtime/finance-payloads';
import { circularLabel, arrangementReference, receivingParty } from './labels';
import { momentOf } from './moments';

/*
 * An arrangement as a row of the overview shows it, computed in the database: its schedule (the sum
 * of its ledger lines per year, as known at a moment when one is given), the koepels' marks, and
 * whether its expected circular is out without it. Cents travel as text in JSON (a bigint sum is
 * exact there) and become numbers here, checked to be safe integers.
 */

const a = financialArrangements;

/** A cents value from the database (text, number or bigint), exact or an error. */
export function centsOf(value: unknown): number {
	const cents = typeof value === 'number' ? value : Number(String(value ?? '0'));
	if (!Number.isSafeInteger(cents))
		throw new Error(`not an exact amount of cents: ${String(value)}`);
	return cents;
}

/** Lines known by `asOf` (all when null), as a condition on finance_entry_line `l`. */
export const knownBy = (asOf: Date | null): SQL =>
	asOf ? sql`l.known_at <= ${asOf.toISOString()}::timestamptz` : sql`true`;

/** The calendar day in Amsterdam now, once per query. */
const todaySql = sql`(select (now() at time zone 'Europe/Amsterdam')::date)`;

/** Its expected circular is out (published by today) and processed nothing for it. */
export const notProcessedAsExpectedSql = sql<boolean>`(${a.status} <> 'vervallen' and exists (
	select 1 from circular c
	where c.kind = ${a.expectedCircularKind} and c.year = ${a.expectedCircularYear}
	and c.published_on <= ${todaySql}
	and not exists (select 1 from circular_amount ca where ca.circular_id = c.id and ca.arrangement_id = ${a.id})
))`;

const scheduleSql = (asOf: Date | null) => sql<
	{ year: number; cents: string }[] | string | null
>`(select json_agg(json_build_object('year', s.year, 'cents', s.cents::text) order by s.year)
	from (select l.year, sum(l.delta_cents) as cents from finance_entry_line l
		where l.arrangement_id = ${a.id} and ${knownBy(asOf)}
		group by l.year having sum(l.delta_cents) <> 0) s)`;

const totalSql = (asOf: Date | null) =>
	sql<string>`(select coalesce(sum(l.delta_cents), 0)::text from finance_entry_line l
		where l.arrangement_id = ${a.id} and ${knownBy(asOf)})`;

const marksSql = sql<
	LiveMark[] | string | null
>`(select json_agg(json_build_object('party', m.party, 'verdict', m.verdict, 'note', m.note,
	'scheduleVersion', m.schedule_version, 'current', m.schedule_version = ${a.scheduleVersion},
	'personName', p.name, 'markedAt', m.marked_at) order by m.party)
	from arrangement_mark m join person p on p.id = m.person_id where m.arrangement_id = ${a.id})`;

const processedInSql = sql<
	string | null
>`coalesce((select c.kind::text || ' ' || c.year from circular c where c.id = ${a.processedCircularId}), ${a.processedBudgetLaw})`;

export function rowColumns(asOf: Date | null) {
	return {
		id: a.id,
		number: a.number,
		title: a.title,
		instrument: a.instrument,
		layer: a.layer,
		nature: a.nature,
		status: a.status,
		moment: budgetMoments,
		expectedCircularKind: a.expectedCircularKind,
		expectedCircularYear: a.expectedCircularYear,
		processedIn: processedInSql,
		notProcessedAsExpected: notProcessedAsExpectedSql,
		confidentiality: a.confidentiality,
		agreementId: a.agreementId,
		decisionId: a.decisionId,
		agendaItemId: a.agendaItemId,
		schedule: scheduleSql(asOf),
		total: totalSql(asOf),
		scheduleVersion: a.scheduleVersion,
		marks: marksSql,
		updatedAt: a.updatedAt,
		version: a.version
	};
}

export const rowQuery = (db: Executor, asOf: Date | null) =>
	db
		.select(rowColumns(asOf))
		.from(a)
		.leftJoin(budgetMoments, eq(budgetMoments.id, a.budgetMomentId))
		.$dynamic();

export type RawArrangementRow = Awaited<ReturnType<typeof rowQuery>>[number];

const json = <T>(value: T | string | null): T | null =>
	typeof value === 'string' ? (JSON.parse(value) as T) : value;

function processedLabel(value: string | null): string | null {
	if (!value) return null;
	const match = /^(mei|september|december) (\d{4})$/.exec(value);
	return match ? circularLabel(match[1] as 'mei', Number(match[2])) : value;
}

export function arrangementRowOf(raw: RawArrangementRow): LiveArrangementRow {
	const schedule = (json(raw.schedule) ?? []).map((line) => ({
		year: Number(line.year),
		cents: centsOf(line.cents)
	}));
	const marks = (json(raw.marks) ?? []).map((mark) => ({
		...mark,
		current: mark.current === true,
		markedAt: new Date(mark.markedAt).toISOString()
	}));
	return {
		id: raw.id,
		reference: arrangementReference(raw.number),
		title: raw.title,
		instrument: raw.instrument,
		layer: raw.layer,
		receivingParty: receivingParty[raw.layer],
		nature: raw.nature,
		status: raw.status,
		budgetMoment: raw.moment ? momentOf(raw.moment) : null,
		expectedCircular:
			raw.expectedCircularKind && raw.expectedCircularYear
				? {
						kind: raw.expectedCircularKind,
						year: raw.expectedCircularYear,
						label: circularLabel(raw.expectedCircularKind, raw.expectedCircularYear)
					}
				: null,
		processedIn: processedLabel(raw.processedIn),
		notProcessedAsExpected: raw.notProcessedAsExpected === true,
		confidentiality: raw.confidentiality,
		agreementId: raw.agreementId,
		decisionId: raw.decisionId,
		agendaItemId: raw.agendaItemId,
		schedule,
		totalCents: centsOf(raw.total),
		scheduleVersion: raw.scheduleVersion,
		marks,
		updatedAt: new Date(raw.updatedAt).toISOString(),
		version: raw.version
	};
}

/** Rows by id, in the given order (a verb's answer and its event's row). */
export async function arrangementRows(
	db: Executor,
	ids: string[],
	asOf: Date | null = null
): Promise<LiveArrangementRow[]> {
	if (ids.length === 0) return [];
	const rows = await rowQuery(db, asOf).where(inArray(a.id, ids));
	const byId = new Map(rows.map((row) => [row.id, arrangementRowOf(row)]));
	return ids.map((id) => byId.get(id)).filter((row): row is LiveArrangementRow => !!row);
}
