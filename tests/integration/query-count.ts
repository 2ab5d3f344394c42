import { useDb } from '../../src/lib/server/db';

type Logger = { logQuery(...args: unknown[]): void };

/**
 * Counts the SQL statements a piece of work sends, through drizzle's logger hook (N+1 tests). The
 * hook is changed on the logger itself, not by giving the session another: a prepared statement
 * keeps the logger its session had when it was prepared, and must be counted too.
 */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
	const db = await useDb();
	const logger = (db as unknown as { session: { logger: Logger } }).session.logger;
	const original = Object.getOwnPropertyDescriptor(logger, 'logQuery');
	let count = 0;
	logger.logQuery = () => void count++;
	try {
		await work();
	} finally {
		if (original) Object.defineProperty(logger, 'logQuery', original);
		else delete (logger as Partial<Logger>).logQuery;
	}
	return count;
}
