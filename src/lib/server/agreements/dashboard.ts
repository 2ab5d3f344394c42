import { sql, type SQL } from 'drizzle-orm';
import { useDb, type Database } from '../db';
import { memoUntilNextEvent } from '../events/memo';
import { agreements, type Party } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import { agreementsVisibleTo, seesEveryAgreement } from './audience';
import { amsterdamDaySql, dueDateSql, instantSql, overdueSql } from './queries';
import { rowsOf } from './rows';
import { dashboardQuery } from './schemas';
import { amsterdamToday } from './status';

/*
 * A party's dashboard ("Mijn werk"): its agreements (those it is a responsible party of) that are
 * open (not afgerond or vervallen), due within 30 days (due today up to 30 days on, not yet
 * overdue), overdue, and done this year (afgerond in this calendar year, Amsterdam); and what waits
 * for its ratification: for a koepel, agreements whose consultation of its own members is lopend;
 * for the Rijk (which consults no members), its agreements that wait for any koepel's. One query,
 * counted in the database.
 */

export interface PartyDashboard {
	party: Party;
	open: number;
	dueSoon: number;
	overdue: number;
	doneThisYear: number;
	awaitingRatification: number;
}

export const DUE_SOON_DAYS = 30;

export async function partyDashboard(
	actor: Actor,
	input: unknown = {},
	now = new Date()
): Promise<PartyDashboard> {
	// The register is the table's; each row is then filtered by its own audience, in SQL.
	requireAccess(actor, 'agreement.read', { audience: ['table'] });
	const { party: asked } = parseInput(dashboardQuery, input);
	const party = asked ?? actor.party;
	if (!party)
		throw new InvalidInputError({ party: 'Kies de partij waarvan u de afspraken wilt zien.' });
	const db = await useDb();
	const compute = () => countDashboard(db, actor, party, now);
	// The same counts for everyone at the table on the same day, until the next change.
	return seesEveryAgreement(actor)
		? rememberedCounts(db, `${party} ${amsterdamToday(now)}`, compute)
		: compute();
}

const rememberedCounts = memoUntilNextEvent<PartyDashboard>();

async function countDashboard(
	db: Database,
	actor: Actor,
	party: Party,
	now: Date
): Promise<PartyDashboard> {
	const at = instantSql(now);
	const today = amsterdamDaySql(at);
	const visible = agreementsVisibleTo(actor);
	const owned = sql`exists (select 1 from agreement_owner o
		where o.agreement_id = ${agreements.id} and o.party = ${party})`;
	const open = sql`${agreements.status} not in ('afgerond', 'vervallen')`;
	const lopend = (koepel: SQL) => sql`${agreements.status} <> 'vervallen' and exists (
		select 1 from agreement_ratification r
		where r.agreement_id = ${agreements.id} and r.state = 'lopend' and ${koepel})`;
	// The Rijk waits for any koepel on its own agreements; a koepel for its own members on any:
	// counted from its lopend consultations (an index of the few), one per agreement and koepel.
	const awaiting =
		party === 'rijk'
			? sql`count(*) filter (where ${lopend(sql`true`)})`
			: sql`(select count(*) from agreement_ratification r
				join agreement on ${agreements.id} = r.agreement_id
				where r.koepel = ${party} and r.state = 'lopend'
					and ${agreements.status} <> 'vervallen' and ${visible})`;
	// The party's own agreements in one pass (the owner test once per row, as a semi-join); the
	// koepel's ratifications as a second count, which reads agreement afresh in its own scope.
	const result = await db.execute(sql`
		select
			count(*) filter (where ${open}) as open,
			count(*) filter (where ${open}
				and ${dueDateSql(agreements)} between ${today} and ${today} + ${DUE_SOON_DAYS}::int) as due_soon,
			count(*) filter (where ${overdueSql(agreements, at)}) as overdue,
			count(*) filter (where ${agreements.status} = 'afgerond'
				and extract(year from ${agreements.closedAt} at time zone 'Europe/Amsterdam')
					= extract(year from ${today})) as done_this_year,
			${awaiting} as awaiting
		from agreement where ${visible} and ${owned}`);
	const [row] = rowsOf<Record<string, number | string>>(result);
	return {
		party,
		open: Number(row?.open ?? 0),
		dueSoon: Number(row?.due_soon ?? 0),
		overdue: Number(row?.overdue ?? 0),
		doneThisYear: Number(row?.done_this_year ?? 0),
		awaitingRatification: Number(row?.awaiting ?? 0)
	};
}
