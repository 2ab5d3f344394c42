import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDb, type Database } from '../../../src/lib/server/db';
import { openDatabase, type DatabaseHandle } from '../../../src/lib/server/db/database';
import { jobs } from '../../../src/lib/server/db/schema';
import { claimDue, complete } from '../../../src/lib/server/notifications/queue';
import { useProcessDatabase } from '../process-env';

/**
 * Several app processes on one PostgreSQL claim from one queue: each job goes to one of them only.
 * The embedded engine has one connection, on which claims cannot overlap at all, so this file is
 * in vite.config.ts's serverOnly list. Two handles of their own (two pools) stand for two processes.
 */
useProcessDatabase();

let other: DatabaseHandle;
beforeAll(async () => {
	await useDb(); // migrated
	other = await openDatabase({
		engine: 'postgres',
		url: process.env.DATABASE_URL!,
		maxConnections: 4
	});
});
afterAll(async () => {
	await other.close();
});

/** One process's worker: claims a few at a time, "sends" (a short wait), marks done. */
async function worker(db: Database, claimedBy: Map<number, number>, name: number) {
	for (;;) {
		const claimed = await claimDue(db, new Date(), 3);
		if (claimed.length === 0) return;
		for (const job of claimed) {
			claimedBy.set(job.id, (claimedBy.get(job.id) ?? 0) + 1);
			await new Promise((resolve) => setTimeout(resolve, 2));
			expect(await complete(db, job), `job ${job.id} by ${name}`).toBe(true);
		}
	}
}

describe('one queue, several processes', () => {
	it('four workers in two processes claim 120 jobs: each one once, all done', async () => {
		const db = await useDb();
		await db
			.insert(jobs)
			.values(Array.from({ length: 120 }, (_, n) => ({ kind: 'mail', payload: { n } })));
		const claimedBy = new Map<number, number>();
		await Promise.all([
			worker(db, claimedBy, 1),
			worker(db, claimedBy, 2),
			worker(other.db, claimedBy, 3),
			worker(other.db, claimedBy, 4)
		]);
		expect(claimedBy.size).toBe(120);
		expect([...claimedBy.values()].every((times) => times === 1)).toBe(true);
		const open = (await db.select().from(jobs)).filter((job) => job.doneAt === null);
		expect(open).toEqual([]);
	});
});
