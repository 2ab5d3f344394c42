import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import { agreements, agreementStatuses } from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { agreementChain } from '../../../src/lib/server/agreements';
import { audienceOf } from '../../../src/lib/server/agreements/audience';
import { demoAgreementId as cid } from '../../../src/lib/server/agreements/demo';
import { registerRows } from '../../../src/lib/server/agreements/queries';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

const reader = { personId: 'demo-reader', organisationId: 'demo-org', party: 'ipo' as const };

describe.each(enginesUnderTest())('the demo agreements on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
	});
	afterEach(async () => {
		await test.drop();
	});

	it('has every status, one overdue, a chain to the Voorjaarsnota, a fallback in force, VNG consulting and IPO rejecting', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const ids = [1, 2, 3, 4, 5, 6, 7].map(cid);
		const rows = await registerRows(db, ids);
		expect(rows).toHaveLength(7);
		expect(new Set(rows.map((row) => row.status))).toEqual(new Set(agreementStatuses));
		const byId = new Map(rows.map((row) => [row.id, row]));
		expect(rows.filter((row) => row.overdue).map((row) => row.id)).toEqual([cid(2)]);
		expect(byId.get(cid(1))!.ratification).toBe('bekrachtigd');
		expect(byId.get(cid(5))).toMatchObject({
			status: 'vertraagd',
			fallbackInForce: true,
			ratification: 'lopend',
			overdue: false
		});
		expect(byId.get(cid(6))!.ratification).toBe('afgewezen');
		expect(byId.get(cid(6))!.owners.map((o) => o.party)).toContain('ipo');

		// Overhedenoverleg → BOFv → Voorjaarsnota, followed from the BOFv's agreement both ways.
		const chain = await agreementChain(db, reader, cid(5));
		expect(chain.map((node) => [node.id, node.depth, node.meetingKind])).toEqual([
			[cid(4), -1, 'overhedenoverleg'],
			[cid(5), 0, 'bofv']
		]);
		expect(chain[1]!.links).toEqual([
			expect.objectContaining({
				kind: 'begrotingsmoment',
				label: expect.stringMatching(/^Voorjaarsnota 20\d\d$/)
			})
		]);

		// Openbaar from the published list: the public's too; the vertrouwelijk item's stays at the table.
		const stored = await db.select().from(agreements);
		const publicOnes = [];
		for (const row of stored)
			if ((await audienceOf(db, row)).includes('public')) publicOnes.push(row.id);
		expect(publicOnes.sort()).toEqual([cid(1), cid(2), cid(3), cid(6)].sort());
	});

	it('adds nothing on a second run', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		await seedDatabase(db, { demo: true });
		expect(await db.select().from(agreements)).toHaveLength(7);
	});

	it('adds none without demo mode', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: false });
		expect(await db.select().from(agreements)).toHaveLength(0);
	});
});
