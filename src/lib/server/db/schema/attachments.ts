import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda';
import { agreementProgress } from './agreements';
import { bytea, people } from './identity';
import { organisations } from './organisations';

/**
 * A file attached to an agenda item or to an agreement's progress report: the metadata. The bytes
 * live in attachment_content, so that lists never load them; both are in the database so every app
 * process sees the same files and a database backup holds them. Deleting removes both rows; the
 * event log keeps the trace. Each file has exactly one owner (the CHECK), whose reader sees it.
 */
export const attachments = pgTable(
	'attachment',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** The agenda item it belongs to, or null when it belongs to a progress report. */
		itemId: uuid().references(() => agendaItems.id),
		/** The progress report it came with (append-only, as the report is), or null. */
		progressId: uuid().references(() => agreementProgress.id),
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
		index('attachment_progress_idx')
			.on(table.progressId)
			.where(sql`${table.progressId} is not null`),
		check('attachment_one_owner', sql`num_nonnulls(${table.itemId}, ${table.progressId}) = 1`),
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
