import { expect, test } from './support/test';

const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

test('/healthz says the process lives, in JSON', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(response.headers()['cache-control']).toBe('no-store');
	const body = await response.json();
	expect(body.status).toBe('ok');
	expect(typeof body.uptimeSeconds).toBe('number');
});

test(`/readyz says the ${engine} database is reachable and migrated`, async ({ request }) => {
	const response = await request.get('/readyz');
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(body.status).toBe('ready');
	expect(body.database.engine).toBe(engine);
	expect(body.database.reachable).toBe(true);
	expect(body.database.migrations.applied).toBe(body.database.migrations.expected);
	expect(body.database.migrations.expected).toBeGreaterThan(0);
});

test('every response carries a request id and the security headers', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	expect(headers['content-security-policy']).not.toContain("unsafe-inline' 'nonce");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy']).toContain('camera=()');
	// Plain http here: no HSTS.
	expect(headers['strict-transport-security']).toBeUndefined();
});

test('a request id from the caller is kept, an odd one replaced', async ({ request }) => {
	const kept = await request.get('/healthz', { headers: { 'x-request-id': 'koepel-systeem-42' } });
	expect(kept.headers()['x-request-id']).toBe('koepel-systeem-42');
	const replaced = await request.get('/healthz', { headers: { 'x-request-id': 'x y' } });
	expect(replaced.headers()['x-request-id']).not.toBe('x y');
});

test('a form POST from another origin is refused', async ({ request }) => {
	const response = await request.post('/', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'a=b'
	});
	expect(response.status()).toBe(403);
});

test('/.well-known/security.txt says where to report a vulnerability', async ({ request }) => {
	const response = await request.get('/.well-known/security.txt');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/plain');
	const body = await response.text();
	expect(body).toMatch(/^Contact: mailto:/m);
	const expires = /^Expires: (.+)$/m.exec(body)?.[1];
	expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
});

test('the API answers a missing or wrong token with a problem document, never a page', async ({
	request
}) => {
	const missing = await request.get('/api/v1/me');
	expect(missing.status()).toBe(401);
	expect(missing.headers()['content-type']).toContain('application/problem+json');
	expect(missing.headers()['www-authenticate']).toContain('Bearer');
	expect(await missing.json()).toMatchObject({ status: 401, title: 'Niet aangemeld' });
	const wrong = await request.get('/api/v1/me', {
		headers: { authorization: 'Bearer oho_nep.token' }
	});
	expect(wrong.status()).toBe(401);
});
