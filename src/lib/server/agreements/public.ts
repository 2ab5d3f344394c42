import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { useDb, type Executor } from '../db';
import {
	agreementProgress,
	agreementRatifications,
	agreements,
	agreementStatuses,
	meetings,
	parties,
	type AgreementStatus,
	type Party,
	type RatificationState
} from '../db/schema';
import { AccessError } from '../access';
import { isUuid } from '../kernel/ids';
import { parseInput, uuidOf } from '../kernel/input';
import { freeText } from '../kernel/text';
import { agreementsVisibleTo } from './audience';
import {
	dueDateSql,
	fallbackInForceSql,
	instantSql,
	overdueSql,
	ratificationSummarySql
} from './queries';
import { statusSet } from './schemas';
import type { RatificationSummary } from './status';

/*
 * The agreements the public may read (accountability to the public, issue 14): only through the
 * audience rule of audience.ts (agreementsVisibleTo with nobody signed in: openbaar, from a
 * decision in the newest published version of its besluitenlijst), never a second copy of it.
 * Every public page reads agreements through this module alone. The projections name what a
 * visitor may see: the status, dates, parties and progress, and never a person: no contact
 * person, no author of a report, no e-mail address, not even their ids.
 */

const PAGE_SIZE = 50;

export const publicAgreementFilters = z.object({
	q: freeText('De zoekterm', 'Vul een zoekterm in.')
		.trim()
		.max(200, { error: 'Deze zoekterm is te lang (hoogstens 200 tekens).' })
		.optional()
		.transform((value) => (value ? value : undefined)),
	party: z.enum(parties, { error: 'Kies een partij uit de lijst.' }).optional(),
	/** Verlopen among them is no status but a state: the set matches a row that is either. */
	status: statusSet([...agreementStatuses, 'verlopen']),
	meetingId: uuidOf('Kies een vergadering uit de lijst.').optional(),
	page: z.coerce
		.number({ error: 'Vul een paginanummer in vanaf 1.' })
		.int({ error: 'Vul een paginanummer in vanaf 1.' })
		.min(1, { error: 'Vul een paginanummer in vanaf 1.' })
		.max(10_000, { error: 'Vul een paginanummer in tot 10.000.' })
		.default(1)
});

/** A responsible party as the public sees it: the party, and a ministry by its short name. */
export interface PublicOwner {
	party: Party;
	organisationName: string | null;
}

export interface PublicAgreementRow {
	id: string;
	title: string;
	meetingId: string;
	meetingTitle: string;
	meetingStartsAt: string;
	deadline: string;
	expectedDate: string | null;
	dueDate: string;
	status: AgreementStatus;
	overdue: boolean;
	fallbackDate: string | null;
	fallbackInForce: boolean;
	ratification: RatificationSummary;
	owners: PublicOwner[];
	/** The newest report's percentage and day, if any. */
	progress: { percent: number | null; at: string } | null;
}

export interface PublicAgreementPage {
	total: number;
	page: number;
	pageSize: number;
	rows: PublicAgreementRow[];
}

function rowColumns(at: SQL) {
	return {
		id: agreements.id,
		title: agreements.title,
		meetingId: agreements.meetingId,
		meetingTitle: meetings.title,
		meetingStartsAt: meetings.startsAt,
		deadline: agreements.deadline,
		expectedDate: agreements.expectedDate,
		dueDate: sql<string>`(${dueDateSql(agreements)})::text`,
		status: agreements.status,
		overdue: overdueSql(agreements, at),
		fallbackDate: agreements.fallbackDate,
		fallbackInForce: fallbackInForceSql(agreements, at),
		ratification: ratificationSummarySql(agreements.id),
		// The parties and ministries only: the contact person is the table's, never the public's.
		owners: sql<PublicOwner[] | string | null>`(select json_agg(json_build_object(
			'party', o.party, 'organisationName', org.short_name)
			order by o.party, org.short_name nulls first, o.created_at)
			from agreement_owner o left join organisation org on org.id = o.organisation_id
			where o.agreement_id = ${agreements.id})`,
		progress: sql<{ percent: number | null; at: string } | string | null>`(select
			json_build_object('percent', pr.percent, 'at', pr.created_at)
			from agreement_progress pr where pr.agreement_id = ${agreements.id}
			order by pr.created_at desc, pr.id desc limit 1)`
	};
}

/** Public agreements with their meeting, as of `at` (a query to narrow and order further). */
const publicRows = (db: Executor, at: SQL, where: SQL | undefined) =>
	db
		.select({ ...rowColumns(at), total: sql<number>`count(*) over ()` })
		.from(agreements)
		.innerJoin(meetings, eq(meetings.id, agreements.meetingId))
		.where(and(agreementsVisibleTo(null), where))
		.$dynamic();
type Raw = Awaited<ReturnType<typeof publicRows>>[number];

const parsed = <T>(value: T | string | null): T | null =>
	typeof value === 'string' ? (JSON.parse(value) as T) : value;

