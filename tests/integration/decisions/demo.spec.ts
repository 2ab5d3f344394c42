import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import {
	agendaApprovals,
	decisionListVersions,
	decisionLists,
	decisions
} from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { approvalOverview } from '../../../src/lib/server/agenda/approvals';
import { agendaSnapshot } from '../../../src/lib/server/agenda/fingerprint';
import { id } from '../../../src/lib/server/meetings/demo-data';
import { CORRECTION_NOTE } from '../../../src/lib/server/decisions/demo';
import { verificationStates } from '../../../src/lib/server/decisions/list';
import type { PublishedList } from '../../../src/lib/decisions/published';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

describe.each(enginesUnderTest())('the demo besluitenlijst on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
	});
	afterEach(async () => {
		await test.drop();
	});

	it('publishes the past meeting in two versions, the vertrouwelijk item left out of both', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const [list] = await db
			.select()
			.from(decisionLists)
			.where(eq(decisionLists.meetingId, id(2)));
		expect(list).toMatchObject({ status: 'gepubliceerd', publishedVersion: 2 });
		expect(list!.adoptedAt).not.toBeNull();
		const versions = await db
			.select()
			.from(decisionListVersions)
			.where(eq(decisionListVersions.listId, list!.id))
			.orderBy(decisionListVersions.number);
		expect(versions.map((v) => [v.number, v.reason, v.reasonCode, v.note])).toEqual([
			[1, null, null, null],
			[2, 'Correctie procedurele fout', 'c_c77c86e0', CORRECTION_NOTE]
		]);
		for (const version of versions) {
			const snapshot = version.snapshot as PublishedList;
			expect(snapshot.confidentialItems).toBe(1);
			expect(snapshot.decisions.map((d) => d.agendaNumber)).toEqual([1, 2, 3]);
			expect(JSON.stringify(snapshot)).not.toContain('ingebrekestelling jeugdzorg');
		}
		const circular = (n: number) => (versions[n]!.snapshot as PublishedList).decisions[0]!.dicta[1];
		expect(circular(0)).toContain('septembercirculaire');
		expect(circular(1)).toContain('meicirculaire 2025');
		const states = await verificationStates(db, list!);
		expect(states.map((s) => s.state)).toEqual(['akkoord', 'akkoord', 'akkoord', 'akkoord']);
		// The items added for the list stay on the agenda the four agreed to.
		const past = approvalOverview(
			await db
				.select()
				.from(agendaApprovals)
				.where(eq(agendaApprovals.meetingId, id(2))),
			await agendaSnapshot(db, id(2))
		);
		expect(past.map((row) => row.state)).toEqual(['akkoord', 'akkoord', 'akkoord', 'akkoord']);
	});

	it('adds nothing on a second run', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const count = async () => ({
			decisions: (await db.select().from(decisions)).length,
			versions: (await db.select().from(decisionListVersions)).length
		});
		const before = await count();
		expect(before).toEqual({ decisions: 4, versions: 2 });
		await seedDatabase(db, { demo: true });
		expect(await count()).toEqual(before);
	});
});
