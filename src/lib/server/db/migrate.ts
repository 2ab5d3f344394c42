import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './database';

/** An arbitrary constant: the advisory lock that keeps two processes from migrating at once. */
const MIGRATION_LOCK_KEY = 4_207_221_005;

/** Applies every committed migration in `drizzle/` that this database has not seen yet. */
export async function migrateDatabase(
	handle: DatabaseHandle,
	migrationsFolder: string
): Promise<void> {
	const folder = resolve(migrationsFolder);
	if (handle.engine === 'pglite') {
		await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
		return;
	}
	// Several app processes may start together against one PostgreSQL server.
	await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
	try {
		await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
	} finally {
		await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
	}
}

/** How many migrations the committed journal holds. */
export function expectedMigrationCount(migrationsFolder: string): number {
	const journal = JSON.parse(
		readFileSync(join(resolve(migrationsFolder), 'meta', '_journal.json'), 'utf8')
	) as { entries: unknown[] };
	return journal.entries.length;
}

export interface MigrationState {
	applied: number;
	expected: number;
}

/** Counts applied migrations; 0 when the bookkeeping table does not exist yet. */
export async function migrationState(
	handle: DatabaseHandle,
	migrationsFolder: string
): Promise<MigrationState> {
	const expected = expectedMigrationCount(migrationsFolder);
	const exists = await handle.db.execute(
		sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`
	);
	if (!rows<{ present: boolean }>(exists)[0]?.present) return { applied: 0, expected };
	const result = await handle.db.execute(
		sql`select count(*)::int as count from drizzle.__drizzle_migrations`
	);
	return { applied: rows<{ count: number }>(result)[0]?.count ?? 0, expected };
}

/** postgres.js returns an array; PGlite returns `{ rows }`. */
export function rows<T>(result: unknown): T[] {
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}
