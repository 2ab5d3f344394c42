import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { people } from './identity';

/**
 * One list per person (src/lib/server/notifications): what asked something of them. Written in
 * the transaction of the event it follows from, so a notification exists exactly when its event
 * committed; `params` holds what its text and link need, so it reads the same after the subject changed.
 */
export const notifications = pgTable(
	'notification',
	{
		id: uuid().primaryKey(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		/** A row of the notification table (notifications/table.ts), e.g. `co_sponsor_requested`. */
		kind: text().notNull(),
		eventType: text().notNull(),
		subjectType: text().notNull(),
		subjectId: text().notNull(),
		meetingId: uuid(),
		params: jsonb().$type<Record<string, string>>().notNull().default({}),
		/** The page to act on, a path of the app (`/vergaderingen/<id>`). */
		link: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp({ withTimezone: true })
	},
	(table) => [
		index('notification_person_idx').on(table.personId, table.createdAt),
		index('notification_unread_idx')
			.on(table.personId)
			.where(sql`${table.readAt} is null`),
		index('notification_created_at_idx').on(table.createdAt)
	]
);

export const notificationLanguageEnum = pgEnum('notification_language', ['nl', 'en']);
export const notificationLanguages = notificationLanguageEnum.enumValues;
export type NotificationLanguage = (typeof notificationLanguages)[number];

/** A person's choices for mail; without a row: Dutch, a mail for every kind, no digest. */
export const notificationPreferences = pgTable('notification_preference', {
	personId: uuid()
		.primaryKey()
		.references(() => people.id, { onDelete: 'cascade' }),
	language: notificationLanguageEnum().notNull().default('nl'),
	/** The kinds for which no mail goes out (in the app they always appear). */
	mutedKinds: text().array().notNull().default([]),
	/** One mail a day with what came, instead of a mail per notification. */
	digest: boolean().notNull().default(false),
	/** When the digest goes out, in minutes after midnight, Europe/Amsterdam. */
	digestMinute: integer().notNull().default(480),
	/** Up to when the digests covered the notifications. */
	digestedUntil: timestamp({ withTimezone: true }),
	version: integer().notNull().default(1),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/**
 * Work that must happen once (HOUSE.md): mail, the digest, reminders before a deadline, cleaning
 * up. Written in the transaction that gives rise to it, claimed by any app process with
 * `FOR UPDATE SKIP LOCKED` and a lease (`lockedUntil`), marked done, or due again later with
 * backoff. `dedupeKey` keeps at most one open job per key (one reminder per meeting).
 */
export const jobs = pgTable(
	'job',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		dedupeKey: text(),
		payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		attempts: integer().notNull().default(0),
		lockedUntil: timestamp({ withTimezone: true }),
		doneAt: timestamp({ withTimezone: true }),
		lastError: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('job_due_idx')
			.on(table.dueAt)
			.where(sql`${table.doneAt} is null`),
		uniqueIndex('job_open_dedupe_key')
			.on(table.dedupeKey)
			.where(sql`${table.doneAt} is null`),
		index('job_done_at_idx').on(table.doneAt)
	]
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;
export type Job = typeof jobs.$inferSelect;
