import { expect, test } from './support/test';
import { demoEmail, expectNoAxeViolations, signIn } from './support/identity';

/*
 * The API against the built server: the document and the docs page, and a browser session using
 * the API with SvelteKit's own hooks in front (the integration tests call the handlers directly).
 */

test('/api/v1/openapi.json is an OpenAPI 3.1 document, public', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	const document = await response.json();
	expect(document.openapi).toBe('3.1.0');
	expect(Object.keys(document.paths)).toContain('/api/v1/meetings/{id}/agenda');
});

test('/api/docs explains the API in Dutch and lists every operation; axe finds nothing', async ({
	page
}) => {
	await page.goto('/api/docs');
	await expect(page.getByRole('heading', { level: 1, name: 'API-documentatie' })).toBeVisible();
	for (const heading of ['Aanmelden', 'Versies en If-Match', 'Fouten: probleemdocumenten']) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	const operation = page.locator('#op-updateItem');
	await expect(operation).toContainText('PATCH');
	await expect(operation).toContainText('/api/v1/items/{id}');
	await expect(page.getByRole('table', { name: 'Velden van Meeting', exact: true })).toBeVisible();
	// The contents work from the keyboard: a link moves to its section.
	await page.getByRole('link', { name: 'Agendapunten' }).first().focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#groep-agendapunten$/);
	await expectNoAxeViolations(page);
});

test('/en/api/docs gives the introduction in English; axe finds nothing', async ({ page }) => {
	await page.goto('/en/api/docs');
	await expect(page.getByRole('heading', { level: 1, name: 'API documentation' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Versions and If-Match' })
	).toBeVisible();
	await expect(page.locator('#op-getAgenda')).toContainText('/api/v1/meetings/{id}/agenda');
	await expectNoAxeViolations(page);
});

test('the docs page fits a phone: the page itself does not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 412, height: 900 });
	await page.goto('/api/docs');
	const overflow = await page.evaluate(() => {
		const article = document.querySelector('article')!;
		return article.getBoundingClientRect().right - window.innerWidth;
	});
	expect(overflow).toBeLessThanOrEqual(0);
});

test('without a token or session the API answers 401 with a problem document', async ({
	request
}) => {
	const response = await request.get('/api/v1/meetings');
	expect(response.status()).toBe(401);
	expect(response.headers()['content-type']).toBe('application/problem+json');
});

test('a signed-in browser uses the API with its session; cross-site and non-JSON writes are refused', async ({
	page,
	baseURL
}) => {
	await signIn(page, demoEmail('medewerker.vng'));
	const api = page.request;
	const meetings = await api.get('/api/v1/meetings?when=upcoming');
	expect(meetings.status()).toBe(200);
	const item = {
		title: `Via de API ${Date.now()}`,
		summary: 'Een concept, opgesteld vanuit de browser.',
		purpose: 'informatie'
	};
	const created = await api.post('/api/v1/items', {
		data: item,
		headers: { origin: baseURL! }
	});
	expect(created.status()).toBe(201);
	const { id, version } = await created.json();
	expect(created.headers()['etag']).toBe(`"${version}"`);

	const foreign = await api.post('/api/v1/items', {
		data: item,
		headers: { origin: 'https://kwaadwillend.example' }
	});
	expect(foreign.status()).toBe(403);
	const plain = await api.post(`/api/v1/items/${id}/submit`, {
		data: 'x',
		headers: { 'content-type': 'text/plain', origin: baseURL!, 'if-match': `"${version}"` }
	});
	expect(plain.status()).toBe(415);

	const stale = await api.patch(`/api/v1/items/${id}`, {
		data: { title: 'Een oude versie' },
		headers: { 'if-match': '"99"' }
	});
	expect(stale.status()).toBe(412);
	const missing = await api.patch(`/api/v1/items/${id}`, { data: { title: 'Zonder versie' } });
	expect(missing.status()).toBe(428);
	const tooBig = await api.post('/api/v1/items', {
		data: { ...item, summary: 'x'.repeat(300 * 1024) }
	});
	expect(tooBig.status()).toBe(413);
});
