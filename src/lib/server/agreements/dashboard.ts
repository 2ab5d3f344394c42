import { sql } from 'drizzle-orm';
import { useDb } from '../db';
import type { Party } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import { agreementsVisibleTo } from './audience';
import { amsterdamDaySql, dueDateSql, instantSql, overdueSql } from './queries';
import { rowsOf } from './rows';
import { dashboardQuery } from './schemas';

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
	const at = instantSql(now);
	const today = amsterdamDaySql(at);
	const due = dueDateSql({
		status: sql`a.status`,
		deadline: sql`a.deadline`,
		expectedDate: sql`a.expected_date`
	});
	const overdue = overdueSql(
		{ status: sql`a.status`, deadline: sql`a.deadline`, expectedDate: sql`a.expected_date` },
		at
	);
	const db = await useDb();
	const result = await db.execute(sql`
		select
			count(*) filter (where owned and a.status not in ('afgerond', 'vervallen')) as open,
			count(*) filter (where owned and a.status not in ('afgerond', 'vervallen')
				and ${due} between ${today} and ${today} + ${DUE_SOON_DAYS}::int) as due_soon,
			count(*) filter (where owned and ${overdue}) as overdue,
			count(*) filter (where owned and a.status = 'afgerond'
				and extract(year from a.closed_at at time zone 'Europe/Amsterdam')
					= extract(year from ${today})) as done_this_year,
			count(*) filter (where a.status <> 'vervallen' and exists (
				select 1 from agreement_ratification r
				where r.agreement_id = a.id and r.state = 'lopend'
					and (r.koepel = ${party} or (${party}::text = 'rijk' and owned)))) as awaiting
		from (
			select agreement.*, exists (select 1 from agreement_owner o
				where o.agreement_id = agreement.id and o.party = ${party}) as owned
			from agreement where ${agreementsVisibleTo(actor)}
		) a`);
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
