import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotAnAppTransactionError, transactionOn, type Transaction } from '../../src/lib/server/db';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { events } from '../../src/lib/server/db/schema';
import { appendEvents, queryAudit } from '../../src/lib/server/events';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from './databases';

/** drizzle wraps the driver's error; the database's own message is in `cause`. */
async function refusedAsAppendOnly(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught as Error & { cause?: Error }
	);
	expect(error).not.toBeNull();
	expect(`${error!.message} ${error!.cause?.message ?? ''}`).toMatch(/append-only/);
}

function logout(personId: string) {
	return {
		type: 'auth.logout.v1',
		subjectType: 'person',
		subjectId: personId,
		audience: { kind: 'audit' }
	} as const;
}

describe.each(enginesUnderTest())('the event log on %s', (engine) => {
	let test: TestDatabase;
	let firstId: number;

	beforeAll(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
		await transactionOn(test.handle.db, (tx) =>
			appendEvents(tx, { actor: null, requestId: 'req-1' }, [
				{
					type: 'auth.login_failed.v1',
					subjectType: 'email',
					subjectId: 'a@b.nl',
					audience: { kind: 'audit' },
					payload: { reason: 'unknown_account' }
				},
				{
					type: 'auth.logout.v1',
					subjectType: 'person',
					subjectId: 'p1',
					audience: { kind: 'audit' }
				}
			])
		);
		const [first] = await test.handle.db.select().from(events).orderBy(events.id).limit(1);
		firstId = first!.id;
	});
	afterAll(async () => {
		await test.drop();
	});

	it('appends with increasing ids, a time and the payload', async () => {
		const rows = await test.handle.db.select().from(events).orderBy(events.id);
		expect(rows).toHaveLength(2);
		expect(rows[1]!.id).toBeGreaterThan(rows[0]!.id);
		expect(rows[0]).toMatchObject({
			type: 'auth.login_failed.v1',
			requestId: 'req-1',
			payload: { reason: 'unknown_account' }
		});
		expect(rows[0]!.occurredAt).toBeInstanceOf(Date);
	});

	it('refuses UPDATE', async () => {
		await refusedAsAppendOnly(
			test.handle.db
				.update(events)
				.set({ type: 'auth.login_succeeded.v1' })
				.where(eq(events.id, firstId))
		);
		const [row] = await test.handle.db.select().from(events).where(eq(events.id, firstId));
		expect(row!.type).toBe('auth.login_failed.v1');
	});

	it('refuses DELETE', async () => {
		await refusedAsAppendOnly(test.handle.db.delete(events).where(eq(events.id, firstId)));
		expect(await test.handle.db.select().from(events)).toHaveLength(2);
	});

	it('refuses TRUNCATE', async () => {
		await refusedAsAppendOnly(test.handle.db.execute(sql`truncate table event`));
		expect(await test.handle.db.select().from(events)).toHaveLength(2);
	});

	it('an event written in a transaction that fails is not there', async () => {
		await expect(
			transactionOn(test.handle.db, async (tx) => {
				await appendEvents(tx, { actor: null }, [logout('p2')]);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await test.handle.db.select().from(events)).toHaveLength(2);
	});

	// Events are written as the wrapper's last step and published after its commit; a transaction
	// it did not open would never write them (or publish them before they committed).
	it('refuses to append outside the transaction wrapper', async () => {
		await expect(
			test.handle.db.transaction((tx) => appendEvents(tx, { actor: null }, [logout('p3')]))
		).rejects.toThrow(NotAnAppTransactionError);
		await expect(
			transactionOn(test.handle.db, (tx) =>
				tx.transaction((savepoint) => appendEvents(savepoint, { actor: null }, [logout('p4')]))
			)
		).rejects.toThrow(/appendEvents\(\) needs a running transaction of transaction\(\)/);
		let ended: Transaction | undefined;
		await transactionOn(test.handle.db, async (tx) => {
			ended = tx;
		});
		await expect(appendEvents(ended!, { actor: null }, [logout('p5')])).rejects.toThrow(
			NotAnAppTransactionError
		);
		expect(await test.handle.db.select().from(events)).toHaveLength(2);
	});

	it('filters the audit view by type prefix, person and page', async () => {
		expect(await queryAudit(test.handle.db, { type: 'auth.', limit: 10 })).toHaveLength(2);
		expect(await queryAudit(test.handle.db, { type: 'auth.logout.v1', limit: 10 })).toHaveLength(1);
		expect(
			await queryAudit(test.handle.db, {
				personId: '00000000-0000-4000-8000-000000000000',
				limit: 10
			})
		).toHaveLength(0);
		const newest = await queryAudit(test.handle.db, { limit: 1 });
		const older = await queryAudit(test.handle.db, { limit: 10, before: newest[0]!.id });
		expect(older.map((row) => row.id)).toEqual([firstId]);
	});
});

describe.each(enginesUnderTest())('a bulk import on %s', (engine) => {
	let test: TestDatabase;
	beforeAll(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
	});
	afterAll(async () => {
		await test.drop();
	});

	// More events than one INSERT has parameters for (65,535, nine an event), in one transaction.
	it('appends 12,000 events in one transaction, in the order appended', async () => {
		await transactionOn(test.handle.db, async (tx) => {
			for (let n = 0; n < 12_000; n++) await appendEvents(tx, { actor: null }, [logout(`p${n}`)]);
		});
		const rows = await test.handle.db
			.select({ subjectId: events.subjectId })
			.from(events)
			.orderBy(events.id);
		expect(rows).toHaveLength(12_000);
		expect(rows.every((row, n) => row.subjectId === `p${n}`)).toBe(true);
	});
});
