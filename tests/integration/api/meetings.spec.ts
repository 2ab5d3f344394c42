import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	placedItem,
	planned,
	type Team
} from '../agenda/fixtures';
import { meetingInput } from '../meetings/fixtures';
import { as, call } from './harness';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const hour = 3_600_000;

describe('GET /api/v1/meetings', () => {
	it('allowed: any signed-in person lists, filtered by kind and year', async () => {
		const meeting = await planned(team.secretariaat, { kind: 'bofv', title: 'BOFv lijsttest' });
		// Its year in Amsterdam, as the filter counts: in the last hours of a UTC year it is the next.
		const year = Number(
			new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
				new Date(meeting.startsAt)
			)
		);
		const answer = await as(team.vngMedewerker).get(`/api/v1/meetings?kind=bofv&year=${year}`);
		expect(answer.status).toBe(200);
		expect(answer.list.map((row) => row.id)).toContain(meeting.id);
		expect(answer.list.every((row) => row.kind === 'bofv')).toBe(true);
		expect(answer.list[0]!.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	it('denied: without a session or token 401, and a bad filter is 400 naming it', async () => {
		const anonymous = await call('GET', '/api/v1/meetings');
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
		const bad = await as(team.vngMedewerker).get('/api/v1/meetings?year=twintig&kind=feest');
		expect(bad.status).toBe(400);
		expect(bad.body.errors!.map((error) => error.field).sort()).toEqual(['kind', 'year']);
	});
});

describe('POST /api/v1/meetings and GET /api/v1/meetings/{id}', () => {
	it('allowed: the secretariaat plans (201 with an ETag) and anyone reads it', async () => {
		const created = await as(team.secretariaat).post('/api/v1/meetings', {
			body: meetingInput({ title: 'Gepland via de API' })
		});
		expect(created.status).toBe(201);
		expect(created.headers.get('etag')).toBe('"1"');
		expect(created.body).toMatchObject({ title: 'Gepland via de API', status: 'gepland' });
		const read = await as(team.ipoMedewerker).get(`/api/v1/meetings/${created.body.id}`);
		expect(read.status).toBe(200);
		expect(read.headers.get('etag')).toBe('"1"');
		expect(read.body).toMatchObject({ id: created.body.id, preparatory: null });
	});

	it('denied: a medewerker may not plan (403); unknown and malformed ids are 404', async () => {
		const refused = await as(team.vngMedewerker).post('/api/v1/meetings', {
			body: meetingInput()
		});
		expect(refused.status).toBe(403);
		for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-uuid', "1'%20or%201=1"]) {
			expect((await as(team.vngMedewerker).get(`/api/v1/meetings/${id}`)).status).toBe(404);
		}
	});

	it('bad input: 400 naming each wrong field, in Dutch', async () => {
		const answer = await as(team.secretariaat).post('/api/v1/meetings', {
			body: { kind: 'borrel', title: 'x', startsAt: 'morgen' }
		});
		expect(answer.status).toBe(400);
		expect(answer.headers.get('content-type')).toBe('application/problem+json');
		const fields = answer.body.errors!.map((error) => error.field).sort();
		expect(fields).toEqual(['endsAt', 'kind', 'startsAt', 'title']);
		expect(answer.body.errors!.find((error) => error.field === 'title')!.message).toMatch(/titel/);
	});
});

describe('PATCH /api/v1/meetings/{id}', () => {
	it('allowed with the current If-Match; the answer carries the new ETag', async () => {
		const meeting = await planned(team.secretariaat);
		const answer = await as(team.secretariaat).patch(`/api/v1/meetings/${meeting.id}`, {
			body: { title: 'Nieuwe titel' },
			ifMatch: 1
		});
		expect(answer.status).toBe(200);
		expect(answer.headers.get('etag')).toBe('"2"');
		expect(answer.body.title).toBe('Nieuwe titel');
	});

	it('428 without If-Match, 412 naming the changed fields when stale, 403 for a medewerker', async () => {
		const meeting = await planned(team.secretariaat);
		const path = `/api/v1/meetings/${meeting.id}`;
		const missing = await as(team.secretariaat).patch(path, { body: { title: 'Zonder versie' } });
		expect(missing.status).toBe(428);
		await as(team.secretariaat).patch(path, { body: { chair: 'Staatssecretaris' }, ifMatch: 1 });
		const stale = await as(team.secretariaat).patch(path, {
			body: { title: 'Te laat' },
			ifMatch: 1
		});
		expect(stale.status).toBe(412);
		expect(stale.body).toMatchObject({ currentVersion: 2, changedFields: ['chair'] });
		expect(stale.body.detail).toMatch(/voorzitter/);
		const refused = await as(team.vngMedewerker).patch(path, {
			body: { title: 'Niet van mij' },
			ifMatch: 2
		});
		expect(refused.status).toBe(403);
		const malformed = await as(team.secretariaat).patch(path, { body: {}, ifMatch: 'W/"2"' });
		expect(malformed.status).toBe(400);
		expect(malformed.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
	});
});

describe('meeting transitions', () => {
	it('open, start-alignment, cancel: allowed for the secretariaat, 403 for others, 409 when the status does not allow it', async () => {
		const meeting = await planned(team.secretariaat);
		const base = `/api/v1/meetings/${meeting.id}`;
		expect((await as(team.vngBestuurder).post(`${base}/open`, { ifMatch: 1 })).status).toBe(403);
		const opened = await as(team.secretariaat).post(`${base}/open`, { ifMatch: 1 });
		expect(opened.status).toBe(200);
		expect(opened.body.status).toBe('open_voor_voorstellen');
		expect(opened.headers.get('etag')).toBe('"2"');
		const again = await as(team.secretariaat).post(`${base}/open`, { ifMatch: 2 });
		expect(again.status).toBe(409);
		const stale = await as(team.secretariaat).post(`${base}/start-alignment`, { ifMatch: 1 });
		expect(stale.status).toBe(412);
		expect(stale.body.changedFields).toEqual(['status']);
		expect(
			(await as(team.ipoMedewerker).post(`${base}/start-alignment`, { ifMatch: 2 })).status
		).toBe(403);
		const aligned = await as(team.secretariaat).post(`${base}/start-alignment`, { ifMatch: 2 });
		expect(aligned.body.status).toBe('agenda_in_afstemming');
		const noReason = await as(team.secretariaat).post(`${base}/cancel`, {
			body: {},
			ifMatch: 3
		});
		expect(noReason.status).toBe(400);
		expect(noReason.body.errors![0]!.field).toBe('reason');
		expect(
			(
				await as(team.uvwBestuurder).post(`${base}/cancel`, {
					body: { reason: 'Geen zin' },
					ifMatch: 3
				})
			).status
		).toBe(403);
		const cancelled = await as(team.secretariaat).post(`${base}/cancel`, {
			body: { reason: 'Het kabinet is gevallen.' },
			ifMatch: 3
		});
		expect(cancelled.body).toMatchObject({
			status: 'geannuleerd',
			cancelReason: 'Het kabinet is gevallen.'
		});
	});

	it('hold: allowed after an adopted meeting began; 409 before; 403 for a bestuurder', async () => {
		const past = await planned(team.secretariaat, {}, -1);
		await forceMeetingStatus(past.id, 'agenda_vastgesteld');
		const base = `/api/v1/meetings/${past.id}`;
		expect((await as(team.rijkBestuurder).post(`${base}/hold`, { ifMatch: 1 })).status).toBe(403);
		const held = await as(team.secretariaat).post(`${base}/hold`, { ifMatch: 1 });
		expect(held.status).toBe(200);
		expect(held.body.status).toBe('gehouden');
		const future = await planned(team.secretariaat);
		const early = await as(team.secretariaat).post(`/api/v1/meetings/${future.id}/hold`, {
			ifMatch: 1
		});
		expect(early.status).toBe(409);
	});

	it('move: allowed with start and end (the deadline stays unless sent); both are required; 403 for others', async () => {
		const meeting = await planned(team.secretariaat);
		const base = `/api/v1/meetings/${meeting.id}`;
		const startsAt = new Date(Date.now() + 40 * 24 * hour);
		const endsAt = new Date(startsAt.getTime() + 3 * hour);
		const body = { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
		const missing = await as(team.secretariaat).post(`${base}/move`, {
			body: { startsAt: body.startsAt },
			ifMatch: 1
		});
		expect(missing.status).toBe(400);
		expect(missing.body.errors!.map((error) => error.field)).toEqual(['endsAt']);
		expect((await as(team.vngMedewerker).post(`${base}/move`, { body, ifMatch: 1 })).status).toBe(
			403
		);
		const moved = await as(team.secretariaat).post(`${base}/move`, { body, ifMatch: 1 });
		expect(moved.status).toBe(200);
		expect(moved.body).toMatchObject({
			startsAt: startsAt.toISOString(),
			endsAt: endsAt.toISOString(),
			proposalDeadline: meeting.proposalDeadline!.toISOString(),
			version: 2
		});
	});
});

describe('the agenda: GET, order, approvals, adopt, reopen', () => {
	it('the whole round through the API, each step also refused to someone who may not', async () => {
		const meeting = await openMeetingFor(team);
		const base = `/api/v1/meetings/${meeting.id}`;
		const first = await placedItem(team, team.vngMedewerker, meeting.id, 30);
		const second = await placedItem(team, team.ipoMedewerker, meeting.id, 15);
		// Another party's concept on the same meeting never shows.
		const concept = await as(team.uvwMedewerker).post('/api/v1/items', {
			body: itemInput({ meetingId: meeting.id, title: 'Concept van de Unie' })
		});

		const agenda = await as(team.vngMedewerker).get(`${base}/agenda`);
		expect(agenda.status).toBe(200);
		expect((agenda.body.items as { id: string }[]).map((item) => item.id)).toEqual([
			first.id,
			second.id
		]);
		expect(JSON.stringify(agenda.body)).not.toContain(concept.body.id as string);
		expect(agenda.body.timing).toMatchObject({ totalMinutes: 45, meetingMinutes: 120 });
		expect((await as(team.vngMedewerker).get('/api/v1/meetings/nope/agenda')).status).toBe(404);

		const order = { orderedItemIds: [second.id, first.id] };
		expect((await as(team.vngMedewerker).put(`${base}/agenda/order`, { body: order })).status).toBe(
			403
		);
		const reordered = await as(team.secretariaat).put(`${base}/agenda/order`, { body: order });
		expect(reordered.status).toBe(200);
		expect(reordered.list.map((item) => item.id)).toEqual([second.id, first.id]);
		const wrong = await as(team.secretariaat).put(`${base}/agenda/order`, {
			body: { orderedItemIds: [first.id] }
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.errors![0]!.field).toBe('orderedItemIds');

		const aligned = await as(team.secretariaat).post(`${base}/start-alignment`, {
			ifMatch: meeting.version
		});
		expect(aligned.status).toBe(200);
		let version = aligned.body.version as number;

		const approval = { decision: 'akkoord' };
		expect(
			(await as(team.vngMedewerker).post(`${base}/approvals`, { body: approval })).status
		).toBe(403);
		expect((await as(team.secretariaat).post(`${base}/approvals`, { body: approval })).status).toBe(
			403
		);
		const objection = await as(team.ipoBestuurder).post(`${base}/approvals`, {
			body: { decision: 'bezwaar' }
		});
		expect(objection.status).toBe(400);
		expect(objection.body.errors![0]!.field).toBe('reason');
		expect((await as(team.vngBestuurder).post(`${base}/adopt`, { ifMatch: version })).status).toBe(
			403
		);
		const early = await as(team.secretariaat).post(`${base}/adopt`, { ifMatch: version });
		expect(early.status).toBe(409);
		for (const bestuurder of [
			team.vngBestuurder,
			team.ipoBestuurder,
			team.uvwBestuurder,
			team.rijkBestuurder
		]) {
			const recorded = await as(bestuurder).post(`${base}/approvals`, { body: approval });
			expect(recorded.status).toBe(200);
			expect(recorded.body).toMatchObject({ party: bestuurder.party, decision: 'akkoord' });
			expect(recorded.body).not.toHaveProperty('agendaSnapshot');
		}
		const states = await as(team.secretariaat).get(`${base}/agenda`);
		expect(
			(states.body.approvals as { state: string }[]).every((row) => row.state === 'akkoord')
		).toBe(true);

		const adopted = await as(team.secretariaat).post(`${base}/adopt`, { ifMatch: version });
		expect(adopted.status).toBe(200);
		expect(adopted.body.status).toBe('agenda_vastgesteld');
		version = adopted.body.version as number;

		const reason = { reason: 'Er is een urgent punt bijgekomen.' };
		expect(
			(await as(team.rijkBestuurder).post(`${base}/reopen`, { body: reason, ifMatch: version }))
				.status
		).toBe(403);
		const reopened = await as(team.secretariaat).post(`${base}/reopen`, {
			body: reason,
			ifMatch: version
		});
		expect(reopened.status).toBe(200);
		expect(reopened.body.status).toBe('agenda_in_afstemming');
	});
});
