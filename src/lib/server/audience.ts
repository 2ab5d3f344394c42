import { is, Placeholder, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Party } from './db/schema/organisations';

/*
 * Who may see what, written once (HOUSE.md, "Audiences"). An audience is stored, delivered and
 * checked as a set of keys: an event's `audience` column, an agenda item's generated `audience`
 * column, the socket.io rooms a socket joins, the replay's SQL filter and the gate's check all
 * speak these keys. A principal (a signed-in actor, or nobody) holds keys; it may see what shares
 * at least one key with it. An empty set is audit-only: no principal holds it; beheerders read it
 * through the audit page, which shows what happened, never what a hidden subject says.
 */

/** The kinds of audience the platform can express. */
export type Audience =
	| { kind: 'person'; personId: string }
	| { kind: 'organisation'; organisationId: string }
	/** One party: all its organisations (the Rijk is many ministries). */
	| { kind: 'party'; party: Party }
	| { kind: 'parties'; parties: readonly Party[] }
	| { kind: 'meeting'; meetingId: string }
	| { kind: 'table' }
	| { kind: 'public' }
	| { kind: 'audit' };

export const audiences = {
	person: (personId: string): Audience => ({ kind: 'person', personId }),
	organisation: (organisationId: string): Audience => ({ kind: 'organisation', organisationId }),
	party: (party: Party): Audience => ({ kind: 'party', party }),
	parties: (parties: readonly Party[]): Audience => ({ kind: 'parties', parties }),
	meeting: (meetingId: string): Audience => ({ kind: 'meeting', meetingId }),
	table: { kind: 'table' } as Audience,
	public: { kind: 'public' } as Audience,
	audit: { kind: 'audit' } as Audience
};

/** The key texts. The agenda item's generated column (schema/agenda.ts) writes the same. */
export const audienceKey = {
	person: (id: string) => `person:${id}`,
	organisation: (id: string) => `organisation:${id}`,
	party: (party: Party) => `party:${party}`,
	table: 'table',
	public: 'public'
} as const;

/** A stored audience: its keys. */
export type AudienceKeys = readonly string[];

export function audienceKeys(audience: Audience): string[] {
	switch (audience.kind) {
		case 'person':
			return [audienceKey.person(audience.personId)];
		case 'organisation':
			return [audienceKey.organisation(audience.organisationId)];
		case 'party':
			return [audienceKey.party(audience.party)];
		case 'parties':
			return [...new Set(audience.parties)].map(audienceKey.party);
		case 'meeting':
			// Every role at the table reads every meeting (the gate's meeting.read), so a meeting's
			// participants are the table. When a meeting gets a closed list of participants, this
			// becomes a key of its own and principals hold the keys of their meetings.
			return [audienceKey.table];
		case 'table':
			return [audienceKey.table];
		case 'public':
			return [audienceKey.public];
		case 'audit':
			return [];
	}
}

/** Who is looking: a signed-in person (with their organisation and party), or nobody. */
export interface Principal {
	personId: string;
	organisationId: string;
	party: Party | null;
}

/** The keys a principal holds; anyone, signed in or not, holds `public`. */
export function principalKeys(principal: Principal | null): string[] {
	if (!principal) return [audienceKey.public];
	const keys = [
		audienceKey.public,
		audienceKey.table,
		audienceKey.person(principal.personId),
		audienceKey.organisation(principal.organisationId)
	];
	if (principal.party) keys.push(audienceKey.party(principal.party));
	return keys;
}

/** May this principal see something with these keys (or this audience)? */
export function canSee(principal: Principal | null, audience: Audience | AudienceKeys): boolean {
	const keys = isKeys(audience) ? audience : audienceKeys(audience);
	if (keys.length === 0) return false;
	const held = principalKeys(principal);
	return keys.some((key) => held.includes(key));
}

/**
 * The same rule as SQL, for lists and the replay: rows whose audience column the principal sees.
 * The held keys are one parameter, so that a prepared statement can pass a placeholder instead of
 * the principal, filled with principalKeys(principal) each time it runs.
 */
export function visibleToPrincipal(
	column: AnyPgColumn,
	principal: Principal | null | Placeholder
): SQL {
	const held = is(principal, Placeholder)
		? principal
		: sql.param(principalKeys(principal as Principal | null));
	return sql`${column} && ${held}::text[]`;
}

function isKeys(value: Audience | AudienceKeys): value is AudienceKeys {
	return Array.isArray(value);
}
