import { and, eq, sql } from 'drizzle-orm';
import { decideAccess, type Actor } from '../access';
import { useDb } from '../db';
import { financialArrangements as a, type FinanceLayer } from '../db/schema';
import { arrangementsVisibleTo } from './audience';
import { arrangementsLinkedTo } from './detail';
import { layerOfParty } from './labels';
import { arrangementOverview } from './queries';
import { isFinanceStaff } from './staff';
import type { LiveArrangementRow } from '../../realtime/finance-payloads';

/*
 * Where the money shows outside the finance pages: the arrangements beside an agreement or an
 * agenda item, and on "Mijn werk" what waits in the party's layer (arrangements its expected
 * circular left out, and those the koepel has not yet marked as they stand now). The counts are
 * the overview's own filters, so a link to /financien with the same filters lists the same rows.
 */

type Koepel = 'vng' | 'ipo' | 'uvw';

export interface FinanceWork {
	/** The koepel whose layer is counted; null: every layer (the Rijk, the secretariaat). */
	party: Koepel | null;
	/** Its layer (VNG: gemeenten, IPO: provincies, UvW: waterschappen); null: every layer. */
	layer: FinanceLayer | null;
	/** Arrangements whose expected circular is out without them ("niet verwerkt zoals verwacht"). */
	notProcessed: number;
	/** Arrangements (not lapsed) without the receiving koepel's mark on the schedule as it is now. */
	awaitingMark: number;
}

/** The finance part of "Mijn werk", or null for whoever does not work at the table. */
export async function financeWork(actor: Actor): Promise<FinanceWork | null> {
	if (!['medewerker', 'bestuurder', 'secretariaat'].includes(actor.role)) return null;
	if (decideAccess(actor, 'finance.read', { audience: ['table'] }) !== 'ok') return null;
	const party =
		actor.role !== 'secretariaat' && actor.party && actor.party !== 'rijk' ? actor.party : null;
	const layer = party ? layerOfParty(party) : null;
	const db = await useDb();
	const [overview, [unmarked]] = await Promise.all([
		arrangementOverview(actor, { notProcessed: 'true', ...(party ? { party } : {}), pageSize: 1 }),
		db
			.select({ n: sql<string>`count(*)::text` })
			.from(a)
			.where(
				and(
					arrangementsVisibleTo(actor),
					sql`${a.status} <> 'vervallen'`,
					layer ? eq(a.layer, layer) : undefined,
					sql`not exists (select 1 from arrangement_mark m where m.arrangement_id = ${a.id}
						and m.schedule_version = ${a.scheduleVersion}
						and m.party::text = (case ${a.layer} when 'gemeenten' then 'vng'
							when 'provincies' then 'ipo' else 'uvw' end))`
				)
			)
	]);
	return { party, layer, notProcessed: overview.total, awaitingMark: Number(unmarked?.n ?? 0) };
}

/** A linked arrangement as the agreement's or the item's page lists it. */
export type LinkedArrangementRow = Pick<
	LiveArrangementRow,
	'id' | 'reference' | 'title' | 'totalCents' | 'status'
>;

export interface LinkedArrangements {
	rows: LinkedArrangementRow[];
	/** Where to record a new one for this agreement or item; null when the reader may not (finance.manage). */
	recordHref: string | null;
}

/** The arrangements linked to an agreement or an agenda item, for that page (null: not the reader's to see). */
export async function linkedArrangements(
	actor: Actor,
	link: { agreementId: string } | { agendaItemId: string }
): Promise<LinkedArrangements | null> {
	if (decideAccess(actor, 'finance.read', { audience: ['table'] }) !== 'ok') return null;
	const db = await useDb();
	const [rows, financeStaff] = await Promise.all([
		arrangementsLinkedTo(actor, link),
		isFinanceStaff(db, actor)
	]);
	const mayRecord = decideAccess(actor, 'finance.manage', { financeStaff }) === 'ok';
	return {
		rows: rows.map(({ id, reference, title, totalCents, status }) => ({
			id,
			reference,
			title,
			totalCents,
			status
		})),
		recordHref: mayRecord ? `/financien/nieuw?${new URLSearchParams(link).toString()}` : null
	};
}
