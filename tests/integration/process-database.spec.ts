import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/lib/server/config';
import {
	closeDatabase,
	databaseHandle,
	OuterHandleInTransactionError,
	readiness,
	transaction,
	useDb
} from '../../src/lib/server/db';
import { organisations } from '../../src/lib/server/db/schema';
import { listOrganisations } from '../../src/lib/server/organisations/queries';

/**
 * The process's own database, as the app opens it: the engine the environment chooses (PostgreSQL
 * in the CI run that sets DATABASE_URL), migrated and seeded on first use.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'oho-process-'));

beforeAll(() => {
	process.env.DATA_DIR = dataDir;
	resetConfig();
});
afterAll(async () => {
	// The PostgreSQL run shares its database with the e2e tests that follow: leave it as found.
	await (await useDb()).delete(organisations).where(eq(organisations.slug, 'tx-test'));
	await closeDatabase();
	rmSync(dataDir, { recursive: true, force: true });
	delete process.env.DATA_DIR;
	resetConfig();
});

describe('the process database', () => {
	it('starts migrated and seeded, and reports ready', async () => {
		const handle = await databaseHandle();
		expect(handle.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
		const state = await readiness();
		expect(state.ready).toBe(true);
		expect(state.migrations.applied).toBe(state.migrations.expected);
		const listed = await listOrganisations();
		expect(listed.slice(0, 4).map((org) => org.shortName)).toEqual(['Rijk', 'VNG', 'IPO', 'UvW']);
	});

	it('is opened once however many callers ask at the same time', async () => {
		const handles = await Promise.all([databaseHandle(), databaseHandle(), databaseHandle()]);
		expect(new Set(handles).size).toBe(1);
	});

	it('refuses the outer handle inside a transaction instead of deadlocking', async () => {
		await expect(
			transaction(async (tx) => {
				await tx.select().from(organisations).limit(1);
				await useDb();
			})
		).rejects.toBeInstanceOf(OuterHandleInTransactionError);
		// Outside the transaction the handle is there again.
		expect(await useDb()).toBeDefined();
	});

	it('commits what a transaction wrote through the transaction', async () => {
		const before = (await listOrganisations()).length;
		await transaction(async (tx) => {
			await tx.insert(organisations).values({
				slug: 'tx-test',
				name: 'Via transactie',
				shortName: 'TX',
				kind: 'koepel',
				party: 'uvw'
			});
		});
		expect(await listOrganisations()).toHaveLength(before + 1);
	});
});
