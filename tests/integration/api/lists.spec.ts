import { beforeAll, describe, expect, it } from 'vitest';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	itemInput,
	openMeetingFor,
	placedItem,
	submitted,
	type Team
} from '../agenda/fixtures';
import { as } from './harness';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const ids = (rows: Record<string, unknown>[]) => rows.map((row) => row.id);

describe('GET /api/v1/items?list=…', () => {
	it('mine: the own organisation’s items, concepts included; another organisation sees none of them', async () => {
		const concept = await as(team.vngMedewerker).post('/api/v1/items', { body: itemInput() });
		const mine = await as(team.vngBestuurder).get('/api/v1/items?list=mine');
		expect(mine.status).toBe(200);
		expect(ids(mine.list)).toContain(concept.body.id);
		const theirs = await as(team.ipoMedewerker).get('/api/v1/items?list=mine');
		expect(ids(theirs.list)).not.toContain(concept.body.id);
	});

	it('unscheduled: submitted items without a meeting for everyone, never another party’s concept; no list is 400', async () => {
		const shown = await submitted(team.vngMedewerker, null);
		const concept = await as(team.vngMedewerker).post('/api/v1/items', { body: itemInput() });
		const list = await as(team.ipoMedewerker).get('/api/v1/items?list=unscheduled');
		expect(list.status).toBe(200);
		expect(ids(list.list)).toContain(shown.id);
		expect(ids(list.list)).not.toContain(concept.body.id);
		const missing = await as(team.ipoMedewerker).get('/api/v1/items');
		expect(missing.status).toBe(400);
		expect(missing.body.errors![0]!.field).toBe('list');
	});
});

describe('GET /api/v1/me/reviews and /api/v1/secretariat/overview', () => {
	it('a bestuurder sees the agenda waiting for the party; a medewerker may not ask (403)', async () => {
		const meeting = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		const reviews = await as(team.ipoBestuurder).get('/api/v1/me/reviews');
		expect(reviews.status).toBe(200);
		expect(reviews.list.map((row) => (row.meeting as { id: string }).id)).toContain(meeting.id);
		expect((await as(team.ipoMedewerker).get('/api/v1/me/reviews')).status).toBe(403);
	});

	it('the secretariaat sees its open work; others may not (403)', async () => {
		const item = await submitted(team.uvwMedewerker, null);
		const overview = await as(team.secretariaat).get('/api/v1/secretariat/overview');
		expect(overview.status).toBe(200);
		expect(ids(overview.body.toSchedule as Record<string, unknown>[])).toContain(item.id);
		expect((await as(team.vngBestuurder).get('/api/v1/secretariat/overview')).status).toBe(403);
	});
});
