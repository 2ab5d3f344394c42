import { and, asc, eq, sql } from 'drizzle-orm';
import { useDb } from '../db';
import { agreementRatifications, agreements, type Party } from '../db/schema';
import { decideAccess, type Actor } from '../access';
import { partyDashboard, type PartyDashboard } from '../agreements';
import { agreementsVisibleTo } from '../agreements/audience';
import { DUE_SOON_DAYS } from '../agreements/dashboard';
import { dueDateSql, instantSql, registerRows } from '../agreements/queries';
import { amsterdamToday } from '../agreements/status';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';

/*
 * The agreements on "Mijn werk", for a person who speaks for a party: the party's dashboard
 * (partyDashboard: open, due within 30 days, overdue, done this year, awaiting ratification), and
 * three short lists of what the party owes: the agreements due within 30 days or overdue, the
 * progress reports it has not given for a while, and (a koepel) the consultations of its members
 * still to be recorded. The rows are register rows, so the page applies the agreements' live
 * events to them (src/lib/realtime/agreement-work-live.svelte.ts).
 */

/** The most rows per list; a full list cannot tell who is next, so the live page reloads then. */
export const WORK_LIMIT = 50;
/** A party owes a progress report when its last one (or the agreement) is older than this. */
export const PROGRESS_DUE_DAYS = 30;

export interface RatificationTask extends LiveAgreementRow {
	/** The koepel's own consultation: when it closes. */
	closesOn: string | null;
}

export interface AgreementWork {
	party: Party;
	/** Amsterdam days the lists were judged on: today, and the last day that is "due soon". */
	today: string;
	dueUntil: string;
	limit: number;
	dashboard: PartyDashboard;
	due: LiveAgreementRow[];
	/** Null when the person may not report progress (the section is then not shown). */
	progressOwed: LiveAgreementRow[] | null;
	/** Null for the Rijk, which consults no members, and for whoever may not record it. */
	ratifications: RatificationTask[] | null;
}

const dated = {
	status: agreements.status,
	deadline: agreements.deadline,
	expectedDate: agreements.expectedDate
};
const open = sql`${agreements.status} not in ('afgerond', 'vervallen')`;
const ownedBy = (party: Party) =>
	sql`exists (select 1 from agreement_owner o where o.agreement_id = ${agreements.id} and o.party = ${party})`;

const shift = (day: string, days: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The party's work on agreements, or null for someone who speaks for no party. */
export async function agreementWork(actor: Actor, now = new Date()): Promise<AgreementWork | null> {
	const party = actor.party;
	if (!party || (actor.role !== 'medewerker' && actor.role !== 'bestuurder')) return null;
	const db = await useDb();
	const at = instantSql(now);
	const today = amsterdamToday(now);
	const dueUntil = shift(today, DUE_SOON_DAYS);
	const due = dueDateSql(dated);
	const visible = agreementsVisibleTo(actor);
	const mayReport = decideAccess(actor, 'agreement.progress', { parties: [party] }) === 'ok';
	const koepel = party === 'rijk' ? null : party;
	const mayRatify =
		koepel !== null && decideAccess(actor, 'agreement.ratify', { party: koepel }) === 'ok';

	const [dashboard, dueIds, owedIds, ratifying] = await Promise.all([
		partyDashboard(actor, { party }, now),
		db
			.select({ id: agreements.id })
			.from(agreements)
			.where(and(visible, open, ownedBy(party), sql`${due} <= ${dueUntil}::date`))
			.orderBy(asc(due), asc(agreements.id))
			.limit(WORK_LIMIT),
		mayReport
			? db
					.select({ id: agreements.id })
					.from(agreements)
					.where(
						and(
							visible,
							open,
							ownedBy(party),
							sql`coalesce((select max(p.created_at) from agreement_progress p
								where p.agreement_id = ${agreements.id} and p.party = ${party}), ${agreements.createdAt})
								< ${at} - make_interval(days => ${PROGRESS_DUE_DAYS})`
						)
					)
					.orderBy(asc(due), asc(agreements.id))
					.limit(WORK_LIMIT)
			: Promise.resolve(null),
		mayRatify
			? db
					.select({ id: agreements.id, closesOn: agreementRatifications.closesOn })
					.from(agreementRatifications)
					.innerJoin(agreements, eq(agreements.id, agreementRatifications.agreementId))
					.where(
						and(
							visible,
							eq(agreementRatifications.koepel, koepel!),
							eq(agreementRatifications.state, 'lopend'),
							sql`${agreements.status} <> 'vervallen'`
						)
					)
					.orderBy(asc(agreementRatifications.closesOn), asc(agreements.id))
					.limit(WORK_LIMIT)
			: Promise.resolve(null)
	]);
	const rows = (ids: { id: string }[]) =>
		registerRows(
			db,
			ids.map((row) => row.id),
			now
		);
	const [dueRows, owedRows, ratifyRows] = await Promise.all([
		rows(dueIds),
		owedIds ? rows(owedIds) : Promise.resolve(null),
		ratifying ? rows(ratifying) : Promise.resolve(null)
	]);
	const closes = new Map(ratifying?.map((row) => [row.id, row.closesOn]) ?? []);
	return {
		party,
		today,
		dueUntil,
		limit: WORK_LIMIT,
		dashboard,
		due: dueRows,
		progressOwed: owedRows,
		ratifications:
			ratifyRows?.map((row) => ({ ...row, closesOn: closes.get(row.id) ?? null })) ?? null
	};
}
