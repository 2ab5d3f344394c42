import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import { canSee } from '../audience';
import { useDb, type Executor } from '../db';
import {
	agendaItems,
	agreements,
	arrangementComments,
	budgetMoments,
	circularAmounts,
	circulars,
	decisions,
	financeTaskArrangements,
	financeTasks,
	financialArrangements,
	meetings,
	organisations,
	people
} from '../db/schema';
import { rowsOf } from '../agreements/rows';
import type {
	LiveArrangementComment,
	LiveArrangementRow,
	LiveEntry
} from '../../realtime/finance-payloads';
import { audienceOf as agreementAudienceOf } from '../agreements/audience';
import { publicArrangementSql } from './audience';
import { circularOf } from './circulars';
import { arrangementReference, circularLabel } from './labels';
import { momentOf, resolveAsOf, type AsOf } from './moments';
import { arrangementRows, centsOf } from './rows';
import { findArrangement } from './store';

/*
 * One arrangement as its page shows it: what it is and where it comes from (links both ways), its
 * schedule (now, and as known at a moment when asked), the ledger's history as a change per year,
 * the reconciliation with the circulars, the koepels' marks and the comments. The public reads the
 * same without the comments and without links to what it may not read.
 */

export interface ArrangementLink {
	kind: 'agreement' | 'decision' | 'agenda_item' | 'meeting';
	id: string;
	title: string;
	href: string;
}

export interface ReconciliationYear {
	year: number;
	committedCents: number;
	/** Per circular that named the year, oldest first. */
	processed: { circularId: string; label: string; cents: number }[];
	/** The newest circular's amount, or null when none processed the year. */
	processedCents: number | null;
	/** processed − committed, or null when nothing was processed. */
	differenceCents: number | null;
}

export interface ArrangementDetail {
	row: LiveArrangementRow;
	/** The row as known at the moment asked for (`asOf`), else null. */
	asOfRow: LiveArrangementRow | null;
	asOf: AsOf | null;
	description: string;
	sourceDocument: string | null;
	lapseReason: string | null;
	links: ArrangementLink[];
	replaces: { id: string; reference: string; title: string } | null;
	replacedBy: { id: string; reference: string; title: string }[];
	tasks: { id: string; name: string }[];
	history: LiveEntry[];
	reconciliation: ReconciliationYear[];
	comments: LiveArrangementComment[];
	createdAt: string;
}

/** The ledger of one arrangement, each entry with per year the amount before and after it. */
export async function entryHistory(db: Executor, arrangementId: string): Promise<LiveEntry[]> {
	const result = await db.execute(sql`
		select e.id, e.sequence, e.reason, e.known_at, e.recorded_at, e.corrects_id,
			p.name as recorded_by_name, e.budget_moment_id,
			(select json_agg(json_build_object('year', x.year, 'delta', x.delta_cents::text,
				'to', x.running::text) order by x.year)
				from (select l.entry_id, l.year, l.delta_cents,
					sum(l.delta_cents) over (partition by l.year order by le.sequence) as running
					from finance_entry_line l join finance_entry le on le.id = l.entry_id
					where l.arrangement_id = ${arrangementId}) x
				where x.entry_id = e.id) as lines
		from finance_entry e join person p on p.id = e.recorded_by
		where e.arrangement_id = ${arrangementId}
		order by e.sequence desc`);
	type Raw = {
		id: string;
		sequence: number;
		reason: string;
		known_at: string | Date;
		recorded_at: string | Date;
		corrects_id: string | null;
		recorded_by_name: string;
		budget_moment_id: string | null;
		lines: string | { year: number; delta: string; to: string }[] | null;
	};
	const raw = rowsOf<Raw>(result);
	const momentIds = [
		...new Set(raw.map((r) => r.budget_moment_id).filter((id): id is string => !!id))
	];
	const moments = new Map(
		(momentIds.length
			? await db.select().from(budgetMoments).where(inArray(budgetMoments.id, momentIds))
			: []
		).map((m) => [m.id, momentOf(m)])
	);
	return raw.map((entry) => {
		const lines = (typeof entry.lines === 'string' ? JSON.parse(entry.lines) : entry.lines) ?? [];
		return {
			id: entry.id,
			sequence: Number(entry.sequence),
			reason: entry.reason,
			budgetMoment: entry.budget_moment_id ? (moments.get(entry.budget_moment_id) ?? null) : null,
			knownAt: new Date(entry.known_at).toISOString(),
			recordedAt: new Date(entry.recorded_at).toISOString(),
			recordedByName: entry.recorded_by_name,
			correctsId: entry.corrects_id,
			lines: (lines as { year: number; delta: string; to: string }[]).map((line) => {
				const deltaCents = centsOf(line.delta);
				const toCents = centsOf(line.to);
				return { year: Number(line.year), deltaCents, fromCents: toCents - deltaCents, toCents };
			})
		};
	});
}

