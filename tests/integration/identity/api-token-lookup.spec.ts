import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { apiTokens } from '../../../src/lib/server/db/schema';
import { authenticateApiToken, createApiToken } from '../../../src/lib/server/identity/account';
import { useProcessDatabase } from '../process-env';
import { countQueries } from '../query-count';
import { context, createPerson } from './fixtures';

useProcessDatabase();

/* The token lookup runs before every API call: one prepared statement, which checks the expiry. */

describe('an API token', () => {
	it('signs in until it expires, in one statement once it was used this minute', async () => {
		const { actor } = await createPerson('medewerker', 'uvw');
		const { token, id } = await createApiToken(
			actor,
			{ name: 'Koppeling', scope: 'read', expiresInDays: 30 },
			context
		);
		expect(await authenticateApiToken(token)).toMatchObject({
			personId: actor.personId,
			party: 'uvw',
			via: 'token',
			scope: 'read'
		});
		expect(await countQueries(() => authenticateApiToken(token))).toBe(1);
		const db = await useDb();
		await db
			.update(apiTokens)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(apiTokens.id, id));
		expect(await authenticateApiToken(token)).toBeNull();
	});
});
