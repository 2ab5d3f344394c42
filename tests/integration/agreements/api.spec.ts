import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import { as, call, tokenFor } from '../api/harness';
import {
	createTeam,
	freeAgreement,
	inDays,
	ownerOf,
	publishedDecisions,
	type Team
} from './fixtures';

/** The agreements through the API: the same verbs, so the same rules, as problem documents. */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const problem = 'application/problem+json';

describe('POST /api/v1/agreements', () => {
	it('allowed: the secretariaat makes one from a toezegging (201, the version as ETag)', async () => {
		const published = await publishedDecisions(team);
		const made = await as(team.secretariaat).post('/api/v1/agreements', {
			body: { commitmentId: published.commitments[0]!.id, owners: [ownerOf(team.vngMedewerker)] }
		});
		expect(made.status).toBe(201);
		expect(made.headers.get('etag')).toBe('"1"');
		expect(made.body).toMatchObject({ confidentiality: 'openbaar', version: 1 });
	});

	it('denied: 403 for a medewerker, 401 without a session, 400 naming the field, never half written', async () => {
		const body = {
			title: 'Zonder vergadering',
			deadline: inDays(30),
			owners: [ownerOf(team.vngMedewerker)]
		};
		const forbidden = await as(team.vngMedewerker).post('/api/v1/agreements', { body });
		expect(forbidden.status).toBe(403);
		expect(forbidden.headers.get('content-type')).toBe(problem);
		expect((await call('POST', '/api/v1/agreements', { body })).status).toBe(401);
		const invalid = await as(team.secretariaat).post('/api/v1/agreements', {
			body: { ...body, deadline: '2027-02-30', owners: [] }
		});
		expect(invalid.status).toBe(400);
		expect(invalid.body.errors!.map((e) => e.field).sort()).toEqual(['deadline', 'owners']);
		const register = await as(team.secretariaat).get('/api/v1/agreements?q=vergadering');
		expect(register.body.total).toBe(0);
	});
});

describe('PATCH /api/v1/agreements/{id} and POST …/status', () => {
	it('allowed: with the current version in If-Match; an owner sets in uitvoering', async () => {
		const made = await freeAgreement(team);
		const path = `/api/v1/agreements/${made.id}`;
		const saved = await as(team.secretariaat).patch(path, {
			body: { deadline: inDays(50) },
			ifMatch: 1
		});
		expect(saved.status).toBe(200);
		expect(saved.headers.get('etag')).toBe('"2"');
		const started = await as(team.vngMedewerker).post(`${path}/status`, {
			body: { status: 'in_uitvoering' },
			ifMatch: 2
		});
		expect(started.body).toMatchObject({ status: 'in_uitvoering', version: 3 });
	});

	it('denied: 428 without If-Match, 412 when stale with the changed fields, 403 for an owner closing or a read-only token', async () => {
		const made = await freeAgreement(team);
		const path = `/api/v1/agreements/${made.id}`;
		expect((await as(team.secretariaat).patch(path, { body: { title: 'Nieuw' } })).status).toBe(
			428
		);
		await as(team.secretariaat).patch(path, { body: { deadline: inDays(60) }, ifMatch: 1 });
		const stale = await as(team.secretariaat).patch(path, { body: { title: 'Nieuw' }, ifMatch: 1 });
		expect(stale.status).toBe(412);
		expect(stale.body.changedFields).toEqual(['deadline']);
		const closing = await as(team.vngMedewerker).post(`${path}/status`, {
			body: { status: 'afgerond' },
			ifMatch: 2
		});
		expect(closing.status).toBe(403);
		const token = await tokenFor(team.vngMedewerker, 'read');
		const readOnly = await as({ token }).post(`${path}/status`, {
			body: { status: 'in_uitvoering' },
			ifMatch: 2
		});
		expect(readOnly.status).toBe(403);
		expect((await as(team.vngMedewerker).get(path)).body.status).toBe('open');
	});
});