/** Per year: the schedule now against what the circulars processed, and the difference. */
export async function reconciliationOf(
	db: Executor,
	row: LiveArrangementRow
): Promise<ReconciliationYear[]> {
	const processed = await db
		.select({
			circular: circulars,
			year: circularAmounts.year,
			cents: circularAmounts.amountCents
		})
		.from(circularAmounts)
		.innerJoin(circulars, eq(circulars.id, circularAmounts.circularId))
		.where(eq(circularAmounts.arrangementId, row.id))
		.orderBy(asc(circulars.publishedOn));
	const committed = new Map(row.schedule.map((line) => [line.year, line.cents]));
	const years = [...new Set([...committed.keys(), ...processed.map((p) => p.year)])].sort(
		(x, y) => x - y
	);
	return years.map((year) => {
		const lines = processed
			.filter((p) => p.year === year)
			.map((p) => ({
				circularId: p.circular.id,
				label: circularLabel(p.circular.kind, p.circular.year),
				cents: centsOf(p.cents)
			}));
		const committedCents = committed.get(year) ?? 0;
		const processedCents = lines.length ? lines[lines.length - 1]!.cents : null;
		return {
			year,
			committedCents,
			processed: lines,
			processedCents,
			differenceCents: processedCents === null ? null : processedCents - committedCents
		};
	});
}

async function linksOf(
	db: Executor,
	reader: Actor | null,
	row: LiveArrangementRow
): Promise<ArrangementLink[]> {
	const links: ArrangementLink[] = [];
	if (row.agreementId) {
		const [agreement] = await db
			.select({
				id: agreements.id,
				title: agreements.title,
				confidentiality: agreements.confidentiality,
				decisionId: agreements.decisionId
			})
			.from(agreements)
			.where(eq(agreements.id, row.agreementId));
		// The public sees the agreement only when the agreements' own rule gives it the public.
		const readable =
			!!agreement && (!!reader || canSee(null, await agreementAudienceOf(db, agreement)));
		if (agreement && readable)
			links.push({
				kind: 'agreement',
				id: agreement.id,
				title: agreement.title,
				href: reader ? `/afspraken/${agreement.id}` : `/publicaties/afspraken/${agreement.id}`
			});
	}
	if (row.decisionId) {
		const [decision] = await db
			.select({
				id: decisions.id,
				title: decisions.itemTitle,
				meetingId: decisions.meetingId,
				meetingTitle: meetings.title
			})
			.from(decisions)
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.where(eq(decisions.id, row.decisionId));
		if (decision) {
			links.push({
				kind: 'decision',
				id: decision.id,
				title: decision.title,
				href: reader
					? `/vergaderingen/${decision.meetingId}/besluitenlijst`
					: `/publicaties/${decision.meetingId}`
			});
			links.push({
				kind: 'meeting',
				id: decision.meetingId,
				title: decision.meetingTitle,
				href: reader ? `/vergaderingen/${decision.meetingId}` : `/publicaties/${decision.meetingId}`
			});
		}
	}
	if (row.agendaItemId && reader) {
		const [item] = await db
			.select({ id: agendaItems.id, title: agendaItems.title, audience: agendaItems.audience })
			.from(agendaItems)
			.where(eq(agendaItems.id, row.agendaItemId));
		if (item && canSee(reader, item.audience))
			links.push({
				kind: 'agenda_item',
				id: item.id,
				title: item.title,
				href: `/agendapunten/${item.id}`
			});
	}
	return links;
}

