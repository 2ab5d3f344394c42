import { useDb } from '../../src/lib/server/db';

/** Counts the SQL statements a piece of work sends, through drizzle's logger hook (N+1 tests). */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
	const db = await useDb();
	const session = (db as unknown as { session: { logger: { logQuery(): void } } }).session;
	const original = session.logger;
	let count = 0;
	session.logger = { logQuery: () => void count++ };
	try {
		await work();
	} finally {
		session.logger = original;
	}
	return count;
}
