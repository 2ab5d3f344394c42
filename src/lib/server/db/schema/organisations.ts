import { sql } from 'drizzle-orm';
import {
	check,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

/** The four parties at the table. Every ministry speaks for the Rijk. */
export const partyEnum = pgEnum('party', ['rijk', 'vng', 'ipo', 'uvw']);
export const parties = partyEnum.enumValues;
export type Party = (typeof parties)[number];

/**
 * What an organisation is: the Rijk as a party, a ministry (which speaks for the Rijk), one of
 * the three koepels, or the joint secretariat (the interbestuurlijk bureau, which speaks for no party).
 */
export const organisationKindEnum = pgEnum('organisation_kind', [
	'rijk',
	'ministerie',
	'koepel',
	'secretariaat'
]);
export type OrganisationKind = (typeof organisationKindEnum.enumValues)[number];

export const organisations = pgTable(
	'organisation',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Stable short key used in URLs and seeds, e.g. `vng` or `bzk`. */
		slug: text().notNull(),
		name: text().notNull(),
		shortName: text().notNull(),
		kind: organisationKindEnum().notNull(),
		/** The party this organisation speaks for; null only for the secretariat. */
		party: partyEnum(),
		/** TOOI URI (identifier.overheid.nl) where the organisation has one. */
		tooiUri: text(),
		website: text(),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('organisation_slug_key').on(table.slug),
		uniqueIndex('organisation_tooi_uri_key').on(table.tooiUri),
		check(
			'organisation_party_matches_kind',
			sql`(${table.kind} = 'secretariaat') = (${table.party} is null)`
		),
		check('organisation_slug_format', sql`${table.slug} ~ '^[a-z0-9][a-z0-9-]*$'`)
	]
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