/** The arrangement's page, for a reader at the table or (`null`) the public; a 404 otherwise. */
export async function getArrangement(
	reader: Actor | null,
	id: string,
	options: { asOf?: string | null } = {}
): Promise<ArrangementDetail> {
	const db = await useDb();
	const found = await findArrangement(db, reader, id);
	const asOf = await resolveAsOf(db, options.asOf);
	const [row] = await arrangementRows(db, [found.row.id]);
	const asOfRow = asOf ? ((await arrangementRows(db, [found.row.id], asOf.at))[0] ?? null) : null;
	const related = (ids: { id: string; number: number; title: string }[]) =>
		ids.map((r) => ({ id: r.id, reference: arrangementReference(r.number), title: r.title }));
	const replaces = found.row.replacesId
		? (related(
				await db
					.select({
						id: financialArrangements.id,
						number: financialArrangements.number,
						title: financialArrangements.title
					})
					.from(financialArrangements)
					.where(
						and(
							eq(financialArrangements.id, found.row.replacesId),
							reader ? undefined : publicArrangementSql
						)
					)
			)[0] ?? null)
		: null;
	const replacedBy = related(
		await db
			.select({
				id: financialArrangements.id,
				number: financialArrangements.number,
				title: financialArrangements.title
			})
			.from(financialArrangements)
			.where(
				and(
					eq(financialArrangements.replacesId, found.row.id),
					reader ? undefined : publicArrangementSql
				)
			)
	);
	const tasks = reader
		? await db
				.select({ id: financeTasks.id, name: financeTasks.name })
				.from(financeTaskArrangements)
				.innerJoin(financeTasks, eq(financeTasks.id, financeTaskArrangements.taskId))
				.where(eq(financeTaskArrangements.arrangementId, found.row.id))
				.orderBy(asc(financeTasks.name))
		: [];
	const comments = reader
		? (
				await db
					.select({
						id: arrangementComments.id,
						authorName: people.name,
						organisationName: organisations.shortName,
						body: arrangementComments.body,
						createdAt: arrangementComments.createdAt
					})
					.from(arrangementComments)
					.innerJoin(people, eq(people.id, arrangementComments.authorId))
					.innerJoin(organisations, eq(organisations.id, arrangementComments.organisationId))
					.where(eq(arrangementComments.arrangementId, found.row.id))
					.orderBy(asc(arrangementComments.createdAt))
			).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }))
		: [];
	return {
		row: row!,
		asOfRow,
		asOf,
		description: found.row.description,
		sourceDocument: found.row.sourceDocument,
		lapseReason: found.row.lapseReason,
		links: await linksOf(db, reader, row!),
		replaces,
		replacedBy,
		tasks,
		history: await entryHistory(db, found.row.id),
		reconciliation: await reconciliationOf(db, row!),
		comments,
		createdAt: found.row.createdAt.toISOString()
	};
}

/** The arrangements linked to an agreement or an agenda item (their pages list them). */
export async function arrangementsLinkedTo(
	reader: Actor | null,
	link: { agreementId?: string; agendaItemId?: string; decisionId?: string }
): Promise<LiveArrangementRow[]> {
	const db = await useDb();
	const conditions = [
		link.agreementId ? eq(financialArrangements.agreementId, link.agreementId) : undefined,
		link.agendaItemId ? eq(financialArrangements.agendaItemId, link.agendaItemId) : undefined,
		link.decisionId ? eq(financialArrangements.decisionId, link.decisionId) : undefined
	].filter((c) => c !== undefined);
	if (!conditions.length) return [];
	const ids = await db
		.select({ id: financialArrangements.id })
		.from(financialArrangements)
		.where(or(...conditions))
		.orderBy(desc(financialArrangements.number));
	const rows = await arrangementRows(
		db,
		ids.map((r) => r.id)
	);
	if (reader || rows.length === 0) return rows;
	const visible = await db
		.select({ id: financialArrangements.id })
		.from(financialArrangements)
		.where(
			and(
				inArray(
					financialArrangements.id,
					rows.map((r) => r.id)
				),
				publicArrangementSql
			)
		);
	const ids2 = new Set(visible.map((r) => r.id));
	return rows.filter((r) => ids2.has(r.id));
}

export { circularOf };
