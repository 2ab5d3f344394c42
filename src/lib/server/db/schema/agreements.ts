import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { confidentialityEnum } from './agenda';
import { commitments, decisions } from './decisions';
import { people } from './identity';
import { meetings, tsvector } from './meetings';
import { organisations, partyEnum } from './organisations';

/**
 * Where an agreement stands, as people set it. Overdue ("verlopen"), a fallback in force and
 * "bekrachtigd" are never stored: they follow from the dates and the ratifications
 * (src/lib/server/agreements/status.ts, and the same rules as SQL in its queries.ts).
 */
export const agreementStatusEnum = pgEnum('agreement_status', [
	'open',
	'in_uitvoering',
	'afgerond',
	'vertraagd',
	'vervallen'
]);
export const agreementStatuses = agreementStatusEnum.enumValues;
export type AgreementStatus = (typeof agreementStatuses)[number];

/**
 * An agreement (afspraak) made at a meeting: from a decision or a toezegging of its besluitenlijst,
 * or written by the secretariaat. Vertrouwelijk unless it comes from a published openbaar decision:
 * who may read it is decided in src/lib/server/agreements/audience.ts.
 */
export const agreements = pgTable(
	'agreement',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id),
		decisionId: uuid().references(() => decisions.id),
		/** A toezegging is replaced when its decision is recorded again without it: the text stays here. */
		commitmentId: uuid().references(() => commitments.id, { onDelete: 'set null' }),
		title: text().notNull(),
		/** What is agreed, in Markdown. */
		body: text().notNull().default(''),
		/** A calendar day, Europe/Amsterdam: overdue once that day has ended there. */
		deadline: date({ mode: 'string' }).notNull(),
		/** The condition or fallback ("if there is no new cabinet by 1 April, then …"). */
		condition: text(),
		/** The day after which the fallback applies ("terugvaloptie van kracht"). */
		fallbackDate: date({ mode: 'string' }),
		status: agreementStatusEnum().notNull().default('open'),
		/** The new expected date of a vertraagd agreement: overdue is measured against it. */
		expectedDate: date({ mode: 'string' }),
		/** Why it lapsed (vervallen). */
		lapseReason: text(),
		/** When it was closed (afgerond or vervallen): "done this year" counts by it. */
		closedAt: timestamp({ withTimezone: true }),
		confidentiality: confidentialityEnum().notNull().default('vertrouwelijk'),
		version: integer().notNull().default(1),
		createdBy: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		search: tsvector().generatedAlwaysAs(
			(): ReturnType<typeof sql> =>
				sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(body, '')), 'B') || setweight(to_tsvector('dutch', coalesce(condition, '') || ' ' || coalesce(lapse_reason, '')), 'C')`
		)
	},
	(table) => [
		index('agreement_meeting_idx').on(table.meetingId),
		index('agreement_decision_idx').on(table.decisionId),
		index('agreement_deadline_idx').on(table.deadline),
		index('agreement_status_idx').on(table.status, table.deadline),
		// The day an open agreement is due (agreements/queries.ts dueDateSql, the same expression):
		// "verlopen" and "binnenkort" are a range of this index, not a test of every row.
		index('agreement_open_due_idx')
			.on(
				sql`(coalesce(case when ${table.status} = 'vertraagd' then ${table.expectedDate} end, ${table.deadline}))`
			)
			.where(sql`${table.status} not in ('afgerond', 'vervallen')`),
		index('agreement_search_idx').using('gin', table.search),
		check(
			'agreement_vertraagd_expected_date',
			sql`${table.status} <> 'vertraagd' or ${table.expectedDate} is not null`
		),
		check(
			'agreement_vervallen_reason',
			sql`(${table.status} = 'vervallen') = (${table.lapseReason} is not null)`
		),
		check(
			'agreement_closed_at',
			sql`(${table.status} in ('afgerond', 'vervallen')) = (${table.closedAt} is not null)`
		),
		check(
			'agreement_fallback_has_condition',
			sql`${table.fallbackDate} is null or ${table.condition} is not null`
		)
	]
);

/**
 * A responsible party (actiehouder): one of the four, optionally a ministry or koepel by name, and
 * the person to contact, who gets the reminders and finds it under "mine".
 */
export const agreementOwners = pgTable(
	'agreement_owner',
	{
		id: uuid().primaryKey().defaultRandom(),
		agreementId: uuid()
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		party: partyEnum().notNull(),
		organisationId: uuid().references(() => organisations.id),
		contactPersonId: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		unique('agreement_owner_key')
			.on(table.agreementId, table.party, table.organisationId)
			.nullsNotDistinct(),
		index('agreement_owner_party_idx').on(table.party, table.agreementId),
		index('agreement_owner_contact_idx').on(table.contactPersonId)
	]
);

export const agreementLinkKindEnum = pgEnum('agreement_link_kind', [
	'meeting',
	'bofv',
	'sectorale_tafel',
	'begrotingsmoment',
	'other'
]);
export const agreementLinkKinds = agreementLinkKindEnum.enumValues;
export type AgreementLinkKind = (typeof agreementLinkKinds)[number];

/**
 * Where an agreement was handed on to: a later agreement (so a chain can be followed both ways),
 * or a named destination (a meeting, the BOFv, a sectorale tafel, a budget moment such as the
 * Voorjaarsnota).
 */
export const agreementLinks = pgTable(
	'agreement_link',
	{
		id: uuid().primaryKey().defaultRandom(),
		fromAgreementId: uuid()
			.notNull()
			.references((): AnyPgColumn => agreements.id, { onDelete: 'cascade' }),
		toAgreementId: uuid().references((): AnyPgColumn => agreements.id, { onDelete: 'cascade' }),
		kind: agreementLinkKindEnum(),
		label: text(),
		meetingId: uuid().references(() => meetings.id),
		date: date({ mode: 'string' }),
		createdBy: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('agreement_link_from_idx').on(table.fromAgreementId),
		index('agreement_link_to_idx').on(table.toAgreementId),
		uniqueIndex('agreement_link_pair_key')
			.on(table.fromAgreementId, table.toAgreementId)
			.where(sql`${table.toAgreementId} is not null`),
		check(
			'agreement_link_target',
			sql`(${table.toAgreementId} is null) = (${table.kind} is not null and ${table.label} is not null)`
		),
		check('agreement_link_not_itself', sql`${table.fromAgreementId} <> ${table.toAgreementId}`)
	]
);

/** A progress report by a responsible party, for its own part. Never changed (migration 0009). */
export const agreementProgress = pgTable(
	'agreement_progress',
	{
		id: uuid().primaryKey().defaultRandom(),
		agreementId: uuid()
			.notNull()
			.references(() => agreements.id),
		party: partyEnum().notNull(),
		text: text().notNull(),
		percent: integer(),
		createdBy: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('agreement_progress_agreement_idx').on(table.agreementId, table.createdAt),
		check(
			'agreement_progress_percent',
			sql`${table.percent} is null or ${table.percent} between 0 and 100`
		)
	]
);

export const ratificationStateEnum = pgEnum('ratification_state', [
	'niet_nodig',
	'lopend',
	'goedgekeurd',
	'afgewezen'
]);
export const ratificationStates = ratificationStateEnum.enumValues;
export type RatificationState = (typeof ratificationStates)[number];

/**
 * A koepel's consultation of its members (ledenraadpleging) on an agreement: the koepels cannot
 * bind their members, so each records its own. One row per agreement and koepel, versioned.
 */
export const agreementRatifications = pgTable(
	'agreement_ratification',
	{
		id: uuid().primaryKey().defaultRandom(),
		agreementId: uuid()
			.notNull()
			.references(() => agreements.id),
		koepel: partyEnum().notNull(),
		state: ratificationStateEnum().notNull(),
		/** When the consultation closes (lopend). */
		closesOn: date({ mode: 'string' }),
		/** When the members decided (goedgekeurd or afgewezen). */
		decidedOn: date({ mode: 'string' }),
		ledenbriefUrl: text(),
		recordedBy: uuid()
			.notNull()
			.references(() => people.id),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('agreement_ratification_key').on(table.agreementId, table.koepel),
		// What waits for a koepel's members (the dashboards): the few lopend ones, by koepel.
		index('agreement_ratification_waiting_idx')
			.on(table.koepel, table.agreementId)
			.where(sql`${table.state} = 'lopend'`),
		check('agreement_ratification_koepel', sql`${table.koepel} <> 'rijk'`),
		check(
			'agreement_ratification_closes_on',
			sql`${table.state} <> 'lopend' or ${table.closesOn} is not null`
		),
		check(
			'agreement_ratification_decided_on',
			sql`${table.state} not in ('goedgekeurd', 'afgewezen') or ${table.decidedOn} is not null`
		)
	]
);

export type Agreement = typeof agreements.$inferSelect;
export type AgreementOwner = typeof agreementOwners.$inferSelect;
export type AgreementLink = typeof agreementLinks.$inferSelect;
export type AgreementProgress = typeof agreementProgress.$inferSelect;
export type AgreementRatification = typeof agreementRatifications.$inferSelect;
