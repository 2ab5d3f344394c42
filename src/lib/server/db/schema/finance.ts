import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { agendaItems, confidentialityEnum } from './agenda';
import { agreements } from './agreements';
import { decisions } from './decisions';
import { people } from './identity';
import { tsvector } from './meetings';
import { organisations, partyEnum } from './organisations';

/*
 * Financial arrangements (financiële arrangementen): the money that follows from the table, as a
 * ledger. An arrangement's schedule (amount per year) is never stored as a value that is updated:
 * every change is a `finance_entry` with its lines (a change per year, in cents), append-only in the
 * database (triggers in migration 0012). The schedule now is the sum of the lines; the schedule as
 * known at a moment is the sum of the lines known by then (`known_at`). Money is bigint cents.
 */

/** How the money reaches the decentral governments. */
export const financeInstrumentEnum = pgEnum('finance_instrument', [
	'algemene_uitkering_gemeentefonds',
	'algemene_uitkering_provinciefonds',
	'integratie_uitkering',
	'decentralisatie_uitkering',
	'bijzondere_fondsuitkering',
	'specifieke_uitkering',
	'regio_deal',
	'overig'
]);
export const financeInstruments = financeInstrumentEnum.enumValues;
export type FinanceInstrument = (typeof financeInstruments)[number];

/** The layer that receives the money. */
export const financeLayerEnum = pgEnum('finance_layer', [
	'gemeenten',
	'provincies',
	'waterschappen'
]);
export const financeLayers = financeLayerEnum.enumValues;
export type FinanceLayer = (typeof financeLayers)[number];

export const financeNatureEnum = pgEnum('finance_nature', ['structureel', 'incidenteel']);
export const financeNatures = financeNatureEnum.enumValues;
export type FinanceNature = (typeof financeNatures)[number];

/** voorgesteld → toegezegd → verwerkt (in a circular or a budget law) → uitbetaald; or vervallen. */
export const arrangementStatusEnum = pgEnum('arrangement_status', [
	'voorgesteld',
	'toegezegd',
	'verwerkt',
	'uitbetaald',
	'vervallen'
]);
export const arrangementStatuses = arrangementStatusEnum.enumValues;
export type ArrangementStatus = (typeof arrangementStatuses)[number];

export const budgetMomentKindEnum = pgEnum('budget_moment_kind', [
	'voorjaarsnota',
	'miljoenennota',
	'najaarsnota'
]);
export const budgetMomentKinds = budgetMomentKindEnum.enumValues;
export type BudgetMomentKind = (typeof budgetMomentKinds)[number];

export const circularKindEnum = pgEnum('circular_kind', ['mei', 'september', 'december']);
export const circularKinds = circularKindEnum.enumValues;
export type CircularKind = (typeof circularKinds)[number];

/**
 * A budget moment of the Rijk (the Voorjaarsnota, Miljoenennota or Najaarsnota of a year), with the
 * day it was sent to parliament: "as known at the Voorjaarsnota 2025" is as known at the end of that day.
 */
