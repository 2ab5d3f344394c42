import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicApiLimit } from '../../../src/lib/server/api/endpoint';
import { rateLimiter } from '../../../src/lib/server/auth/rate-limit';
import { openApiDocument } from '../../../src/lib/server/openapi/document';
import { createTeam, type Team } from '../agenda/fixtures';
import { call } from '../api/harness';
import { useProcessDatabase } from '../process-env';
import { adoptedListWith, correctFirst, publishedListWith } from './fixtures';

/*
 * The public API: no account, GET only, cacheable, its own limit per IP. The harness's requests
 * come from 192.0.2.20 and carry no actor unless given one.
 */

useProcessDatabase();

const tag = randomUUID().slice(0, 8);
let team: Team;
let published: Awaited<ReturnType<typeof publishedListWith>>;
let adopted: Awaited<ReturnType<typeof adoptedListWith>>;

beforeAll(async () => {
	team = await createTeam();
	published = await publishedListWith(team, [
		{ word: `jeugdzorg${tag}`, by: team.vngMedewerker },
		{ word: `geheim${tag}`, by: team.ipoMedewerker, confidential: true }
	]);
	await correctFirst(team, published, `gemeentefonds${tag}`);
	adopted = await adoptedListWith(team, [{ word: `vastgesteld${tag}`, by: team.uvwMedewerker }]);
}, 120_000);

describe('GET /api/v1/public/publications', () => {
	it('allowed without an account: the list, public and cacheable, 304 for an unchanged answer', async () => {
		const answer = await call('GET', '/api/v1/public/publications');
		expect(answer.status).toBe(200);
		expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
		const etag = answer.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]+"$/);
		const publications = answer.body.publications as { meetingId: string; version: number }[];
		expect(publications).toEqual([
			expect.objectContaining({ meetingId: published.meeting.id, version: 2 })
		]);
		const again = await call('GET', '/api/v1/public/publications', {
			headers: { 'if-none-match': etag! }
		});
		expect(again.status).toBe(304);
		const searched = await call(
			'GET',
			`/api/v1/public/publications?q=gemeentefonds${tag}&kind=overhedenoverleg`
		);
		expect(searched.body.publications).toHaveLength(1);
	});

	it('denied: bad filters are 400 naming each field; a hidden word finds nothing', async () => {
		const bad = await call('GET', '/api/v1/public/publications?kind=geheim&year=twintig');
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toBe('application/problem+json');
		expect(bad.body.errors!.map((error) => error.field).sort()).toEqual(['kind', 'year']);
		const hidden = await call('GET', `/api/v1/public/publications?q=vastgesteld${tag}`);
		expect(hidden.body.publications).toEqual([]);
	});
});

describe('GET /api/v1/public/publications/{id}', () => {
	it('allowed without an account: the newest version, or one by number, with its versions', async () => {
		const newest = await call('GET', `/api/v1/public/publications/${published.meeting.id}`);
		expect(newest.status).toBe(200);
		expect(newest.headers.get('cache-control')).toBe('public, max-age=60');
		expect(newest.body).toMatchObject({
			version: 2,
			reason: 'Correctie procedurele fout',
			confidentialItems: 1
		});
		const agenda = newest.body.agenda as { attachments: { href: string }[] }[];
		expect(agenda).toHaveLength(1);
		expect(agenda[0]!.attachments[0]!.href).toMatch(
			new RegExp(`^/publicaties/${published.meeting.id}/bijlagen/`)
		);
		const first = await call(
			'GET',
			`/api/v1/public/publications/${published.meeting.id}?version=1`
		);
		expect(first.body).toMatchObject({ version: 1, reason: null });
		expect(first.headers.get('etag')).not.toBe(newest.headers.get('etag'));
		expect(JSON.stringify(newest.body)).not.toContain(`geheim${tag}`);
	});

	it('denied: an unpublished or unknown meeting and an unknown version are 404; a bad version 400', async () => {
		for (const path of [
			`/api/v1/public/publications/${adopted.meeting.id}`,
			`/api/v1/public/publications/${randomUUID()}`,
			'/api/v1/public/publications/geen-id',
			`/api/v1/public/publications/${published.meeting.id}?version=3`
		]) {
			const answer = await call('GET', path);
			expect(answer.status, path).toBe(404);
			expect(answer.headers.get('content-type')).toBe('application/problem+json');
		}
		const bad = await call(
			'GET',
			`/api/v1/public/publications/${published.meeting.id}?version=twee`
		);
		expect(bad.status).toBe(400);
		expect(bad.body.errors).toEqual([
			{ field: 'version', message: expect.stringMatching(/versie/) }
		]);
	});
});

describe('the public API’s own limit and its place in the document', () => {
	it('denied past 300 requests a minute from one address: 429 with a problem document', async () => {
		// The harness asks from 192.0.2.20: use up its minute, without 300 database queries.
		for (let i = 0; i < publicApiLimit.max; i++)
			await rateLimiter().consume(publicApiLimit, '192.0.2.20');
		const refused = await call('GET', '/api/v1/public/publications');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('content-type')).toBe('application/problem+json');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(refused.body.title).toBe('Te veel verzoeken');
		// When the window is over (here: reset) it answers again.
		await rateLimiter().reset(publicApiLimit, '192.0.2.20');
		expect((await call('GET', '/api/v1/public/publications')).status).toBe(200);
	});

	it('the document: security [] on the public operations (no 401), the global security on the rest', () => {
		const document = openApiDocument() as unknown as {
			security: unknown[];
			paths: Record<
				string,
				Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
			>;
		};
		expect(document.security.length).toBeGreaterThan(0);
		for (const [path, item] of Object.entries(document.paths))
			for (const operation of Object.values(item)) {
				if (path.startsWith('/api/v1/public/')) {
					expect(operation.security, path).toEqual([]);
					expect(operation.responses['401'], path).toBeUndefined();
					expect(operation.responses['429'], path).toBeDefined();
				} else {
					expect(operation.security, path).toBeUndefined();
				}
			}
	});
});
