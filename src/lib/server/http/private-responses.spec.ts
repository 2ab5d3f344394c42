import { json, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { privateResponses } from './private-responses';

type Who = 'session' | 'token' | 'nobody';

function run(path: string, who: Who, response: Response, dataRequest = false) {
	const event = {
		url: new URL(path, 'http://localhost'),
		isDataRequest: dataRequest,
		locals: {
			session: who === 'session' ? { id: 's1' } : null,
			actor: who === 'nobody' ? null : { personId: 'p1' }
		}
	} as unknown as RequestEvent;
	return Promise.resolve(privateResponses({ event, resolve: () => response }));
}

const cacheControl = async (...args: Parameters<typeof run>) =>
	(await run(...args)).headers.get('cache-control');

describe('privateResponses', () => {
	it('a signed-in page and its page data are private, no-store', async () => {
		const html = () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
		expect(await cacheControl('/vergaderingen', 'session', html())).toBe('private, no-store');
		expect(await cacheControl('/vergaderingen/__data.json', 'session', json({}), true)).toBe(
			'private, no-store'
		);
	});

	it('/api/v1/me, with a token or a session, is private, no-store', async () => {
		const me = () => json({ name: 'Fatima El Amrani' });
		expect(await cacheControl('/api/v1/me', 'token', me())).toBe('private, no-store');
		expect(await cacheControl('/api/v1/me', 'session', me())).toBe('private, no-store');
	});

	it('an answer that chose its own caching keeps it (a download, the public API document)', async () => {
		const download = new Response('%PDF', {
			headers: { 'content-type': 'application/pdf', 'cache-control': 'private, no-cache' }
		});
		expect(await cacheControl('/bijlagen/x', 'session', download)).toBe('private, no-cache');
		const document = json({}, { headers: { 'cache-control': 'public, max-age=300' } });
		expect(await cacheControl('/api/v1/openapi.json', 'token', document)).toBe(
			'public, max-age=300'
		);
	});

	it('nobody signed in: nothing is added', async () => {
		const html = new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
		expect(await cacheControl('/publicaties', 'nobody', html)).toBeNull();
		expect(await cacheControl('/api/v1/me', 'nobody', json({}, { status: 401 }))).toBeNull();
	});
});
