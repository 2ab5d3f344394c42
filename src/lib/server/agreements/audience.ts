import { is, Placeholder, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
	audienceKey,
	audienceKeys,
	audiences,
	canSee,
	visibleToPrincipal,
	type AudienceKeys,
	type Principal
} from '../audience';
import type { Executor } from '../db';
import { agreements } from '../db/schema';
import { rowsOf } from './rows';

/*
 * Who may read an agreement, written once (HOUSE.md, "Audiences"). Everyone at the table reads
 * every agreement. One that is openbaar and comes from a decision in the newest published version
 * of its besluitenlijst is also the public's (accountability to the public, with its status and
 * progress). A vertrouwelijk one, or one whose decision was never published (or left out of the
 * newest version), stays at the table. Publication happens elsewhere and later, so the rule is
 * not stored on the row: the lists read it as SQL (agreementsVisibleTo), the gate and the events
 * as keys (agreementAudience), from the same two facts.
 */

export interface AudienceFacts {
	confidentiality: 'openbaar' | 'vertrouwelijk';
	/** Its decision is in the newest published version of its besluitenlijst. */
	fromPublishedDecision: boolean;
}

const tableKeys = audienceKeys(audiences.table);
const publicKeys = [...tableKeys, ...audienceKeys(audiences.public)];

/** The audience keys of an agreement, for the gate and its events. */
export function agreementAudience(facts: AudienceFacts): AudienceKeys {
	return facts.confidentiality === 'openbaar' && facts.fromPublishedDecision
		? publicKeys
		: tableKeys;
}

/** The decision is in the newest published version of its list (the snapshot names its id). */
export const publishedDecisionSql = (decisionId: SQL | AnyPgColumn) => sql`exists (
	select 1 from decision_list_version v
	join decision_list l on l.id = v.list_id and v.number = l.published_version
	where v.meeting_id = (select d.meeting_id from decision d where d.id = ${decisionId})
	and v.snapshot -> 'decisions' @> jsonb_build_array(jsonb_build_object('id', (${decisionId})::text))
)`;

/** The same rule as agreementAudience, as the row's keys in SQL. */
export const agreementAudienceSql = sql<
	string[]
>`(case when ${agreements.confidentiality} = 'openbaar' and ${agreements.decisionId} is not null and ${publishedDecisionSql(agreements.decisionId)} then ${sql.param(publicKeys)}::text[] else ${sql.param(tableKeys)}::text[] end)`;

/**
 * Agreements the principal may read, as a SQL condition on the agreement table. Every agreement's
 * keys hold the table's (both branches above), so a principal who sees the table reads them all:
 * then the condition is `true`, and the database neither runs the published-decision test on every
 * row nor misjudges how many rows pass it (with 5,000 agreements that test was most of the
 * register's and the dashboard's time, bench/agreements.ts). Otherwise visibleToPrincipal compares
 * any text[] expression with the held keys; its type names a column, which an expression serves as
 * well in the template it builds.
 */
/** Whether the principal reads every agreement (the table does): its lists are then the same. */
export const seesEveryAgreement = (principal: Principal | null) => canSee(principal, tableKeys);

export const agreementsVisibleTo = (principal: Principal | null | Placeholder) =>
	!is(principal, Placeholder) && seesEveryAgreement(principal as Principal | null)
		? sql`true`
		: visibleToPrincipal(agreementAudienceSql as unknown as AnyPgColumn, principal);

/** Whether a decision could make an agreement public: the default confidentiality follows it. */
export async function decisionPublished(db: Executor, decisionId: string | null): Promise<boolean> {
	if (!decisionId) return false;
	const result = await db.execute(
		sql`select ${publishedDecisionSql(sql`${decisionId}::uuid`)} as published`
	);
	return rowsOf<{ published: boolean }>(result)[0]?.published === true;
}

/** The keys of one agreement as it is now, for the gate and the events of a verb. */
export async function audienceOf(
	db: Executor,
	agreement: { confidentiality: AudienceFacts['confidentiality']; decisionId: string | null }
): Promise<AudienceKeys> {
	return agreementAudience({
		confidentiality: agreement.confidentiality,
		fromPublishedDecision:
			agreement.confidentiality === 'openbaar' &&
			(await decisionPublished(db, agreement.decisionId))
	});
}

export { audienceKey };