function rowOf(raw: Raw): PublicAgreementRow {
	const progress = parsed(raw.progress);
	return {
		id: raw.id,
		title: raw.title,
		meetingId: raw.meetingId,
		meetingTitle: raw.meetingTitle,
		meetingStartsAt: new Date(raw.meetingStartsAt).toISOString(),
		deadline: raw.deadline,
		expectedDate: raw.expectedDate,
		dueDate: raw.dueDate,
		status: raw.status,
		overdue: raw.overdue === true,
		fallbackDate: raw.fallbackDate,
		fallbackInForce: raw.fallbackInForce === true,
		ratification: raw.ratification,
		owners: parsed(raw.owners) ?? [],
		progress: progress && { percent: progress.percent, at: new Date(progress.at).toISOString() }
	};
}

/** The public agreements, filtered and searched (Dutch full text), nearest deadline first. */
export async function listPublicAgreements(
	input: unknown = {},
	now = new Date()
): Promise<PublicAgreementPage> {
	const filter = parseInput(publicAgreementFilters, input);
	const at = instantSql(now);
	const query = filter.q ? sql`websearch_to_tsquery('dutch', ${filter.q})` : null;
	const conditions: SQL[] = [];
	if (query) conditions.push(sql`${agreements.search} @@ ${query}`);
	if (filter.party)
		conditions.push(
			sql`exists (select 1 from agreement_owner o where o.agreement_id = ${agreements.id} and o.party = ${filter.party})`
		);
	if (filter.status) {
		const statuses = filter.status.filter((status) => status !== 'verlopen') as AgreementStatus[];
		const either = [
			...(statuses.length ? [inArray(agreements.status, statuses)] : []),
			...(filter.status.includes('verlopen') ? [overdueSql(agreements, at)] : [])
		];
		conditions.push(or(...either)!);
	}
	if (filter.meetingId) conditions.push(eq(agreements.meetingId, filter.meetingId));
	const db = await useDb();
	const rows = await publicRows(db, at, and(...conditions))
		.orderBy(asc(sql`${dueDateSql(agreements)}`), asc(agreements.title), asc(agreements.id))
		.limit(PAGE_SIZE)
		.offset((filter.page - 1) * PAGE_SIZE);
	return {
		total: rows.length ? Number(rows[0]!.total) : 0,
		page: filter.page,
		pageSize: PAGE_SIZE,
		rows: rows.map(rowOf)
	};
}

export interface PublicRatification {
	koepel: Party;
	state: RatificationState;
	closesOn: string | null;
	decidedOn: string | null;
	ledenbriefUrl: string | null;
}

export interface PublicProgress {
	id: string;
	party: Party;
	text: string;
	percent: number | null;
	createdAt: string;
}

export interface PublicAgreement extends PublicAgreementRow {
	body: string;
	condition: string | null;
	lapseReason: string | null;
	/** The published decision it comes from: its number on the agenda and its item's title. */
	source: { agendaNumber: number; itemTitle: string } | null;
	ratifications: PublicRatification[];
	/** Newest first, without who wrote them. */
	progressReports: PublicProgress[];
}

/**
 * The decision an agreement comes from as its newest published version shows it (its number and
 * item title there), not as the table's working list may have it since. (The columns by their
 * table's name: in a select from one table drizzle leaves its own columns unqualified.)
 */
const publishedSource = sql<PublicAgreement['source'] | string>`(select
	json_build_object('agendaNumber', (d ->> 'agendaNumber')::int, 'itemTitle', d ->> 'itemTitle')
	from decision_list_version v
	join decision_list l on l.id = v.list_id and v.number = l.published_version
	cross join lateral jsonb_array_elements(v.snapshot -> 'decisions') d
	where v.meeting_id = agreement.meeting_id and d ->> 'id' = agreement.decision_id::text
	limit 1)`;

/** One public agreement; a 404 for anything the public may not read, or that does not exist. */
export async function getPublicAgreement(id: string, now = new Date()): Promise<PublicAgreement> {
	if (!isUuid(id)) throw new AccessError(404);
	const at = instantSql(now);
	const db = await useDb();
	const [raw] = await publicRows(db, at, eq(agreements.id, id)).limit(1);
	if (!raw) throw new AccessError(404);
	const [[text], ratifications, reports] = await Promise.all([
		db
			.select({
				body: agreements.body,
				condition: agreements.condition,
				lapseReason: agreements.lapseReason,
				source: publishedSource
			})
			.from(agreements)
			.where(eq(agreements.id, id)),
		db
			.select({
				koepel: agreementRatifications.koepel,
				state: agreementRatifications.state,
				closesOn: agreementRatifications.closesOn,
				decidedOn: agreementRatifications.decidedOn,
				ledenbriefUrl: agreementRatifications.ledenbriefUrl
			})
			.from(agreementRatifications)
			.where(eq(agreementRatifications.agreementId, id))
			.orderBy(asc(agreementRatifications.koepel)),
		db
			.select({
				id: agreementProgress.id,
				party: agreementProgress.party,
				text: agreementProgress.text,
				percent: agreementProgress.percent,
				createdAt: agreementProgress.createdAt
			})
			.from(agreementProgress)
			.where(eq(agreementProgress.agreementId, id))
			.orderBy(desc(agreementProgress.createdAt), desc(agreementProgress.id))
	]);
	return {
		...rowOf(raw),
		body: text!.body,
		condition: text!.condition,
		lapseReason: text!.lapseReason,
		source: parsed(text!.source),
		ratifications,
		progressReports: reports.map((report) => ({
			...report,
			createdAt: report.createdAt.toISOString()
		}))
	};
}
