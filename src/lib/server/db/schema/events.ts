import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only event log (HOUSE.md): audit trail, source of the real-time fan-out, and replay.
 * The database refuses UPDATE, DELETE and TRUNCATE on it (trigger in the migration).
 */
export const events = pgTable(
	'event',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Versioned, e.g. `auth.login_succeeded.v1`. */
		type: text().notNull(),
		actorPersonId: uuid(),
		actorOrganisationId: uuid(),
		subjectType: text().notNull(),
		subjectId: text().notNull(),
		meetingId: uuid(),
		/**
		 * Who may see it, as audience keys (src/lib/server/audience.ts): `table`, `public`,
		 * `organisation:<id>`, `party:<party>`, `person:<id>`. Empty: audit-only (the audit page).
		 */
		audience: text().array().notNull().default([]),
		requestId: text(),
		payload: jsonb().$type<Record<string, unknown>>().notNull().default({})
	},
	(table) => [
		index('event_type_idx').on(table.type),
		index('event_actor_idx').on(table.actorPersonId),
		index('event_subject_idx').on(table.subjectType, table.subjectId),
		index('event_occurred_at_idx').on(table.occurredAt),
		index('event_meeting_idx').on(table.meetingId),
		index('event_audience_idx').using('gin', table.audience)
	]
);

export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
