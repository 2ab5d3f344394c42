import { sql } from 'drizzle-orm';
import {
	check,
	customType,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';

/** PostgreSQL's text-search vector; only ever written by the database (a generated column). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const meetingKindEnum = pgEnum('meeting_kind', [
	'overhedenoverleg',
	'ambtelijk_voorportaal',
	'bofv',
	'sectorale_tafel'
]);
export const meetingKinds = meetingKindEnum.enumValues;
export type MeetingKind = (typeof meetingKinds)[number];

/**
 * gepland → open_voor_voorstellen → agenda_in_afstemming → agenda_vastgesteld → gehouden, and
 * geannuleerd from any state before gehouden. Reopening an adopted agenda goes back to
 * agenda_in_afstemming (logged in the event log with its reason).
 */
export const meetingStatusEnum = pgEnum('meeting_status', [
	'gepland',
	'open_voor_voorstellen',
	'agenda_in_afstemming',
	'agenda_vastgesteld',
	'gehouden',
	'geannuleerd'
]);
export const meetingStatuses = meetingStatusEnum.enumValues;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetings = pgTable(
	'meeting',
	{
		id: uuid().primaryKey().defaultRandom(),
		kind: meetingKindEnum().notNull(),
		/** The policy field of a sectorale tafel; empty for the other kinds. */
		topic: text(),
		title: text().notNull(),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		location: text(),
		onlineUrl: text(),
		/** Free text: the chair is often a minister, not an account on the platform. */
		chair: text(),
		proposalDeadline: timestamp({ withTimezone: true }),
		status: meetingStatusEnum().notNull().default('gepland'),
		cancelReason: text(),
		/** Meeting mode: when the secretariaat opened it, and the item being dealt with now. */
		sessionOpenedAt: timestamp({ withTimezone: true }),
		/** An agenda item id; not a foreign key (agenda_item refers to meeting already). */
		currentItemId: uuid(),
		/** The preparatory meeting this one follows (the voorportaal before an Overhedenoverleg). */
		preparatoryMeetingId: uuid().references((): AnyPgColumn => meetings.id),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		search: tsvector().generatedAlwaysAs(
			(): ReturnType<typeof sql> =>
				sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(topic, '') || ' ' || coalesce(location, '') || ' ' || coalesce(chair, '')), 'B')`
		)
	},
	(table) => [
		index('meeting_starts_at_idx').on(table.startsAt),
		index('meeting_status_idx').on(table.status),
		index('meeting_search_idx').using('gin', table.search),
		check('meeting_ends_after_start', sql`${table.endsAt} > ${table.startsAt}`),
		check(
			'meeting_topic_for_sectorale_tafel',
			sql`${table.kind} <> 'sectorale_tafel' or ${table.topic} is not null`
		),
		check(
			'meeting_cancel_reason',
			sql`${table.status} <> 'geannuleerd' or ${table.cancelReason} is not null`
		)
	]
);

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
