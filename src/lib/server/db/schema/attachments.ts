import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda';
import { bytea, people } from './identity';
import { organisations } from './organisations';

/**
 * A file attached to an agenda item: the metadata. The bytes live in attachment_content, so that
 * lists never load them; both are in the database so every app process sees the same files and a
 * database backup holds them. Deleting removes both rows; the event log keeps the trace.
 */
export const attachments = pgTable(
	'attachment',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id),
		/** Sanitised: no path, no control characters. */
		filename: text().notNull(),
		/** Detected from the content, never taken from the name or the browser. */
		mediaType: text().notNull(),
		size: integer().notNull(),
		/** SHA-256 of the content, hex. */
		sha256: text().notNull(),
		uploadedBy: uuid()
			.notNull()
			.references(() => people.id),
		uploadedByOrganisationId: uuid()
			.notNull()
			.references(() => organisations.id),
		uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('attachment_item_idx').on(table.itemId, table.uploadedAt),
		check('attachment_size_positive', sql`${table.size} > 0`)
	]
);

export const attachmentContents = pgTable('attachment_content', {
	attachmentId: uuid()
		.primaryKey()
		.references(() => attachments.id, { onDelete: 'cascade' }),
	bytes: bytea().notNull()
});

export type Attachment = typeof attachments.$inferSelect;
