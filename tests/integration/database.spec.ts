import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationState, rows } from '../../src/lib/server/db/migrate';
import { organisations } from '../../src/lib/server/db/schema';
import { seedDatabase } from '../../src/lib/server/db/seed';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from './databases';

describe.each(enginesUnderTest())('database on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
	});
	afterEach(async () => {
		await test.drop();
	});

	it('migrates an empty database to the committed schema', async () => {
		expect(await migrationState(test.handle, MIGRATIONS)).toMatchObject({ applied: 0 });
		await migrateDatabase(test.handle, MIGRATIONS);
		const state = await migrationState(test.handle, MIGRATIONS);
		expect(state.expected).toBeGreaterThan(0);
		expect(state.applied).toBe(state.expected);
		const tables = rows<{ name: string }>(
			await test.handle.db.execute(
				sql`select table_name as name from information_schema.tables where table_schema = 'public'`
			)
		).map((row) => row.name);
		expect(tables).toContain('organisation');
	});

	it('migrating again changes nothing', async () => {
		await migrateDatabase(test.handle, MIGRATIONS);
		await migrateDatabase(test.handle, MIGRATIONS);
		const state = await migrationState(test.handle, MIGRATIONS);
		expect(state.applied).toBe(state.expected);
	});

	it('round-trips rows, including time zones and the version column', async () => {
		await migrateDatabase(test.handle, MIGRATIONS);
		const when = new Date('2026-03-20T09:30:00+01:00');
		const [inserted] = await test.handle.db
			.insert(organisations)
			.values({
				slug: 'nr-test',
				name: 'Testorganisatie',
				shortName: 'Test',
				kind: 'koepel',
				party: 'vng',
				createdAt: when
			})
			.returning();
		expect(inserted?.version).toBe(1);
		const [read] = await test.handle.db
			.select()
			.from(organisations)
			.where(eq(organisations.slug, 'nr-test'));
		expect(read?.name).toBe('Testorganisatie');
		expect(read?.party).toBe('vng');
		expect(read?.createdAt.toISOString()).toBe('2026-03-20T08:30:00.000Z');
		await test.handle.db
			.update(organisations)
			.set({ name: 'Hernoemd', version: sql`${organisations.version} + 1` })
			.where(eq(organisations.slug, 'nr-test'));
		const [updated] = await test.handle.db
			.select()
			.from(organisations)
			.where(eq(organisations.slug, 'nr-test'));
		expect(updated).toMatchObject({ name: 'Hernoemd', version: 2 });
	});

	it('seeds the four parties, the secretariat and the ministries, idempotently', async () => {
		await migrateDatabase(test.handle, MIGRATIONS);
		const first = await seedDatabase(test.handle.db);
		expect(first.organisationsAdded).toBeGreaterThanOrEqual(8);
		// A beheerder's edit survives a second seed.
		await test.handle.db
			.update(organisations)
			.set({ website: 'https://example.nl' })
			.where(eq(organisations.slug, 'vng'));
		const second = await seedDatabase(test.handle.db);
		expect(second.organisationsAdded).toBe(0);

		const all = await test.handle.db.select().from(organisations);
		expect(all).toHaveLength(first.organisationsAdded);
		const bySlug = new Map(all.map((org) => [org.slug, org]));
		expect(bySlug.get('vng')).toMatchObject({
			party: 'vng',
			kind: 'koepel',
			website: 'https://example.nl'
		});
		expect(bySlug.get('ipo')?.party).toBe('ipo');
		expect(bySlug.get('uvw')?.party).toBe('uvw');
		expect(bySlug.get('secretariaat')?.party).toBeNull();
		expect(bySlug.get('bzk')).toMatchObject({
			party: 'rijk',
			kind: 'ministerie',
			tooiUri: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034'
		});
		expect(bySlug.get('fin')?.tooiUri).toBe(
			'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090'
		);
	});

	it('refuses an organisation whose party does not fit its kind', async () => {
		await migrateDatabase(test.handle, MIGRATIONS);
		await expect(
			test.handle.db
				.insert(organisations)
				.values({ slug: 'x', name: 'X', shortName: 'X', kind: 'secretariaat', party: 'rijk' })
		).rejects.toThrow();
		await expect(
			test.handle.db
				.insert(organisations)
				.values({ slug: 'Bad Slug', name: 'X', shortName: 'X', kind: 'koepel', party: 'vng' })
		).rejects.toThrow();
		expect(await test.handle.db.select().from(organisations)).toHaveLength(0);
	});

	it('rolls a failed transaction back whole', async () => {
		await migrateDatabase(test.handle, MIGRATIONS);
		await expect(
			test.handle.db.transaction(async (tx) => {
				await tx
					.insert(organisations)
					.values({ slug: 'half', name: 'Half', shortName: 'H', kind: 'koepel', party: 'ipo' });
				await tx
					.insert(organisations)
					.values({ slug: 'half', name: 'Dubbel', shortName: 'D', kind: 'koepel', party: 'ipo' });
			})
		).rejects.toThrow();
		expect(await test.handle.db.select().from(organisations)).toHaveLength(0);
	});
});

// Registered only when PostgreSQL is under test (DATABASE_URL set), so no run reports a skip.
if (enginesUnderTest().includes('postgres'))
	describe('migrations on PostgreSQL', () => {
		it('two processes starting together migrate once, without conflict', async () => {
			const test = await freshDatabase('postgres');
			const { openDatabase } = await import('../../src/lib/server/db/database');
			const other = await openDatabase({ engine: 'postgres', url: test.url!, maxConnections: 2 });
			try {
				await Promise.all([
					migrateDatabase(test.handle, MIGRATIONS),
					migrateDatabase(other, MIGRATIONS)
				]);
				const state = await migrationState(test.handle, MIGRATIONS);
				expect(state.applied).toBe(state.expected);
			} finally {
				await other.close();
				await test.drop();
			}
		});
	});
