import { sql } from 'drizzle-orm';
import {
	check,
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
import { decisions } from './decisions';
import { people } from './identity';
import { meetings } from './meetings';
import { partyEnum, type Party } from './organisations';

/**
 * A meeting's besluitenlijst: concept (the secretariaat edits the decisions) → ter_verificatie
 * (the four parties check it until a closing date) → vastgesteld → gepubliceerd. A correction
 * after publication is a new published version; the decisions stay the working copy.
 */
export const decisionListStatusEnum = pgEnum('decision_list_status', [
	'concept',
	'ter_verificatie',
	'vastgesteld',
	'gepubliceerd'
]);
export const decisionListStatuses = decisionListStatusEnum.enumValues;
export type DecisionListStatus = (typeof decisionListStatuses)[number];

export const decisionLists = pgTable(
	'decision_list',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id),
		status: decisionListStatusEnum().notNull().default('concept'),
		/** Until when the parties verify (set when it goes ter verificatie). */
		verificationClosesAt: timestamp({ withTimezone: true }),
		adoptedAt: timestamp({ withTimezone: true }),
		adoptedBy: uuid().references(() => people.id),
		/** Parties that had not answered when the list was adopted after its closing date. */
		noResponseParties: partyEnum()
			.array()
			.$type<Party[]>()
			.notNull()
			.default(sql`'{}'`),
		/** The newest published version's number; 0 before the first publication. */
		publishedVersion: integer().notNull().default(0),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('decision_list_meeting_key').on(table.meetingId)]
);

export const verificationDecisionEnum = pgEnum('verification_decision', ['akkoord', 'correcties']);

/**
 * A party's current word on the besluitenlijst, with the list as it was then (its fingerprint
 * and snapshot): a later change resets an akkoord and shows the party what changed. The same
 * mechanism as the agenda's akkoord (src/lib/server/consent.ts).
 */
export const decisionListVerifications = pgTable(
	'decision_list_verification',
	{
		id: uuid().primaryKey().defaultRandom(),
		listId: uuid()
			.notNull()
			.references(() => decisionLists.id),
		party: partyEnum().notNull(),
		decision: verificationDecisionEnum().notNull(),
		decidedBy: uuid()
			.notNull()
			.references(() => people.id),
		decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		fingerprint: text().notNull(),
		snapshot: jsonb().$type<unknown>().notNull(),
		resetAt: timestamp({ withTimezone: true })
	},
	(table) => [uniqueIndex('decision_list_verification_key').on(table.listId, table.party)]
);

export const correctionStatusEnum = pgEnum('correction_status', [
	'voorgesteld',
	'overgenomen',
	'afgewezen'
]);

/** A party's proposed correction of one decision, and the secretariaat's answer to it. */
export const decisionCorrections = pgTable(
	'decision_correction',
	{
		id: uuid().primaryKey().defaultRandom(),
		listId: uuid()
			.notNull()
			.references(() => decisionLists.id),
		decisionId: uuid()
			.notNull()
			.references(() => decisions.id),
		party: partyEnum().notNull(),
		proposedBy: uuid()
			.notNull()
			.references(() => people.id),
		proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** The decision text as the party proposes it, numbered dicta as typed. */
		proposal: text().notNull(),
		reason: text().notNull(),
		status: correctionStatusEnum().notNull().default('voorgesteld'),
		answeredBy: uuid().references(() => people.id),
		answeredAt: timestamp({ withTimezone: true }),
		answerReason: text()
	},
	(table) => [
		index('decision_correction_list_idx').on(table.listId, table.proposedAt),
		check(
			'decision_correction_declined_reason',
			sql`${table.status} <> 'afgewezen' or ${table.answerReason} is not null`
		)
	]
);

/**
 * A published version of a besluitenlijst, exactly as the public reads it: the snapshot holds only
 * what was published (openbare items confirmed by the secretariaat). Never changed: the database
 * refuses an update or a delete (migration 0008); a correction is a new version with its reason.
 */
export const decisionListVersions = pgTable(
	'decision_list_version',
	{
		id: uuid().primaryKey().defaultRandom(),
		listId: uuid()
			.notNull()
			.references(() => decisionLists.id),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id),
		number: integer().notNull(),
		snapshot: jsonb().$type<unknown>().notNull(),
		/** For a correction: why (e.g. "correctie procedurele fout") and what changed. */
		reason: text(),
		reasonCode: text(),
		note: text(),
		publishedBy: uuid()
			.notNull()
			.references(() => people.id),
		publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('decision_list_version_key').on(table.listId, table.number),
		index('decision_list_version_published_idx').on(table.publishedAt)
	]
);

export type DecisionList = typeof decisionLists.$inferSelect;
export type DecisionListVerification = typeof decisionListVerifications.$inferSelect;
export type DecisionCorrection = typeof decisionCorrections.$inferSelect;
export type DecisionListVersion = typeof decisionListVersions.$inferSelect;
