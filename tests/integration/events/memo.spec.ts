import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionOn } from '../../../src/lib/server/db';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import { appendEvents } from '../../../src/lib/server/events';
import { memoUntilNextEvent, newestEventId } from '../../../src/lib/server/events/memo';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

/*
 * An answer kept until the event log moves on (events/memo.ts): asked again with no event in
 * between, it is not computed again; after an event, or under another key, it is; a failure is
 * not kept; and two databases (or processes) keep their own.
 */

describe.each(enginesUnderTest())('answers kept until the next event on %s', (engine) => {
	let test: TestDatabase;
	let other: TestDatabase;

	beforeAll(async () => {
		test = await freshDatabase(engine);
		other = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
		await migrateDatabase(other.handle, MIGRATIONS);
	});
	afterAll(async () => {
		await test?.drop();
		await other?.drop();
	});

	const logout = () =>
		transactionOn(test.handle.db, (tx) =>
			appendEvents(tx, { actor: null, requestId: 'memo' }, [
				{
					type: 'auth.logout.v1',
					subjectType: 'person',
					subjectId: '00000000-0000-4000-8000-000000000001',
					audience: { kind: 'audit' }
				}
			])
		);

	it('computes once until an event is committed, then again', async () => {
		const remembered = memoUntilNextEvent<number>();
		let computed = 0;
		const ask = (key = 'vng 2026-12-01') => remembered(test.handle.db, key, async () => ++computed);

		expect(await ask()).toBe(1);
		expect(await ask()).toBe(1);
		expect(await Promise.all([ask('ipo 2026-12-01'), ask('ipo 2026-12-01')])).toEqual([2, 2]);
		const before = await newestEventId(test.handle.db);
		await logout();
		expect(BigInt(await newestEventId(test.handle.db))).toBeGreaterThan(BigInt(before));
		expect(await ask()).toBe(3);
		expect(await ask()).toBe(3);
		// Another database has a log of its own.
		expect(await remembered(other.handle.db, 'vng 2026-12-01', async () => -1)).toBe(-1);
		expect(computed).toBe(3);
	});

	it('does not keep a failure, and forgets the least recently used past its limit', async () => {
		const remembered = memoUntilNextEvent<string>(2);
		let computed = 0;
		await expect(
			remembered(test.handle.db, 'a', async () => {
				throw new Error('de database is even weg');
			})
		).rejects.toThrow('de database is even weg');
		const ask = (key: string) => remembered(test.handle.db, key, async () => `${key}${++computed}`);
		expect(await ask('a')).toBe('a1');
		expect(await ask('b')).toBe('b2');
		expect(await ask('a')).toBe('a1');
		expect(await ask('c')).toBe('c3');
		// b was the least recently used of the three: computed again; a and c are kept.
		expect(await ask('b')).toBe('b4');
		expect(await ask('c')).toBe('c3');
	});
});
