import { sql } from 'drizzle-orm';
import { check, index, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from './identity';
import { organisations, partyEnum } from './organisations';

/**
 * A bestuurder lets a medewerker of the same organisation record the party's akkoord or bezwaar,
 * optionally until a moment. Revoking keeps the row (revokedAt); the event log has the history.
 */
export const approvalDelegations = pgTable(
	'approval_delegation',
	{
		id: uuid().primaryKey().defaultRandom(),
		party: partyEnum().notNull(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id),
		delegatorId: uuid()
			.notNull()
			.references(() => people.id),
		delegateId: uuid()
			.notNull()
			.references(() => people.id),
		/** Null: until revoked. */
		validUntil: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp({ withTimezone: true }),
		revokedBy: uuid().references(() => people.id)
	},
	(table) => [
		index('approval_delegation_delegate_idx').on(table.delegateId),
		uniqueIndex('approval_delegation_one_active')
			.on(table.delegatorId, table.delegateId)
			.where(sql`${table.revokedAt} is null`),
		check('approval_delegation_not_self', sql`${table.delegatorId} <> ${table.delegateId}`)
	]
);

export type ApprovalDelegation = typeof approvalDelegations.$inferSelect;