export const budgetMoments = pgTable(
	'budget_moment',
	{
		id: uuid().primaryKey().defaultRandom(),
		kind: budgetMomentKindEnum().notNull(),
		year: integer().notNull(),
		/** The calendar day (Europe/Amsterdam) it was published. */
		publishedOn: date({ mode: 'string' }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('budget_moment_kind_year_key').on(table.kind, table.year),
		check('budget_moment_year', sql`${table.year} between 2000 and 2100`)
	]
);

/** A fund circular (mei-, september- or decembercirculaire of a year) as entered when it appeared. */
export const circulars = pgTable(
	'circular',
	{
		id: uuid().primaryKey().defaultRandom(),
		kind: circularKindEnum().notNull(),
		year: integer().notNull(),
		publishedOn: date({ mode: 'string' }).notNull(),
		createdBy: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('circular_kind_year_key').on(table.kind, table.year),
		check('circular_year', sql`${table.year} between 2000 and 2100`)
	]
);

export const financialArrangements = pgTable(
	'financial_arrangement',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Shown as its kenmerk, FA-0001: what an imported circular table names it by. */
		number: integer().notNull().generatedAlwaysAsIdentity(),
		title: text().notNull(),
		description: text().notNull().default(''),
		instrument: financeInstrumentEnum().notNull(),
		layer: financeLayerEnum().notNull(),
		nature: financeNatureEnum().notNull(),
		status: arrangementStatusEnum().notNull().default('voorgesteld'),
		/** Where it was decided (Voorjaarsnota 2025 …) and the document that says so. */
		budgetMomentId: uuid().references(() => budgetMoments.id),
		sourceDocument: text(),
		/** Where it was processed (status verwerkt): a circular, or a budget law by name. */
		processedCircularId: uuid().references(() => circulars.id),
		processedBudgetLaw: text(),
		/** The circular it should appear in: flagged when that circular is out without it. */
		expectedCircularKind: circularKindEnum(),
		expectedCircularYear: integer(),
		/** What it comes from, each optional; the decision follows the agreement's when not given. */
		agreementId: uuid().references(() => agreements.id),
		decisionId: uuid().references(() => decisions.id),
		agendaItemId: uuid().references(() => agendaItems.id),
		/** A BFU that replaces a decentralisatie-uitkering, say. */
		replacesId: uuid().references((): AnyPgColumn => financialArrangements.id),
		lapseReason: text(),
		confidentiality: confidentialityEnum().notNull().default('vertrouwelijk'),
		/** How many ledger entries it has: a koepel's mark holds for one schedule version. */
		scheduleVersion: integer().notNull().default(0),
		version: integer().notNull().default(1),
		createdBy: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		search: tsvector().generatedAlwaysAs(
			(): ReturnType<typeof sql> =>
				sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(description, '')), 'B') || setweight(to_tsvector('dutch', coalesce(source_document, '') || ' ' || coalesce(processed_budget_law, '')), 'C')`
		)
	},
	(table) => [
		uniqueIndex('financial_arrangement_number_key').on(table.number),
		index('financial_arrangement_agreement_idx').on(table.agreementId),
		index('financial_arrangement_decision_idx').on(table.decisionId),
		index('financial_arrangement_item_idx').on(table.agendaItemId),
		index('financial_arrangement_kind_idx').on(table.layer, table.instrument),
		index('financial_arrangement_search_idx').using('gin', table.search),
		check(
			'financial_arrangement_expected_pair',
			sql`(${table.expectedCircularKind} is null) = (${table.expectedCircularYear} is null)`
		),
		check(
			'financial_arrangement_vervallen_reason',
			sql`(${table.status} = 'vervallen') = (${table.lapseReason} is not null)`
		),
		check(
			'financial_arrangement_processed_where',
			sql`${table.status} not in ('verwerkt', 'uitbetaald') or ${table.processedCircularId} is not null or ${table.processedBudgetLaw} is not null`
		),
		check('financial_arrangement_not_itself', sql`${table.replacesId} <> ${table.id}`)
	]
);

/** One change of a schedule: who, when, why. Never changed or removed (migration 0012). */
export const financeEntries = pgTable(
	'finance_entry',
	{
		id: uuid().primaryKey().defaultRandom(),
		arrangementId: uuid()
			.notNull()
			.references(() => financialArrangements.id),
		/** 1, 2, …: the schedule version this entry makes. */
		sequence: integer().notNull(),
		reason: text().notNull(),
		budgetMomentId: uuid().references(() => budgetMoments.id),
		/** Since when it is known: now, or earlier when history is entered afterwards. */
		knownAt: timestamp({ withTimezone: true }).notNull(),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		recordedBy: uuid()
			.notNull()
			.references(() => people.id),
		/** The entry this one corrects, if it is a correction. */
		correctsId: uuid().references((): AnyPgColumn => financeEntries.id)
	},
	(table) => [
		uniqueIndex('finance_entry_sequence_key').on(table.arrangementId, table.sequence),
		index('finance_entry_known_at_idx').on(table.knownAt)
	]
);

/**
 * A line of an entry: the change of one year's amount, in cents (negative for a cut). The
 * arrangement and the moment are copied from the entry (both never change) so that the totals
 * read one table.
 */
export const financeEntryLines = pgTable(
	'finance_entry_line',
	{
		entryId: uuid()
			.notNull()
			.references(() => financeEntries.id),
		arrangementId: uuid()
			.notNull()
			.references(() => financialArrangements.id),
		year: integer().notNull(),
		deltaCents: bigint({ mode: 'number' }).notNull(),
		knownAt: timestamp({ withTimezone: true }).notNull()
	},
	(table) => [
		primaryKey({ columns: [table.entryId, table.year] }),
		index('finance_entry_line_arrangement_idx').on(table.arrangementId, table.year),
		index('finance_entry_line_known_at_idx').on(table.knownAt),
		check('finance_entry_line_year', sql`${table.year} between 2000 and 2100`),
		check('finance_entry_line_change', sql`${table.deltaCents} <> 0`)
	]
);

/** What a circular actually processed for an arrangement and a year (entered again: replaced). */
export const circularAmounts = pgTable(
	'circular_amount',
	{
		circularId: uuid()
			.notNull()
			.references(() => circulars.id),
		arrangementId: uuid()
			.notNull()
			.references(() => financialArrangements.id),
		year: integer().notNull(),
		amountCents: bigint({ mode: 'number' }).notNull(),
		enteredBy: uuid()
			.notNull()
			.references(() => people.id),
		enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.circularId, table.arrangementId, table.year] }),
		index('circular_amount_arrangement_idx').on(table.arrangementId, table.year),
		check('circular_amount_year', sql`${table.year} between 2000 and 2100`)
	]
);

export const figureVerdictEnum = pgEnum('figure_verdict', ['eens', 'oneens']);
export type FigureVerdict = (typeof figureVerdictEnum.enumValues)[number];

/**
 * The receiving koepel's mark on the figures, for one schedule version: a new entry makes it stale
 * (it is shown only while its version is the arrangement's), as a new revision resets an akkoord.
 */
export const arrangementMarks = pgTable(
	'arrangement_mark',
	{
		arrangementId: uuid()
			.notNull()
			.references(() => financialArrangements.id),
		party: partyEnum().notNull(),
		scheduleVersion: integer().notNull(),
		verdict: figureVerdictEnum().notNull(),
		note: text(),
		personId: uuid()
			.notNull()
			.references(() => people.id),
		markedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.arrangementId, table.party] })]
);

export const arrangementComments = pgTable(
	'arrangement_comment',
	{
		id: uuid().primaryKey().defaultRandom(),
		arrangementId: uuid()
			.notNull()
			.references(() => financialArrangements.id),
		authorId: uuid()
			.notNull()
			.references(() => people.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id),
		body: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('arrangement_comment_arrangement_idx').on(table.arrangementId, table.createdAt)]
);

export const feasibilityStatusEnum = pgEnum('feasibility_status', [
	'niet_gestart',
	'lopend',
	'afgerond',
	'niet_van_toepassing'
]);
export const feasibilityStatuses = feasibilityStatusEnum.enumValues;
export type FeasibilityStatus = (typeof feasibilityStatuses)[number];

/**
 * A co-governance task (medebewindstaak), as the ROB's "Afrekenen met disbalans" asks to keep them:
 * the law it comes from, the layers that carry it, its funding (linked arrangements), its
 * agreements, and the uitvoerbaarheidstoets (UDO) of new policy for it.
 */
export const financeTasks = pgTable('finance_task', {
	id: uuid().primaryKey().defaultRandom(),
	name: text().notNull(),
	law: text().notNull(),
	layers: financeLayerEnum().array().notNull(),
	description: text().notNull().default(''),
	feasibilityStatus: feasibilityStatusEnum().notNull().default('niet_gestart'),
	feasibilityOutcome: text(),
	version: integer().notNull().default(1),
	createdBy: uuid()
		.notNull()
		.references(() => people.id),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export const financeTaskArrangements = pgTable(
	'finance_task_arrangement',
	{
		taskId: uuid()
			.notNull()
			.references(() => financeTasks.id, { onDelete: 'cascade' }),
		arrangementId: uuid()
			.notNull()
			.references(() => financialArrangements.id)
	},
	(table) => [
		primaryKey({ columns: [table.taskId, table.arrangementId] }),
		index('finance_task_arrangement_idx').on(table.arrangementId)
	]
);

export const financeTaskAgreements = pgTable(
	'finance_task_agreement',
	{
		taskId: uuid()
			.notNull()
			.references(() => financeTasks.id, { onDelete: 'cascade' }),
		agreementId: uuid()
			.notNull()
			.references(() => agreements.id)
	},
	(table) => [primaryKey({ columns: [table.taskId, table.agreementId] })]
);

/**
 * What a koepel reports a task needs in a year, with its source. Append-only: the newest report per
 * task, party and year counts, the earlier ones stay as history.
 */
export const financeTaskNeeds = pgTable(
	'finance_task_need',
	{
		id: uuid().primaryKey().defaultRandom(),
		taskId: uuid()
			.notNull()
			.references(() => financeTasks.id, { onDelete: 'cascade' }),
		party: partyEnum().notNull(),
		year: integer().notNull(),
		amountCents: bigint({ mode: 'number' }).notNull(),
		source: text().notNull(),
		reportedBy: uuid()
			.notNull()
			.references(() => people.id),
		reportedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('finance_task_need_idx').on(table.taskId, table.party, table.year, table.reportedAt),
		check('finance_task_need_year', sql`${table.year} between 2000 and 2100`)
	]
);

export type FinancialArrangement = typeof financialArrangements.$inferSelect;
export type FinanceEntry = typeof financeEntries.$inferSelect;
export type FinanceTask = typeof financeTasks.$inferSelect;
export type Circular = typeof circulars.$inferSelect;
export type BudgetMoment = typeof budgetMoments.$inferSelect;
