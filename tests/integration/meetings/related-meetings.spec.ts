import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { getMeetingWithAgenda } from '../../../src/lib/server/agenda';
import { relatedMeetings } from '../../../src/lib/server/meetings/queries';
import { useProcessDatabase } from '../process-env';
import { countQueries } from '../query-count';
import { placedItem } from '../agenda/fixtures';
import { createTeam, planned, rejection, type Team } from './fixtures';
import { openForProposals } from '../../../src/lib/server/meetings';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

/** What the meeting page loads: the agenda and the meetings around it. */
async function meetingPage(meetingId: string) {
	const page = await getMeetingWithAgenda(team.ipoMedewerker, meetingId);
	return { page, related: await relatedMeetings(team.ipoMedewerker, page.meeting) };
}

describe('relatedMeetings', () => {
	it('names the preparatory meeting and the ones that follow, in one query', async () => {
		const voorportaal = await planned(team.secretariaat, { kind: 'ambtelijk_voorportaal' }, 20);
		const overleg = await planned(team.secretariaat, { preparatoryMeetingId: voorportaal.id }, 30);
		const before = await relatedMeetings(team.vngMedewerker, voorportaal);
		expect(before.preparatory).toBeNull();
		expect(before.following.map((row) => row.id)).toEqual([overleg.id]);
		let after: Awaited<ReturnType<typeof relatedMeetings>> | undefined;
		const queries = await countQueries(async () => {
			after = await relatedMeetings(team.vngMedewerker, overleg);
		});
		expect(queries).toBe(1);
		expect(after!.preparatory?.id).toBe(voorportaal.id);
		expect(after!.following).toEqual([]);
	});

	it('is refused to nobody signed in (404, like every read)', async () => {
		const meeting = await planned(team.secretariaat);
		const refused = await rejection(relatedMeetings(null as never, meeting));
		expect((refused as AccessError).status).toBe(404);
	});

	it('keeps the meeting page at the same number of queries for 1 item as for 8', async () => {
		const meeting = await openForProposals(
			team.secretariaat,
			(await planned(team.secretariaat, {}, 40)).id
		);
		await placedItem(team, team.vngMedewerker, meeting.id, 5);
		const small = await countQueries(() => meetingPage(meeting.id));
		for (let i = 0; i < 7; i++) await placedItem(team, team.ipoMedewerker, meeting.id, 5);
		let loaded: Awaited<ReturnType<typeof meetingPage>> | undefined;
		const large = await countQueries(async () => {
			loaded = await meetingPage(meeting.id);
		});
		expect(loaded!.page.agenda).toHaveLength(8);
		expect(large).toBe(small);
		expect(large).toBeLessThanOrEqual(6);
	});
});
