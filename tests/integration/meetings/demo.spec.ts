import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/lib/server/db/migrate';
import {
	agendaApprovals,
	agendaItems,
	coSponsors,
	itemStatuses,
	meetings
} from '../../../src/lib/server/db/schema';
import { seedDatabase } from '../../../src/lib/server/db/seed';
import { approvalOverview } from '../../../src/lib/server/agenda/approvals';
import { agendaSnapshot } from '../../../src/lib/server/agenda/fingerprint';
import { id } from '../../../src/lib/server/meetings/demo-data';
import { SESSION_MEETING } from '../../../src/lib/server/meetings/demo-session';
import { openSessionRefusal, recordRefusal } from '../../../src/lib/server/decisions/rules';
import { parseDicta } from '../../../src/lib/decisions/outcomes';
import { enginesUnderTest, freshDatabase, MIGRATIONS, type TestDatabase } from '../databases';

describe.each(enginesUnderTest())('demo meetings and agenda on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await freshDatabase(engine);
		await migrateDatabase(test.handle, MIGRATIONS);
	});
	afterEach(async () => {
		await test.drop();
	});

	it('are seeded in demo mode only, once, with items in every status', async () => {
		const { db } = test.handle;
		const plain = await seedDatabase(db);
		expect(plain.demoMeetingsAdded).toBe(0);
		expect(await db.select().from(meetings)).toHaveLength(0);
		const first = await seedDatabase(db, { demo: true });
		expect(first.demoMeetingsAdded).toBe(6);
		const second = await seedDatabase(db, { demo: true });
		expect(second.demoMeetingsAdded).toBe(0);
		const items = await db
			.select({ status: agendaItems.status, party: agendaItems.proposingParty })
			.from(agendaItems);
		expect(new Set(items.map((item) => item.status))).toEqual(new Set(itemStatuses));
		expect(new Set(items.map((item) => item.party))).toEqual(
			new Set(['rijk', 'vng', 'ipo', 'uvw', null])
		);
		expect((await db.select().from(coSponsors)).length).toBeGreaterThanOrEqual(5);
		const [coming] = await db
			.select()
			.from(meetings)
			.where(eq(meetings.id, id(4)));
		expect(coming).toMatchObject({
			kind: 'overhedenoverleg',
			status: 'agenda_in_afstemming',
			preparatoryMeetingId: id(3)
		});
		expect(coming!.startsAt.getTime()).toBeGreaterThan(Date.now());
	});

	it('has approvals that match the agenda as the verbs compute it: one akkoord, one bezwaar, one reset', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const approvals = await db
			.select()
			.from(agendaApprovals)
			.where(eq(agendaApprovals.meetingId, id(4)));
		const overview = approvalOverview(approvals, await agendaSnapshot(db, id(4)));
		expect(Object.fromEntries(overview.map((row) => [row.party, row.state]))).toEqual({
			rijk: 'opnieuw_beoordelen',
			vng: 'akkoord',
			ipo: 'open',
			uvw: 'bezwaar'
		});
		expect(overview[0]!.changes.map((change) => change.kind)).toEqual(['toegevoegd']);
		const past = await db
			.select()
			.from(agendaApprovals)
			.where(eq(agendaApprovals.meetingId, id(2)));
		const held = approvalOverview(past, await agendaSnapshot(db, id(2)));
		// The past meeting's items are behandeld now, no longer "geagendeerd": its agreement was on the agenda then.
		expect(held.every((row) => row.approval?.decision === 'akkoord')).toBe(true);
	});

	it('has a meeting under way, its agenda adopted with all four akkoorden on it: meeting mode opens', async () => {
		const { db } = test.handle;
		await seedDatabase(db, { demo: true });
		const [session] = await db
			.select()
			.from(meetings)
			.where(eq(meetings.id, id(SESSION_MEETING)));
		expect(session).toMatchObject({ status: 'agenda_vastgesteld', sessionOpenedAt: null });
		expect(session!.startsAt.getTime()).toBeLessThan(Date.now());
		expect(session!.endsAt.getTime()).toBeGreaterThan(Date.now());
		expect(openSessionRefusal(session!)).toBeNull();
		expect(recordRefusal(session!)).toBeNull();
		// Every party's akkoord is on exactly this agenda: none of them is asked to look again.
		const approvals = await db
			.select()
			.from(agendaApprovals)
			.where(eq(agendaApprovals.meetingId, id(SESSION_MEETING)));
		const overview = approvalOverview(approvals, await agendaSnapshot(db, id(SESSION_MEETING)));
		expect(Object.fromEntries(overview.map((row) => [row.party, row.state]))).toEqual({
			rijk: 'akkoord',
			vng: 'akkoord',
			ipo: 'akkoord',
			uvw: 'akkoord'
		});
		const placed = await db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, id(SESSION_MEETING)));
		expect(placed.map((item) => [item.position, item.status]).sort()).toEqual([
			[1, 'geagendeerd'],
			[2, 'geagendeerd'],
			[3, 'geagendeerd'],
			[4, 'geagendeerd']
		]);
		// An item for decision carries its proposed decision as numbered dicta ("1. … 2. …").
		const forDecision = placed.filter((item) => item.purpose === 'besluitvorming');
		expect(forDecision.length).toBeGreaterThanOrEqual(1);
		for (const item of forDecision)
			expect(parseDicta(item.proposedDecision ?? '').length).toBeGreaterThanOrEqual(2);
	});
});
