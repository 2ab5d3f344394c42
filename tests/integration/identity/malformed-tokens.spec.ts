import { describe, expect, it } from 'vitest';
import { authenticateApiToken } from '../../../src/lib/server/identity/account';
import { getInvitation } from '../../../src/lib/server/identity/invitations';
import { useProcessDatabase } from '../process-env';

useProcessDatabase();

/**
 * A token's id part that looks like a uuid to a loose check (36 hex digits and dashes in any
 * order) but is none: the database refused it as a uuid and the request answered 500. Now it is
 * simply not a token.
 */
const almostUuids = ['f'.repeat(36), '-'.repeat(36), `${'f'.repeat(35)}-`];

describe('tokens whose id is no uuid', () => {
	it('are no API token (and no 500)', async () => {
		for (const id of almostUuids)
			expect(await authenticateApiToken(`oho_${id}.abc`), id).toBeNull();
	});

	it('are no invitation (and no 500)', async () => {
		for (const id of almostUuids) expect(await getInvitation(`${id}.abc`), id).toBeNull();
	});
});
