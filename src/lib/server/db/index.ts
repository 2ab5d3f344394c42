import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from '../config';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';
import { openDatabase, type Database, type DatabaseHandle, type Transaction } from './database';
import { migrateDatabase, migrationState } from './migrate';
import { errorCodes } from './unavailable';
import { isEmpty, seedDatabase } from './seed';

export type { Database, DatabaseHandle, Executor, Transaction } from './database';
export { preparedPerHandle } from './database';

/**
 * The process's one database: embedded PGlite in DATA_DIR by default, PostgreSQL through
 * postgres.js when DATABASE_URL is set. Opened, migrated and (when empty) given its reference data
 * once; kept on globalThis so that the dev server's module reloads do not open a second PGlite on
 * one folder. Demo data and the demo-password guard are start-up work: ../startup.ts.
 */
const key = Symbol.for('overhedenoverleg.database');
type Holder = typeof globalThis & { [key]?: Promise<DatabaseHandle> };
const holder = globalThis as Holder;

async function start(): Promise<DatabaseHandle> {
	const cfg = config();
	const handle = await openDatabase(
		cfg.DATABASE_URL
			? { engine: 'postgres', url: cfg.DATABASE_URL, prepare: cfg.DATABASE_PREPARE === 'true' }
			: { engine: 'pglite', dataDir: cfg.DATA_DIR }
	);
	try {
		await migrateDatabase(handle, cfg.MIGRATIONS_DIR);
		// The organisations at the table are reference data, needed by every use of the database
		// (scripts and tests included), like the schema itself.
		if (await isEmpty(handle.db)) {
			const report = await seedDatabase(handle.db);
			logger.info(report, 'seeded the reference data');
		}
	} catch (error) {
		await handle.close().catch(() => {});
		throw error;
	}
	logger.info({ engine: handle.engine, location: handle.location }, 'database ready');
	onShutdown('database', closeDatabase);
	return handle;
}

/** The handle, opening it on first use. */
export function databaseHandle(): Promise<DatabaseHandle> {
	holder[key] ??= start().catch((error: unknown) => {
		holder[key] = undefined;
		throw error;
	});
	return holder[key];
}

/**
 * What a running `transaction()` collects: its last steps before COMMIT, and work to do once, and
 * only if, it commits.
 */
interface TransactionScope {
	beforeCommit: Array<() => Promise<void>>;
	afterCommit: Array<() => void>;
}
const insideTransaction = new AsyncLocalStorage<TransactionScope>();
/**
 * The scopes of the transactions `transaction()` has open, by their drizzle transaction: a
 * transaction is the app's only while it is in here, from BEGIN until its last step before COMMIT.
 */
const openScopes = new WeakMap<Transaction, TransactionScope>();

export class OuterHandleInTransactionError extends Error {
	constructor() {
		super(
			'useDb() was called inside a transaction: pass the transaction to the query instead. ' +
				'(On the embedded engine the outer handle waits for the transaction to end: a deadlock.)'
		);
		this.name = 'OuterHandleInTransactionError';
	}
}

/** A programming error: work that needs the app's transaction wrapper was given another one. */
export class NotAnAppTransactionError extends Error {
	constructor(what: string) {
		super(
			`${what} needs a running transaction of transaction() from $lib/server/db, not one of ` +
				'db.transaction() directly, a savepoint (tx.transaction()) or one that has ended: it ' +
				'does its work as the last step before COMMIT and publishes only after COMMIT.'
		);
		this.name = 'NotAnAppTransactionError';
	}
}

/** The database `withDatabase()` put in place of the process's own, for the work it runs. */
const databaseInUse = new AsyncLocalStorage<Database>();

/** The drizzle database of this process. Refuses inside `transaction()`: use the transaction. */
export async function useDb(): Promise<Database> {
	if (insideTransaction.getStore()) throw new OuterHandleInTransactionError();
	return databaseInUse.getStore() ?? (await databaseHandle()).db;
}

/**
 * Runs `work` with the verbs (useDb, transaction) on `db` instead of the process's database: how
 * the demo seed goes through the verbs on the handle it was given (db:seed's own, a test's).
 */
