import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
	audienceKeys,
	audiences,
	canSee,
	visibleToPrincipal,
	type AudienceKeys,
	type Principal
} from '../audience';
import type { Executor } from '../db';
import { financialArrangements } from '../db/schema';
import { decisionPublished, publishedDecisionSql } from '../agreements/audience';

/*
 * Who may read a financial arrangement, written once (HOUSE.md, "Audiences"). Everyone at the table
 * reads every arrangement, with its ledger, reconciliation, marks and comments. One that is marked
 * openbaar and comes from a decision in the newest published version of its besluitenlijst is also
 * the public's (the public pages show its schedule and its history, never the comments). The rule
 * is the agreements' (same two facts); the lists read it as SQL, the gate and the events as keys.
 */

const tableKeys = audienceKeys(audiences.table);
const publicKeys = [...tableKeys, ...audienceKeys(audiences.public)];

export interface ArrangementAudienceFacts {
	confidentiality: 'openbaar' | 'vertrouwelijk';
	decisionId: string | null;
}

/** The keys of one arrangement as it is now, for the gate and the events of a verb. */
export async function arrangementAudience(
	db: Executor,
	facts: ArrangementAudienceFacts
): Promise<AudienceKeys> {
	return facts.confidentiality === 'openbaar' && (await decisionPublished(db, facts.decisionId))
		? publicKeys
		: tableKeys;
}

/** The same rule as SQL: the arrangement's keys. */
export const arrangementAudienceSql = sql<
	string[]
>`(case when ${financialArrangements.confidentiality} = 'openbaar' and ${financialArrangements.decisionId} is not null and ${publishedDecisionSql(financialArrangements.decisionId)} then ${sql.param(publicKeys)}::text[] else ${sql.param(tableKeys)}::text[] end)`;

/** Whether the principal reads every arrangement (the table does). */
export const seesEveryArrangement = (principal: Principal | null) => canSee(principal, tableKeys);

/** Arrangements the principal may read, as a SQL condition (`true` for the table: no test per row). */
export const arrangementsVisibleTo = (principal: Principal | null): SQL =>
	seesEveryArrangement(principal)
		? sql`true`
		: visibleToPrincipal(arrangementAudienceSql as unknown as AnyPgColumn, principal);

/** Arrangements that are the public's, as SQL (the public pages and their totals). */
export const publicArrangementSql = sql`(${financialArrangements.confidentiality} = 'openbaar' and ${financialArrangements.decisionId} is not null and ${publishedDecisionSql(financialArrangements.decisionId)})`;

/** Circulars, budget moments and tasks are the table's. */
export const financeTableAudience: AudienceKeys = tableKeys;
