import { openDatabase, type DatabaseHandle, type Engine } from '../../src/lib/server/db/database';
import { createServerDatabase } from '../support/server-database';

export const MIGRATIONS = './drizzle';

/**
 * The engines under test: the embedded one always, PostgreSQL whenever DATABASE_URL is set. A
 * PostgreSQL that is configured but unreachable fails the tests; it never skips.
 * TEST_ENGINES=postgres narrows a run to PostgreSQL: .ci/run uses it for its second pass, having
 * run the embedded engine in the first.
 */
export function enginesUnderTest(): Engine[] {
	const all: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
	const wanted = process.env.TEST_ENGINES?.split(',').map((name) => name.trim());
	if (!wanted) return all;
	const unknown = wanted.filter((name) => name !== 'pglite' && name !== 'postgres');
	if (unknown.length > 0) throw new Error(`TEST_ENGINES: unknown engine ${unknown.join(', ')}`);
	if (wanted.includes('postgres') && !process.env.DATABASE_URL) {
		throw new Error('TEST_ENGINES names postgres, but DATABASE_URL is not set');
	}
	return all.filter((engine) => wanted.includes(engine));
}

export interface TestDatabase {
	handle: DatabaseHandle;
	url?: string;
	drop(): Promise<void>;
}

/** A new, empty database: in memory for PGlite, a freshly created database on the PostgreSQL server. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
	if (engine === 'pglite') {
		const handle = await openDatabase({ engine: 'pglite' });
		return { handle, drop: () => handle.close() };
	}
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) throw new Error('DATABASE_URL is required for PostgreSQL tests');
	const database = await createServerDatabase(serverUrl, 'test');
	const handle = await openDatabase({ engine: 'postgres', url: database.url, maxConnections: 4 });
	return {
		handle,
		url: database.url,
		drop: async () => {
			await handle.close();
			await database.drop();
		}
	};
}
