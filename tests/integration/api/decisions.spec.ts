import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../../src/lib/server/db';
import { decisions, meetings } from '../../../src/lib/server/db/schema';
import { useProcessDatabase } from '../process-env';
import { createTeam, type Team } from '../agenda/fixtures';
import { adoptedMeeting } from '../decisions/fixtures';
import { as, call } from './harness';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const decision = { outcome: 'aangenomen', dicta: ['in te stemmen met de verdeling.'] };

describe('PUT /api/v1/items/{id}/decision', () => {
	it('allowed: the secretariaat records and corrects; another party reads it in the list', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const recorded = await as(team.secretariaat).put(`/api/v1/items/${items[0]!.id}/decision`, {
			body: decision
		});
		expect(recorded.status).toBe(200);
		expect(recorded.body).toMatchObject({ outcome: 'aangenomen', agendaNumber: 1, version: 1 });
		const corrected = await as(team.secretariaat).put(`/api/v1/items/${items[0]!.id}/decision`, {
			body: { ...decision, hamerstuk: true, version: 1 }
		});
		expect(corrected.body).toMatchObject({ hamerstuk: true, version: 2 });
		const list = await as(team.ipoBestuurder).get(`/api/v1/meetings/${meeting.id}/decisions`);
		expect(list.status).toBe(200);
		expect(list.body.decisions).toEqual([expect.objectContaining({ id: recorded.body.id })]);
	});

	it('denied: 403 for a bestuurder, 401 without a session, 400 with the field for bad input, 412 when stale; nothing changes', async () => {
		const { items } = await adoptedMeeting(team);
		const path = `/api/v1/items/${items[0]!.id}/decision`;
		expect((await as(team.vngBestuurder).put(path, { body: decision })).status).toBe(403);
		expect((await call('PUT', path, { body: decision })).status).toBe(401);
		const bad = await as(team.secretariaat).put(path, {
			body: { outcome: 'misschien', dicta: 'geen lijst' }
		});
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toBe('application/problem+json');
		expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['dicta', 'outcome']);
		const db = await useDb();
		expect(await db.select().from(decisions).where(eq(decisions.itemId, items[0]!.id))).toEqual([]);
		await as(team.secretariaat).put(path, { body: decision });
		await as(team.secretariaat).put(path, { body: { ...decision, version: 1 } });
		const stale = await as(team.secretariaat).put(path, { body: { ...decision, version: 1 } });
		expect(stale.status).toBe(412);
	});
});

describe('meeting mode and carrying over through the API', () => {
	it('allowed: open, set the current item, carry over; denied for a medewerker (403)', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const base = `/api/v1/meetings/${meeting.id}`;
		expect((await as(team.vngMedewerker).post(`${base}/session`)).status).toBe(403);
		const opened = await as(team.secretariaat).post(`${base}/session`);
		expect(opened.status).toBe(200);
		expect(opened.body.sessionOpenedAt).toEqual(expect.any(String));
		expect((await as(team.secretariaat).post(`${base}/session`)).status).toBe(409);
		const current = await as(team.secretariaat).put(`${base}/current-item`, {
			body: { itemId: items[2]!.id }
		});
		expect(current.body.currentItemId).toBe(items[2]!.id);
		expect(
			(await as(team.ipoMedewerker).put(`${base}/current-item`, { body: { itemId: null } })).status
		).toBe(403);
		const refused = await as(team.vngBestuurder).post(`${base}/carry-over`, {
			body: { itemIds: [items[2]!.id], reason: 'Geen tijd.' }
		});
		expect(refused.status).toBe(403);
		const carried = await as(team.secretariaat).post(`${base}/carry-over`, {
			body: { itemIds: [items[2]!.id], reason: 'Geen tijd.' }
		});
		expect(carried.status).toBe(200);
		expect(carried.body.decisions).toEqual([
			expect.objectContaining({ outcome: 'niet_behandeld', carriedOver: expect.any(Object) })
		]);
		const db = await useDb();
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row!.currentItemId).toBeNull();
	});
});

describe('the besluitenlijst through the API', () => {
	it('allowed: a bestuurder gives akkoord; denied: a bestuurder may not send, adopt or publish (403), and before the meeting was held there is no list (404)', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const base = `/api/v1/meetings/${meeting.id}/decision-list`;
		expect((await as(team.vngBestuurder).get(base)).status).toBe(404);
		for (const itemId of items.map((item) => item.id))
			await as(team.secretariaat).put(`/api/v1/items/${itemId}/decision`, {
				body: { outcome: 'ter_kennisgeving_aangenomen' }
			});
		const [row] = await (await useDb()).select().from(meetings).where(eq(meetings.id, meeting.id));
		const held = await as(team.secretariaat).post(`/api/v1/meetings/${meeting.id}/hold`, {
			ifMatch: row!.version
		});
		expect(held.status).toBe(200);
		const closesOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		expect(
			(await as(team.vngBestuurder).post(`${base}/verification`, { body: { closesOn } })).status
		).toBe(403);
		expect(
			(await as(team.secretariaat).post(`${base}/verification`, { body: { closesOn: 'morgen' } }))
				.status
		).toBe(400);
		expect(
			(await as(team.secretariaat).post(`${base}/verification`, { body: { closesOn } })).status
		).toBe(200);
		expect((await as(team.secretariaat).post(`${base}/akkoord`)).status).toBe(403);
		const akkoord = await as(team.vngBestuurder).post(`${base}/akkoord`);
		expect(akkoord.body).toEqual({ party: 'vng', decision: 'akkoord' });
		expect((await as(team.vngBestuurder).post(`${base}/adopt`)).status).toBe(403);
		expect((await as(team.secretariaat).post(`${base}/adopt`)).status).toBe(409);
		expect(
			(await as(team.ipoBestuurder).post(`${base}/publish`, { body: { publicItemIds: [] } })).status
		).toBe(403);
		const list = await as(team.uvwMedewerker).get(base);
		expect(list.body.verifications).toEqual(
			expect.arrayContaining([expect.objectContaining({ party: 'vng', state: 'akkoord' })])
		);
	});
});
