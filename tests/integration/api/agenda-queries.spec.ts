import { beforeAll, describe, expect, it } from 'vitest';
import { inviteCoSponsor, addComment } from '../../../src/lib/server/agenda';
import { useProcessDatabase } from '../process-env';
import { countQueries } from '../query-count';
import { createTeam, openMeetingFor, placedItem, type Team } from '../agenda/fixtures';
import { as } from './harness';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('GET /api/v1/meetings/{id}/agenda (benchmarked)', () => {
	it('costs the same few queries for 2 items as for 12 (no N+1)', async () => {
		const meeting = await openMeetingFor(team);
		const path = `/api/v1/meetings/${meeting.id}/agenda`;
		await placedItem(team, team.vngMedewerker, meeting.id);
		await placedItem(team, team.ipoMedewerker, meeting.id);
		const small = await countQueries(() => as(team.uvwMedewerker).get(path));
		for (let i = 0; i < 10; i++) {
			const item = await placedItem(team, team.vngMedewerker, meeting.id, 5);
			await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
			await addComment(team.ipoMedewerker, item.id, { body: `Reactie ${i}` });
		}
		let items = 0;
		const large = await countQueries(async () => {
			const answer = await as(team.uvwMedewerker).get(path);
			items = (answer.body.items as unknown[]).length;
		});
		expect(items).toBe(12);
		expect(large).toBe(small);
		expect(large).toBeLessThanOrEqual(5);
	});
});
