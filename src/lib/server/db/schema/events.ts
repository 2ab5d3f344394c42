import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who may see an event. `audit`: only beheerders, through the audit page. `person`: one person.
 * `organisation`: one organisation (a concept stays with its proposer). `participants`: everyone
 * at the table. `public`: anyone.
 */
export const visibilityEnum = pgEnum('event_visibility', [
	'audit',
	'person',
	'organisation',
	'participants',
	'public'
]);
export type Visibility = (typeof visibilityEnum.enumValues)[number];

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
		visibility: visibilityEnum().notNull(),
		/** The person or organisation for `person` and `organisation` visibility. */
		visibleTo: uuid(),
		requestId: text(),
		payload: jsonb().$type<Record<string, unknown>>().notNull().default({})
	},
	(table) => [
		index('event_type_idx').on(table.type),
		index('event_actor_idx').on(table.actorPersonId),
		index('event_subject_idx').on(table.subjectType, table.subjectId),
		index('event_occurred_at_idx').on(table.occurredAt),
		index('event_meeting_idx').on(table.meetingId)
	]
);

export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
