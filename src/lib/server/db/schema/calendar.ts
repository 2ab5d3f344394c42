import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from './identity';

/**
 * A person's private calendar feed: `/kalender/<id>.<secret>`. Only a SHA-256 hash of the secret
 * is stored; a calendar app cannot send a session, so the URL itself is the key. One active feed
 * per person (renewing revokes the old one).
 */
export const calendarFeeds = pgTable(
	'calendar_feed',
	{
		id: uuid().primaryKey().defaultRandom(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		secretHash: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true })
	},
	(table) => [
		index('calendar_feed_person_idx').on(table.personId),
		uniqueIndex('calendar_feed_one_active')
			.on(table.personId)
			.where(sql`${table.revokedAt} is null`)
	]
);

export type CalendarFeed = typeof calendarFeeds.$inferSelect;
