import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import { createTeam, itemInput, submitted, type Team } from '../agenda/fixtures';
import { as } from './harness';

/** The API of asking a co-sponsor on a concept and of discarding a concept. */
useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function concept() {
	const answer = await as(team.vngMedewerker).post('/api/v1/items', { body: itemInput() });
	expect(answer.status).toBe(201);
	return answer.body as { id: string; version: number };
}

describe('co-sponsors on a concept', () => {
	it('allowed: asked (201) and taken back (200) before the submission; IPO sees nothing', async () => {
		const item = await concept();
		const base = `/api/v1/items/${item.id}/co-sponsors`;
		const asked = await as(team.vngMedewerker).post(base, { body: { party: 'ipo' } });
		expect(asked.status).toBe(201);
		expect(asked.body).toMatchObject({ party: 'ipo', status: 'uitgenodigd' });
		expect((await as(team.ipoMedewerker).get(`/api/v1/items/${item.id}`)).status).toBe(404);
		const back = await as(team.vngBestuurder).post(`${base}/withdraw`, { body: { party: 'ipo' } });
		expect(back.status).toBe(200);
		expect(back.body).toMatchObject({ party: 'ipo' });
		const read = await as(team.vngMedewerker).get(`/api/v1/items/${item.id}`);
		expect(read.body).toMatchObject({ coSponsors: [] });
	});

	it('denied: a problem document for another organisation, bad input, and after the submission', async () => {
		const item = await concept();
		const base = `/api/v1/items/${item.id}/co-sponsors`;
		expect(
			(await as(team.ipoMedewerker).post(`${base}/withdraw`, { body: { party: 'ipo' } })).status
		).toBe(404);
		const invalid = await as(team.vngMedewerker).post(`${base}/withdraw`, {
			body: { party: 'gemeente' }
		});
		expect(invalid.status).toBe(400);
		expect(invalid.body.errors![0]!.field).toBe('party');
		const notAsked = await as(team.vngMedewerker).post(`${base}/withdraw`, {
			body: { party: 'uvw' }
		});
		expect(notAsked.status).toBe(409);
		expect(notAsked.headers.get('content-type')).toMatch(/problem\+json/);

		const sent = await submitted(team.vngMedewerker, null);
		await as(team.vngMedewerker).post(`/api/v1/items/${sent.id}/co-sponsors`, {
			body: { party: 'uvw' }
		});
		const late = await as(team.vngMedewerker).post(
			`/api/v1/items/${sent.id}/co-sponsors/withdraw`,
			{
				body: { party: 'uvw' }
			}
		);
		expect(late.status).toBe(409);
		expect(late.body.detail).toMatch(/al verstuurd/);
	});
});

describe('DELETE /api/v1/items/{id}', () => {
	it('allowed: the organisation discards its concept with the current If-Match; then it is gone', async () => {
		const item = await concept();
		const path = `/api/v1/items/${item.id}`;
		const gone = await as(team.vngBestuurder).delete(path, { ifMatch: 1 });
		expect(gone.status).toBe(200);
		expect(gone.body).toMatchObject({ id: item.id, title: itemInput().title });
		expect((await as(team.vngMedewerker).get(path)).status).toBe(404);
		const list = await as(team.vngMedewerker).get('/api/v1/items?list=mine');
		expect(list.list.map((row) => row.id)).not.toContain(item.id);
	});

	it('denied: a problem document without If-Match, when stale, for a submitted item, for another', async () => {
		const item = await concept();
		const path = `/api/v1/items/${item.id}`;
		expect((await as(team.vngMedewerker).delete(path)).status).toBe(428);
		await as(team.vngMedewerker).patch(path, { body: { title: 'Een nieuwe titel' }, ifMatch: 1 });
		const stale = await as(team.vngMedewerker).delete(path, { ifMatch: 1 });
		expect(stale.status).toBe(412);
		expect((await as(team.ipoMedewerker).delete(path, { ifMatch: 2 })).status).toBe(404);
		const sent = await submitted(team.vngMedewerker, null);
		const refused = await as(team.vngMedewerker).delete(`/api/v1/items/${sent.id}`, {
			ifMatch: sent.version
		});
		expect(refused.status).toBe(409);
		expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
		expect(refused.body.detail).toMatch(/trekt u in/);
		expect((await as(team.vngMedewerker).get(path)).status).toBe(200);
	});
});
