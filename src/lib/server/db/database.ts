import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import { acquireDataDirLock, releaseDataDirLock } from './lock';

export type Schema = typeof schema;
/** The one database type the app sees, whichever engine runs underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
	PgQueryResultHKT,
	Schema,
	ExtractTablesWithRelations<Schema>
>;
/** Either the database or a transaction: what a query helper may run on. */
export type Executor = Database | Transaction;

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Database;
	engine: Engine;
	/** Where it lives, safe to log (no password). */
	location: string;
	close(): Promise<void>;
}

export type OpenOptions =
	| { engine: 'postgres'; url: string; maxConnections?: number; prepare?: boolean }
	/** dataDir undefined means an in-memory database (tests). */
	| { engine: 'pglite'; dataDir?: string };

const drizzleOptions = { schema, casing: 'snake_case' } as const;

/** Opens a database on either engine. It does not migrate; see migrate.ts. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.engine === 'postgres') {
		const client = postgres(options.url, {
			max: options.maxConnections ?? 10,
			onnotice: () => {},
			connection: { application_name: 'overhedenoverleg', TimeZone: 'UTC' }
		});
		const db = drizzlePostgres({
			client: options.prepare === false ? client : preparingClient(client),
			...drizzleOptions
		}) as unknown as Database;
		return {
			db,
			engine: 'postgres',
			location: redactUrl(options.url),
			close: () => client.end({ timeout: 5 })
		};
	}

	const { dataDir } = options;
	if (dataDir) acquireDataDirLock(dataDir);
	try {
		const client = await PGlite.create(dataDir ?? 'memory://');
		await client.exec(`set time zone 'UTC'`);
		const db = drizzlePglite({ client, ...drizzleOptions }) as unknown as Database;
		return {
			db,
			engine: 'pglite',
			location: dataDir ?? 'memory://',
			close: async () => {
				await client.close();
				if (dataDir) releaseDataDirLock(dataDir);
			}
		};
	} catch (error) {
		if (dataDir) releaseDataDirLock(dataDir);
		throw error;
	}
}

/**
 * The postgres.js client with every statement drizzle sends outside a transaction prepared.
 * drizzle asks postgres.js to prepare only statements it was given a name for, but postgres.js
 * prepares its own queries by default and keeps one prepared statement per query text and
 * connection; so a query built anew per request (the register's filters) is planned once per
 * connection, not on every request. Planning was about half of the register's database time
 * (bench:agreements). The query texts are the app's own (values are parameters), so the number
 * of statements stays bounded; postgres.js drops them with the connection.
 */
function preparingClient(client: postgres.Sql): postgres.Sql {
	const unsafe: postgres.Sql['unsafe'] = (query, parameters, queryOptions) =>
		client.unsafe(query, parameters, { ...queryOptions, prepare: true });
	return new Proxy(client, {
		get: (target, property, receiver) =>
			property === 'unsafe' ? unsafe : Reflect.get(target, property, receiver)
	});
}

/**
 * A statement built and prepared once per database handle, for the queries of every request (the
 * session, the meeting page): drizzle then no longer writes their SQL text per request, and
 * postgres.js keeps them prepared on the server. A prepared statement belongs to the client of the
 * handle it was made on, and a process may open several handles one after another (tests do), so
 * each handle gets its own; outside a transaction only, as a transaction has a client of its own.
 */
export function preparedPerHandle<T>(prepare: (db: Database) => T): (db: Database) => T {
	const byHandle = new WeakMap<Database, T>();
	return (db) => {
		let statement = byHandle.get(db);
		if (statement === undefined) {
			statement = prepare(db);
			byHandle.set(db, statement);
		}
		return statement;
	};
}

export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(invalid url)';
	}
}
