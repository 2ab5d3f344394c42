import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import { createTeam, itemInput, type Team } from '../agenda/fixtures';
import { MAX_JSON_BYTES } from '../../../src/lib/server/api/request';
import { as, call, ORIGIN, routeModules, routePathOf, tokenFor } from './harness';

useProcessDatabase();

let team: Team;
let readToken: string;
let writeToken: string;
beforeAll(async () => {
	team = await createTeam();
	readToken = await tokenFor(team.vngMedewerker, 'read');
	writeToken = await tokenFor(team.vngMedewerker, 'write');
});

describe('API tokens (Bearer)', () => {
	it('allowed: a read-only token reads, a read-write token writes', async () => {
		const read = await as({ token: readToken }).get('/api/v1/meetings');
		expect(read.status).toBe(200);
		const drafted = await as({ token: writeToken }).post('/api/v1/items', { body: itemInput() });
		expect(drafted.status).toBe(201);
		// A token needs no JSON content type on a write without a body: no browser sends it.
		const submittedItem = await as({ token: writeToken }).post(
			`/api/v1/items/${drafted.body.id}/submit`,
			{ ifMatch: 1 }
		);
		expect(submittedItem.status).toBe(200);
	});

	it('denied: a read-only token is refused on every kind of write (403); a wrong token is 401', async () => {
		const draft = await as({ token: readToken }).post('/api/v1/items', { body: itemInput() });
		expect(draft.status).toBe(403);
		expect(draft.headers.get('content-type')).toBe('application/problem+json');
		const own = await as(team.vngMedewerker).post('/api/v1/items', { body: itemInput() });
		const edit = await as({ token: readToken }).patch(`/api/v1/items/${own.body.id}`, {
			body: { title: 'Met een leestoken' },
			ifMatch: 1
		});
		expect(edit.status).toBe(403);
		const comment = await as({ token: readToken }).post(`/api/v1/items/${own.body.id}/comments`, {
			body: { body: 'Mag niet' }
		});
		expect(comment.status).toBe(403);
		const wrong = await as({ token: 'oho_00000000-0000-4000-8000-000000000000.abc' }).get(
			'/api/v1/meetings'
		);
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
	});
});

describe('bodies', () => {
	it('malformed JSON is 400 with a problem document, not a 500', async () => {
		for (const raw of ['{"title":', 'undefined', "{'a': 1}"]) {
			const answer = await as(team.vngMedewerker).post('/api/v1/items', { raw });
			expect(answer.status).toBe(400);
			expect(answer.body).toMatchObject({
				title: 'Ongeldige invoer',
				errors: [{ field: '', message: 'De gegevens zijn geen geldige JSON.' }]
			});
		}
	});

	it('JSON that is not an object is 400 naming the whole body', async () => {
		for (const body of [[1, 2], 'tekst', null, 42]) {
			const answer = await as(team.vngMedewerker).post('/api/v1/items', { body });
			expect(answer.status).toBe(400);
			expect(answer.body.errors![0]!.field).toBe('');
		}
	});

	it('another content type is 415; a body over the limit is 413', async () => {
		const form = await as({ token: writeToken }).post('/api/v1/items', {
			raw: 'title=Jeugdzorg',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(form.status).toBe(415);
		const huge = 'x'.repeat(MAX_JSON_BYTES + 10);
		const streamed = await as(team.vngMedewerker).post('/api/v1/items', {
			body: itemInput({ summary: huge })
		});
		expect(streamed.status).toBe(413);
		const declared = await as(team.vngMedewerker).post('/api/v1/items', {
			raw: '{}',
			headers: { 'content-length': String(MAX_JSON_BYTES * 4) }
		});
		expect(declared.status).toBe(413);
	});
});

describe('cross-site request forgery (session cookie)', () => {
	it('a cookie write must be JSON: a simple cross-site request without that type is refused (415)', async () => {
		const plain = await as(team.vngMedewerker).post('/api/v1/items', {
			raw: JSON.stringify(itemInput()),
			headers: { 'content-type': 'text/plain' }
		});
		expect(plain.status).toBe(415);
	});

	it('a cookie write from another Origin is refused (403); from our own it goes through', async () => {
		const foreign = await as(team.vngMedewerker).post('/api/v1/items', {
			body: itemInput(),
			headers: { origin: 'https://kwaadwillend.example' }
		});
		expect(foreign.status).toBe(403);
		const own = await as(team.vngMedewerker).post('/api/v1/items', {
			body: itemInput(),
			headers: { origin: ORIGIN }
		});
		expect(own.status).toBe(201);
	});
});

describe('unauthenticated', () => {
	it('every method of every route but the public document and the public API answers 401 without a session or token', async () => {
		let tried = 0;
		for (const [file, module] of Object.entries(routeModules)) {
			const path = routePathOf(file).replace(/\[id\]/g, '00000000-0000-4000-8000-000000000000');
			if (path === '/api/v1/openapi.json') continue;
			// The public API is meant for everyone (tests/integration/publications/api.spec.ts).
			if ((module.GET as { operation?: { public?: true } } | undefined)?.operation?.public)
				continue;
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(
				(name) => module[name]
			)) {
				const body = method === 'GET' ? undefined : {};
				const answer = await call(method, path, { body, ifMatch: 1 });
				expect(answer.status, `${method} ${path}`).toBe(401);
				expect(answer.body.title).toBe('Niet aangemeld');
				tried++;
			}
		}
		expect(tried).toBeGreaterThan(35);
	});
});

describe('never a 500 for client input', () => {
	it('every method of every route answers bad ids and broken bodies with 4xx', async () => {
		const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
		let tried = 0;
		for (const [file, module] of Object.entries(routeModules)) {
			const path = routePathOf(file).replace(/\[id\]/g, "'%20or%201=1--");
			for (const method of methods.filter((name) => module[name])) {
				for (const raw of [undefined, '{"a":', '{"title": {"$gt": ""}}', '[]']) {
					const answer = await call(method, `${path}?year=x&from=y&to=z`, {
						actor: team.secretariaat,
						raw: method === 'GET' || method === 'DELETE' ? undefined : raw,
						ifMatch: '"1"'
					});
					tried++;
					expect(answer.status, `${method} ${path} ${raw}`).toBeLessThan(500);
				}
			}
		}
		expect(tried).toBeGreaterThan(100);
	});
});
