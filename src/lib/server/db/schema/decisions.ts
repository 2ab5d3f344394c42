import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda';
import { people } from './identity';
import { meetings } from './meetings';
import { partyEnum } from './organisations';

/**
 * What the meeting did with an item. `aangehouden` and `niet_behandeld` leave the item open: the
 * secretariaat carries it over (to a later meeting, or back to "nog te agenderen") before the
 * meeting is closed, so that nothing is dropped silently.
 */
export const decisionOutcomeEnum = pgEnum('decision_outcome', [
	'aangenomen',
	'aangenomen_met_wijziging',
	'aangehouden',
	'verworpen',
	'ter_kennisgeving_aangenomen',
	'niet_behandeld'
]);
export const decisionOutcomes = decisionOutcomeEnum.enumValues;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/**
 * One item's decision (besluit) in one meeting. The number and title are those of the agenda as
 * adopted, kept here: an item carried over to a later meeting keeps its line in this meeting's
 * besluitenlijst. Who may see it follows the item (its audience column); publication is a later,
 * separate act.
 */
export const decisions = pgTable(
	'decision',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id),
		/** The item's number on the adopted agenda (agendapuntKenmerk), and its title then. */
		agendaNumber: integer().notNull(),
		itemTitle: text().notNull(),
		outcome: decisionOutcomeEnum().notNull(),
		/** The numbered dicta ("1. … vast te stellen"), each without its number. */
		dicta: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** A short explanation (besluittoelichting). */
		explanation: text(),
		/** Agreed without discussion. */
		hamerstuk: boolean().notNull().default(false),
		/** The order in which items were dealt with: the besluitenlijst follows it. */
		dealtOrder: integer().notNull(),
		/** Set when the item was carried over: to a later meeting, or (null) to "nog te agenderen". */
		carriedOverAt: timestamp({ withTimezone: true }),
		carriedOverToMeetingId: uuid().references(() => meetings.id),
		carryOverReason: text(),
		recordedBy: uuid()
			.notNull()
			.references(() => people.id),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		version: integer().notNull().default(1)
	},
	(table) => [
		uniqueIndex('decision_item_key').on(table.meetingId, table.itemId),
		index('decision_meeting_idx').on(table.meetingId, table.dealtOrder),
		check(
			'decision_carry_over_reason',
			sql`${table.carriedOverAt} is null or ${table.carryOverReason} is not null`
		)
	]
);

/**
 * A commitment made at the table (toezegging): who, what, by when. The agreements register turns
 * them into afspraken; a stable id per commitment lets it refer to one.
 */
export const commitments = pgTable(
	'commitment',
	{
		id: uuid().primaryKey().defaultRandom(),
		decisionId: uuid()
			.notNull()
			.references(() => decisions.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		/** The party that committed itself, if it is one of the four. */
		party: partyEnum(),
		/** Who, as said at the table ("de minister van BZK"). */
		holder: text().notNull(),
		description: text().notNull(),
		/** By when, a calendar date (Europe/Amsterdam). */
		dueDate: date({ mode: 'string' })
	},
	(table) => [index('commitment_decision_idx').on(table.decisionId, table.position)]
);

export type Decision = typeof decisions.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