export function withDatabase<T>(db: Database, work: () => Promise<T>): Promise<T> {
	return databaseInUse.run(db, work);
}

/**
 * Runs `work` in one transaction. Code inside must use `tx`; reaching for the outer handle through
 * useDb() throws at once instead of hanging.
 */
export async function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
	return transactionOn(await useDb(), work);
}

/** `transaction()` on a database other than the process's own: tests and benchmarks open theirs. */
export async function transactionOn<T>(
	db: Database,
	work: (tx: Transaction) => Promise<T>
): Promise<T> {
	// A transaction inside another would commit on its own (or, embedded, wait for it forever).
	if (insideTransaction.getStore()) throw new OuterHandleInTransactionError();
	for (let attempt = 1; ; attempt++) {
		const scope: TransactionScope = { beforeCommit: [], afterCommit: [] };
		try {
			const result = await db.transaction((tx) =>
				insideTransaction.run(scope, () => runToCommit(tx, scope, work))
			);
			runAfterCommit(scope.afterCommit);
			return result;
		} catch (error) {
			// PostgreSQL broke a deadlock by rolling this transaction back: nothing of it happened,
			// so doing it again is safe. Rare: two writers locking the same rows in another order.
			if (attempt >= 3 || !errorCodes(error).includes('40P01')) throw error;
			logger.warn({ attempt }, 'transaction rolled back by a deadlock; trying again');
		}
	}
}

/** The work, then the last steps it asked for (in that order; one may ask for another). */
async function runToCommit<T>(
	tx: Transaction,
	scope: TransactionScope,
	work: (tx: Transaction) => Promise<T>
): Promise<T> {
	openScopes.set(tx, scope);
	try {
		const result = await work(tx);
		for (let step = 0; step < scope.beforeCommit.length; step++) await scope.beforeCommit[step]!();
		return result;
	} finally {
		// Synchronously after the last step: from here drizzle sends COMMIT (or ROLLBACK).
		openScopes.delete(tx);
	}
}

/** Throws NotAnAppTransactionError unless `tx` is a running transaction of `transaction()`. */
export function requireAppTransaction(tx: Transaction, what: string): void {
	if (!openScopes.has(tx)) throw new NotAnAppTransactionError(what);
}

/**
 * Runs `task` as a last step of `tx` (a transaction of `transaction()`): after its work, right
 * before COMMIT, never if the work fails. How the event log orders its events by commit while
 * holding its lock only for the insert and the commit (../events/index.ts).
 */
export function beforeCommit(
	tx: Transaction,
	task: () => Promise<void>,
	what = 'beforeCommit()'
): void {
	const scope = openScopes.get(tx);
	if (!scope) throw new NotAnAppTransactionError(what);
	scope.beforeCommit.push(task);
}

/**
 * Runs `task` once the surrounding `transaction()` has committed (never if it rolls back), or at
 * once outside one. How committed events reach the real-time layer, and ended sessions their
 * sockets: nothing is announced that did not happen.
 */
export function afterCommit(task: () => void): void {
	const scope = insideTransaction.getStore();
	if (scope) scope.afterCommit.push(task);
	else runAfterCommit([task]);
}

function runAfterCommit(tasks: Array<() => void>): void {
	for (const task of tasks) {
		try {
			task();
		} catch (error) {
			logger.error({ err: error }, 'after-commit task failed');
		}
	}
}

export async function closeDatabase(): Promise<void> {
	const pending = holder[key];
	holder[key] = undefined;
	if (!pending) return;
	const handle = await pending.catch(() => undefined);
	await handle?.close();
}

export interface Readiness {
	ready: boolean;
	engine: DatabaseHandle['engine'];
	migrations: { applied: number; expected: number };
}

/** Reachable and fully migrated: what /readyz reports. */
export async function readiness(): Promise<Readiness> {
	const handle = await databaseHandle();
	const state = await migrationState(handle, config().MIGRATIONS_DIR);
	return { ready: state.applied >= state.expected, engine: handle.engine, migrations: state };
}
