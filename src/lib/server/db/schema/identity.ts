import { sql } from 'drizzle-orm';
import {
	boolean,
	customType,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/** Binary data as Uint8Array on both engines. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value)
});

/** What a person may do at the table; see docs/permissions.md. */
export const roleEnum = pgEnum('role', ['medewerker', 'bestuurder', 'secretariaat', 'beheerder']);
export const roles = roleEnum.enumValues;
export type Role = (typeof roles)[number];

export const people = pgTable(
	'person',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Stored as given; unique case-insensitively (see the index). */
		email: text().notNull(),
		name: text().notNull(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id),
		role: roleEnum().notNull(),
		passwordHash: text(),
		passwordChangedAt: timestamp({ withTimezone: true }),
		/** TOTP secret (RFC 6238); set once enrolment is confirmed with a valid code. */
		totpKey: bytea(),
		totpEnabledAt: timestamp({ withTimezone: true }),
		/** The last TOTP time step accepted, so a code cannot be used twice. */
		totpLastStep: integer(),
		disabledAt: timestamp({ withTimezone: true }),
		lastLoginAt: timestamp({ withTimezone: true }),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('person_email_key').on(sql`lower(${table.email})`),
		index('person_organisation_idx').on(table.organisationId)
	]
);

export const sessions = pgTable(
	'session',
	{
		/** The public half of the token `<id>.<secret>`. */
		id: text().primaryKey(),
		/** SHA-256 of the secret half, hex, compared in constant time. The secret is never stored. */
		secretHash: text().notNull(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Sliding: moves forward while the person is active. */
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		/** Fixed at creation: the session ends then whatever the activity. */
		absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
		/** False between the password and the second step. */
		twoFactorVerified: boolean().notNull().default(false),
		userAgent: text(),
		ipAddress: text()
	},
	(table) => [index('session_person_idx').on(table.personId)]
);

export const invitations = pgTable(
	'invitation',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** SHA-256 of the secret half of the link token `<id>.<secret>`. */
		secretHash: text().notNull(),
		email: text().notNull(),
		organisationId: uuid()
			.notNull()
			.references(() => organisations.id),
		role: roleEnum().notNull(),
		invitedBy: uuid()
			.notNull()
			.references(() => people.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		acceptedAt: timestamp({ withTimezone: true }),
		acceptedPersonId: uuid().references(() => people.id),
		revokedAt: timestamp({ withTimezone: true })
	},
	(table) => [index('invitation_email_idx').on(sql`lower(${table.email})`)]
);

export const recoveryCodes = pgTable(
	'recovery_code',
	{
		id: uuid().primaryKey().defaultRandom(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		codeHash: text().notNull(),
		usedAt: timestamp({ withTimezone: true })
	},
	(table) => [index('recovery_code_person_idx').on(table.personId)]
);

export const apiTokenScopeEnum = pgEnum('api_token_scope', ['read', 'write']);

export const apiTokens = pgTable(
	'api_token',
	{
		id: uuid().primaryKey().defaultRandom(),
		personId: uuid()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		/** SHA-256 of the secret half of `oho_<id>.<secret>`; the token is shown once. */
		secretHash: text().notNull(),
		/** The first characters, to recognise a token in a list. */
		prefix: text().notNull(),
		scope: apiTokenScopeEnum().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }),
		lastUsedAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true })
	},
	(table) => [index('api_token_person_idx').on(table.personId)]
);

export type Person = typeof people.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
