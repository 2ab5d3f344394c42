import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, rows } from '../../../src/lib/server/db/migrate';
import { agendaItems, meetings, organisations, people } from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

describe.each(enginesUnderTest())('meetings and agenda schema on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
		await seedDatabase(test.handle.db);
	});
	afterEach(async () => {
		await test.drop();
	});

	async function oneItem(values: Partial<typeof agendaItems.$inferInsert>) {
		const { db } = test.handle;
		const [vng] = await db.select().from(organisations).where(eq(organisations.slug, 'vng'));
		const [person] = await db
			.insert(people)
			.values({
				email: `p${Math.random()}@x.example`,
				name: 'P',
				organisationId: vng!.id,
				role: 'medewerker'
			})
			.returning();
		const [meeting] = await db
			.insert(meetings)
			.values({
				kind: 'overhedenoverleg',
				title: 'Overhedenoverleg voorjaar',
				startsAt: new Date('2027-03-01T09:00:00Z'),
				endsAt: new Date('2027-03-01T11:00:00Z')
			})
			.returning();
		return db
			.insert(agendaItems)
			.values({
				meetingId: meeting!.id,
				proposingOrganisationId: vng!.id,
				proposingParty: 'vng',
				proposedBy: person!.id,
				title: 'Jeugdzorg en het Gemeentefonds',
				summary: 'De gemeenten vragen structurele middelen voor de jeugdzorg.',
				purpose: 'bespreking',
				...values
			})
			.returning({ id: agendaItems.id });
	}

	it('keeps a Dutch full-text vector that stems words and is searchable through its GIN index', async () => {
		await oneItem({});
		const found = rows<{ title: string }>(
			await test.handle.db.execute(
				sql`select title from agenda_item where search @@ websearch_to_tsquery('dutch', 'gemeente middel')`
			)
		);
		expect(found.map((row) => row.title)).toEqual(['Jeugdzorg en het Gemeentefonds']);
		const none = rows(
			await test.handle.db.execute(
				sql`select 1 from agenda_item where search @@ websearch_to_tsquery('dutch', 'waterschap')`
			)
		);
		expect(none).toHaveLength(0);
	});

	it('refuses an item for decision without a proposed decision, and money without explanation', async () => {
		await expect(oneItem({ purpose: 'besluitvorming' })).rejects.toThrow();
		await expect(oneItem({ financialConsequences: 'ja' })).rejects.toThrow();
		await expect(
			oneItem({ purpose: 'besluitvorming', proposedDecision: 'Het overleg stemt in.' })
		).resolves.toHaveLength(1);
	});

	it('refuses a meeting that ends before it starts', async () => {
		await expect(
			test.handle.db.insert(meetings).values({
				kind: 'bofv',
				title: 'BOFv',
				startsAt: new Date('2027-03-01T11:00:00Z'),
				endsAt: new Date('2027-03-01T09:00:00Z')
			})
		).rejects.toThrow();
	});
});