describe('progress, ratification and links', () => {
	it('allowed: an owner reports, VNG records its members, the secretariaat hands on; the answer carries the row', async () => {
		const made = await freeAgreement(team);
		const path = `/api/v1/agreements/${made.id}`;
		const reported = await as(team.vngBestuurder).post(`${path}/progress`, {
			body: { text: 'De ledenraadpleging is gestart.', percent: 10 }
		});
		expect(reported.status).toBe(201);
		expect(reported.body.agreement).toMatchObject({ progress: { party: 'vng', percent: 10 } });
		const ratified = await as(team.vngMedewerker).put(`${path}/ratification`, {
			body: { koepel: 'vng', state: 'goedgekeurd', decidedOn: inDays(0) }
		});
		expect(ratified.status).toBe(200);
		expect(ratified.body.agreement).toMatchObject({ ratification: 'bekrachtigd' });
		const linked = await as(team.secretariaat).post(`${path}/links`, {
			body: { destination: { kind: 'bofv', label: 'BOFv van november' } }
		});
		expect(linked.status).toBe(201);
		const read = await as(team.uvwMedewerker).get(path);
		expect(read.body.progressReports).toHaveLength(1);
		expect((read.body.chain as { links: unknown[] }[])[0]!.links).toHaveLength(1);
	});

	it('denied: another party reports (403), IPO records VNG (403), a stale ratification (412), an unknown agreement (404)', async () => {
		const made = await freeAgreement(team);
		const path = `/api/v1/agreements/${made.id}`;
		expect(
			(await as(team.ipoMedewerker).post(`${path}/progress`, { body: { text: 'Niet van ons.' } }))
				.status
		).toBe(403);
		const ratification = { koepel: 'vng', state: 'lopend', closesOn: inDays(7) };
		expect(
			(await as(team.ipoBestuurder).put(`${path}/ratification`, { body: ratification })).status
		).toBe(403);
		await as(team.vngBestuurder).put(`${path}/ratification`, { body: ratification });
		const stale = await as(team.vngBestuurder).put(`${path}/ratification`, {
			body: { ...ratification, version: 3 }
		});
		expect(stale.status).toBe(412);
		expect(
			(
				await as(team.secretariaat).post(
					'/api/v1/agreements/00000000-0000-4000-8000-000000000000/links',
					{
						body: { destination: { kind: 'other', label: 'Ergens' } }
					}
				)
			).status
		).toBe(404);
		expect((await as(team.secretariaat).get('/api/v1/agreements/geen-uuid')).status).toBe(404);
	});
});

describe('GET /api/v1/agreements and …/dashboard/counts', () => {
	it('allowed: the register with filters and its total, the own party counts', async () => {
		const made = await freeAgreement(team, { deadline: inDays(-3) });
		const overdue = await as(team.ipoMedewerker).get(
			`/api/v1/agreements?overdue=true&meetingId=${made.meetingId}`
		);
		expect(overdue.status).toBe(200);
		expect(overdue.body).toMatchObject({ total: 1, rows: [{ id: made.id, overdue: true }] });
		const counts = await as(team.vngBestuurder).get('/api/v1/agreements/dashboard/counts');
		expect(counts.body).toMatchObject({ party: 'vng' });
		expect(counts.body.overdue).toBeGreaterThan(0);
	});

	it('denied: a bad filter is a 400 naming it; the secretariaat must name a party; 401 without a session', async () => {
		const bad = await as(team.ipoMedewerker).get('/api/v1/agreements?pageSize=1000&status=klaar');
		expect(bad.status).toBe(400);
		expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['pageSize', 'status']);
		expect((await as(team.secretariaat).get('/api/v1/agreements/dashboard/counts')).status).toBe(
			400
		);
		expect((await call('GET', '/api/v1/agreements')).status).toBe(401);
	});
});
