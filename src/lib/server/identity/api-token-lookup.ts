import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import { secretMatches, splitToken } from '../auth/tokens';
import { preparedPerHandle, useDb } from '../db';
import { apiTokens, organisations, people } from '../db/schema';
import { isUuid } from '../kernel/ids';

/** What every API token starts with, before its id and secret. */
export const API_TOKEN_PREFIX = 'oho_';

/** The token with what a request needs of its person and organisation: before every API call. */
const tokenById = preparedPerHandle((db) =>
	db
		.select({
			token: {
				id: apiTokens.id,
				secretHash: apiTokens.secretHash,
				scope: apiTokens.scope,
				lastUsedAt: apiTokens.lastUsedAt
			},
			person: {
				id: people.id,
				name: people.name,
				role: people.role,
				disabledAt: people.disabledAt
			},
			organisation: { id: organisations.id, party: organisations.party }
		})
		.from(apiTokens)
		.innerJoin(people, eq(people.id, apiTokens.personId))
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(
			and(
				eq(apiTokens.id, sql.placeholder('id')),
				isNull(apiTokens.revokedAt),
				or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now')))
			)
		)
		.prepare('api_token_by_id')
);

/** The actor behind `Authorization: Bearer oho_…`, or null. Never more than the person may. */
export async function authenticateApiToken(token: string): Promise<Actor | null> {
	const parts = splitToken(token, API_TOKEN_PREFIX);
	// A well-formed uuid only: 36 hex digits without dashes passed a looser check and the
	// database, refusing them as a uuid, answered 500.
	if (!parts || !isUuid(parts.id)) return null;
	const db = await useDb();
	const now = new Date();
	// As text: a placeholder skips the column's encoder, and the postgres.js driver takes no Date.
	const [row] = await tokenById(db).execute({ id: parts.id, now: now.toISOString() });
	if (!row || !secretMatches(parts.secret, row.token.secretHash) || row.person.disabledAt)
		return null;
	if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
		await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
	}
	return {
		personId: row.person.id,
		name: row.person.name,
		organisationId: row.organisation.id,
		party: row.organisation.party,
		role: row.person.role,
		via: 'token',
		scope: row.token.scope
	};
}
