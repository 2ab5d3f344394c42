import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import { jobs } from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { demoAgreementId as cid } from '../../../src/lib/server/agreements/demo';
import { registerRows } from '../../../src/lib/server/agreements/queries';
import { addDays } from '../../../src/lib/server/notifications/agreement-schedule';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';
import { plannedReminders } from './reminders-support';

/**
 * The demo's agreements come with their reminder jobs, as the verbs would have planned them: the
 * ones ahead, none of the past's (a first start sends no flood of old reminders), none for a
 * closed agreement, and a second seed adds none.
 */
describe.each(enginesUnderTest())('the demo agreements’ reminders on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
	});
	afterEach(async () => {
		await test.drop();
	});

	it('the open ones have theirs ahead, at 08:00; the overdue and closed ones none; nothing is due now', async () => {
		const { db } = test.handle;
		const now = Date.now();
		await seedDatabase(db, { demo: true });
		const planned = new Map<number, Awaited<ReturnType<typeof plannedReminders>>>();
		for (const n of [1, 2, 3, 4, 5, 6, 7]) planned.set(n, await plannedReminders(cid(n), db));
		const kinds = (n: number) => planned.get(n)!.map((job) => job.reminder);
		// 1, 4 afgerond and 7 vervallen; 2 overdue since 12 days: its reminders are all of the past.
		for (const n of [1, 2, 4, 7]) expect(kinds(n), `agreement ${n}`).toEqual([]);
		expect(kinds(3)).toEqual(['days_14', 'days_3', 'overdue']);
		expect(kinds(6)).toEqual(['days_14', 'days_3', 'overdue']);
		// Vertraagd, with VNG's members consulted until 14 days from now (before the 14-day one).
		expect(kinds(5)).toEqual(['ratification', 'days_14', 'days_3', 'overdue']);

		const rows = new Map((await registerRows(db, [3, 5, 6].map(cid))).map((row) => [row.id, row]));
		for (const n of [3, 5, 6]) {
			const due = rows.get(cid(n))!.dueDate;
			const deadlineOnes = planned.get(n)!.filter((job) => job.reminder !== 'ratification');
			expect(deadlineOnes.map((job) => job.at)).toEqual([
				`${addDays(due, -14)} 08:00`,
				`${addDays(due, -3)} 08:00`,
				`${addDays(due, 1)} 08:00`
			]);
		}
		const all = [...planned.values()].flat();
		expect(all.every((job) => Date.parse(job.utc) > now)).toBe(true);

		await seedDatabase(db, { demo: true });
		expect(
			(await db.select().from(jobs)).filter((job) => job.kind === 'agreement_reminder')
		).toHaveLength(all.length);
	});
});
