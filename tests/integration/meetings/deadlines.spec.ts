import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { events, meetings } from '../../../src/lib/server/db/schema';
import { startAlignmentPastDeadline } from '../../../src/lib/server/meetings/deadlines';
import { useProcessDatabase } from '../process-env';
import { createTeam, forceMeetingStatus, planned, type Team } from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const DAY = 86_400_000;

async function statusOf(meetingId: string) {
	const db = await useDb();
	const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	return row!;
}

describe('the proposal deadline', () => {
	it('moves an open meeting past its deadline to "in afstemming", once, logged without an actor', async () => {
		const due = await planned(team.secretariaat, {}, 30);
		await forceMeetingStatus(due.id, 'open_voor_voorstellen');
		const deadline = new Date(due.proposalDeadline!);

		// A minute before the deadline nothing moves.
		expect(await startAlignmentPastDeadline(new Date(deadline.getTime() - 60_000))).not.toContain(
			due.id
		);
		expect((await statusOf(due.id)).status).toBe('open_voor_voorstellen');

		const moved = await startAlignmentPastDeadline(new Date(deadline.getTime() + 1));
		expect(moved).toContain(due.id);
		const after = await statusOf(due.id);
		expect(after.status).toBe('agenda_in_afstemming');
		expect(after.version).toBe(due.version + 1);

		// Running again changes nothing and logs nothing more.
		expect(await startAlignmentPastDeadline(new Date(deadline.getTime() + DAY))).not.toContain(
			due.id
		);
		const db = await useDb();
		const logged = await db
			.select()
			.from(events)
			.where(and(eq(events.subjectId, due.id), eq(events.type, 'meeting.alignment_started.v1')));
		expect(logged).toHaveLength(1);
		expect(logged[0]!.actorPersonId).toBeNull();
		expect(logged[0]!.payload).toMatchObject({ reason: 'De indientermijn is verstreken.' });
	});

	it('leaves meetings alone that are only planned, have no deadline, or are already further', async () => {
		const plannedOnly = await planned(team.secretariaat, {}, 30);
		const noDeadline = await planned(team.secretariaat, { proposalDeadline: undefined }, 30);
		await forceMeetingStatus(noDeadline.id, 'open_voor_voorstellen');
		const cancelled = await planned(team.secretariaat, {}, 30);
		await forceMeetingStatus(cancelled.id, 'geannuleerd');

		const moved = await startAlignmentPastDeadline(new Date(Date.now() + 365 * DAY));
		expect(moved).not.toContain(plannedOnly.id);
		expect(moved).not.toContain(noDeadline.id);
		expect(moved).not.toContain(cancelled.id);
		expect((await statusOf(plannedOnly.id)).status).toBe('gepland');
		expect((await statusOf(noDeadline.id)).status).toBe('open_voor_voorstellen');
		expect((await statusOf(cancelled.id)).status).toBe('geannuleerd');
	});
});
