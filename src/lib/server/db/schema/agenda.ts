import { sql } from 'drizzle-orm';
import type { AgendaSnapshotItem } from '../../../agenda/compare';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { people } from './identity';
import { meetings, tsvector } from './meetings';
import { organisations, partyEnum } from './organisations';

export const purposeEnum = pgEnum('agenda_purpose', ['besluitvorming', 'bespreking', 'informatie']);
export const purposes = purposeEnum.enumValues;
export type Purpose = (typeof purposes)[number];

export const financialConsequencesEnum = pgEnum('financial_consequences', ['geen', 'ja']);
export const confidentialityEnum = pgEnum('confidentiality', ['vertrouwelijk', 'openbaar']);

/**
 * concept (only the proposing organisation sees it) → ingediend → geagendeerd | aangehouden |
 * afgewezen → behandeld; ingetrokken by the proposer until the agenda is adopted.
 */
export const itemStatusEnum = pgEnum('agenda_item_status', [
	'concept',
	'ingediend',
	'geagendeerd',
	'aangehouden',
	'afgewezen',
	'behandeld',
	'ingetrokken'
]);
export const itemStatuses = itemStatusEnum.enumValues;
export type ItemStatus = (typeof itemStatuses)[number];

export const agendaItems = pgTable(
	'agenda_item',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Null: on the list of items still to be scheduled ("nog te agenderen"). */
		meetingId: uuid().references(() => meetings.id),
		proposingOrganisationId: uuid()
			.notNull()
			.references(() => organisations.id),
		/** The party the proposing organisation speaks for; null when the secretariat proposes. */
		proposingParty: partyEnum(),
		proposedBy: uuid()
			.notNull()
			.references(() => people.id),
		title: text().notNull(),
		/** Markdown; rendered safely by the pages. */
		summary: text().notNull().default(''),
		purpose: purposeEnum().notNull(),
		proposedDecision: text(),
		financialConsequences: financialConsequencesEnum().notNull().default('geen'),
		financialExplanation: text(),
		contactPerson: text(),
		confidentiality: confidentialityEnum().notNull().default('openbaar'),
		status: itemStatusEnum().notNull().default('concept'),
		/** Why it was deferred, declined or withdrawn. */
		statusReason: text(),
		position: integer(),
		minutes: integer(),
		submittedAt: timestamp({ withTimezone: true }),
		/** Submitted after the meeting's proposal deadline: needs the secretariat's consent. */
		lateSubmission: boolean().notNull().default(false),
		lateSubmissionApproved: boolean().notNull().default(false),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		search: tsvector().generatedAlwaysAs(
			(): ReturnType<typeof sql> =>
				sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch', coalesce(proposed_decision, '') || ' ' || coalesce(financial_explanation, '')), 'C')`
		),
		/**
		 * Who may see the item, as audience keys (src/lib/server/audience.ts): a concept is its
		 * organisation's until it is submitted, then the table's. The rule lives here alone; the gate,
		 * the lists, the item's events and its socket rooms all read this column.
		 */
		audience: text()
			.array()
			.notNull()
			.generatedAlwaysAs(
				(): ReturnType<typeof sql> =>
					sql`case when submitted_at is null then array['organisation:' || proposing_organisation_id::text] else array['table'] end`
			)
	},
	(table) => [
		index('agenda_item_meeting_idx').on(table.meetingId, table.position),
		index('agenda_item_organisation_idx').on(table.proposingOrganisationId),
		index('agenda_item_status_idx').on(table.status),
		index('agenda_item_search_idx').using('gin', table.search),
		index('agenda_item_audience_idx').using('gin', table.audience),
		check(
			'agenda_item_decision_for_besluitvorming',
			sql`${table.purpose} <> 'besluitvorming' or ${table.proposedDecision} is not null`
		),
		check(
			'agenda_item_financial_explanation',
			sql`${table.financialConsequences} <> 'ja' or ${table.financialExplanation} is not null`
		),
		check('agenda_item_minutes_positive', sql`${table.minutes} is null or ${table.minutes} > 0`)
	]
);

/** Every version of an item, as it was: the history and the base of a conflict message. */
export const agendaItemRevisions = pgTable(
	'agenda_item_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id),
		version: integer().notNull(),
		snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
		editedBy: uuid()
			.notNull()
			.references(() => people.id),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('agenda_item_revision_key').on(table.itemId, table.version)]
);

export const coSponsorStatusEnum = pgEnum('co_sponsor_status', [
	'uitgenodigd',
	'geaccepteerd',
	'afgewezen'
]);

/** A party asked to carry an item with its proposer (mede-indiener). */
export const coSponsors = pgTable(
	'co_sponsor',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id),
		party: partyEnum().notNull(),
		status: coSponsorStatusEnum().notNull().default('uitgenodigd'),
		invitedBy: uuid()
			.notNull()
			.references(() => people.id),
		invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		decidedBy: uuid().references(() => people.id),
		decidedAt: timestamp({ withTimezone: true })
	},
	(table) => [uniqueIndex('co_sponsor_key').on(table.itemId, table.party)]
);

/** Discussion on an item, one level of replies. Deleting keeps the row (a trace) without its body. */
export const comments = pgTable(
	'comment',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id),
		parentId: uuid().references((): AnyPgColumn => comments.id),
		authorId: uuid()
			.notNull()
			.references(() => people.id),
		body: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		editedAt: timestamp({ withTimezone: true }),
		deletedAt: timestamp({ withTimezone: true }),
		deletedBy: uuid().references(() => people.id)
	},
	(table) => [index('comment_item_idx').on(table.itemId, table.createdAt)]
);

export const approvalDecisionEnum = pgEnum('approval_decision', ['akkoord', 'bezwaar']);

/** One snapshot line of the agenda as a party agreed to it (shared with the browser). */
export type { AgendaSnapshotItem };

/**
 * A party's current word on a meeting's agenda. The fingerprint and snapshot are of the agenda
 * at that moment: a later change resets an akkoord (resetAt) and the difference shows what changed.
 * Earlier decisions live in the event log.
 */
export const agendaApprovals = pgTable(
	'agenda_approval',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id),
		party: partyEnum().notNull(),
		decision: approvalDecisionEnum().notNull(),
		reason: text(),
		/** The party's position per item id, optional. */
		itemPositions: jsonb().$type<Record<string, string>>().notNull().default({}),
		decidedBy: uuid()
			.notNull()
			.references(() => people.id),
		decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		agendaFingerprint: text().notNull(),
		agendaSnapshot: jsonb().$type<AgendaSnapshotItem[]>().notNull(),
		/** Set when the agenda changed after an akkoord: the party must look again. */
		resetAt: timestamp({ withTimezone: true })
	},
	(table) => [
		uniqueIndex('agenda_approval_key').on(table.meetingId, table.party),
		check(
			'agenda_approval_reason_for_bezwaar',
			sql`${table.decision} <> 'bezwaar' or ${table.reason} is not null`
		)
	]
);

export type AgendaItem = typeof agendaItems.$inferSelect;
export type AgendaItemRevision = typeof agendaItemRevisions.$inferSelect;
export type CoSponsor = typeof coSponsors.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type AgendaApproval = typeof agendaApprovals.$inferSelect;
