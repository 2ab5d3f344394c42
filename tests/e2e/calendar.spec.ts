import { expectNoAxeViolations } from './support/identity';
import { expect, signedIn, test } from './meetings.fixtures';
import { demoTitles } from '../../src/lib/server/meetings/demo-data';

/** The demo meetings' names: made from their dates, which follow the day the server seeded. */
const demo = demoTitles(Date.now());

// The machine is shared and busy: room for slow sign-ins and uploads.
test.describe.configure({ timeout: 90_000 });

/** The demo's coming Overhedenoverleg (read only here). */
const DEMO_MEETING = '00000000-0000-4000-a000-000000000004';

test('the meeting .ics downloads and parses; signed out it sends to sign in', async ({
	page,
	browser,
	baseURL
}) => {
	await signedIn(page, 'medewerker.ipo');
	const response = await page.request.get(`/vergaderingen/${DEMO_MEETING}/agenda.ics`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="vergadering-/);
	const ics = (await response.text()).replace(/\r\n[ \t]/g, '');
	expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
	expect(ics).toContain(`SUMMARY:${demo.coming}`);
	expect(ics).toMatch(/DTSTART;TZID=Europe\/Amsterdam:\d{8}T\d{6}\r\n/);
	expect(ics).toContain('BEGIN:VTIMEZONE');
	expect(ics).toContain('END:VCALENDAR');

	// The English pages link to the same file under /en.
	const english = await page.request.get(`/en/vergaderingen/${DEMO_MEETING}/agenda.ics`);
	expect(english.status()).toBe(200);
	expect(await english.text()).toContain('BEGIN:VCALENDAR');

	const unknown = await page.request.get(
		'/vergaderingen/00000000-0000-4000-a000-00000000ffff/agenda.ics'
	);
	expect(unknown.status()).toBe(404);

	const anonymous = await browser.newContext({ baseURL });
	const refused = await anonymous.request.get(`/vergaderingen/${DEMO_MEETING}/agenda.ics`, {
		maxRedirects: 0
	});
	expect(refused.status()).toBe(303);
	expect(refused.headers()['location']).toMatch(/\/inloggen\?terug=/);
	await anonymous.close();
});

test('a person makes a private feed URL, a calendar app reads it, revoking stops it', async ({
	page,
	playwright,
	baseURL
}) => {
	await signedIn(page, 'bestuurder.uvw');
	await page.goto('/mijn-account');
	await page.getByRole('link', { name: 'Vergaderingen in uw eigen agenda' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Vergaderingen in uw eigen agenda' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Agendalink maken' }).click();
	await expect(page.getByText('Uw agendalink is klaar.')).toBeVisible();
	const url = await page.getByRole('textbox', { name: 'Agendalink' }).inputValue();
	expect(url).toMatch(/\/kalender\/[0-9a-f-]{36}\.[a-z0-9]+$/);
	await expectNoAxeViolations(page);

	// A calendar app: no cookies, only the URL.
	const app = await playwright.request.newContext({ baseURL });
	const feed = await app.get(url);
	expect(feed.status()).toBe(200);
	const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain(`SUMMARY:${demo.coming}`);

	// The URL is shown once: after a reload only the facts remain.
	await page.goto('/mijn-account/kalender');
	await expect(page.getByText('U hebt een actieve agendalink.')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Agendalink' })).toHaveCount(0);

	await page.getByRole('button', { name: 'Link intrekken' }).click();
	await expect(page.getByText('De agendalink is ingetrokken.')).toBeVisible();
	expect((await app.get(url)).status()).toBe(404);
	expect((await app.get('/kalender/onzin')).status()).toBe(404);
	await app.dispose();
});

test('a bestuurder delegates the akkoord to a medewerker, who sees it, and revokes it', async ({
	page,
	browser,
	baseURL
}) => {
	await signedIn(page, 'bestuurder.uvw');
	await page.goto('/mijn-account/machtigingen');
	await expect(page.getByRole('heading', { level: 1, name: 'Machtigingen' })).toBeVisible();
	await expectNoAxeViolations(page);

	// A date in the past is refused with a message at the field.
	await page.getByLabel('Medewerker').selectOption({ label: 'Daan Meijer' });
	await page.getByLabel('Geldig tot en met (niet verplicht)').fill('2020-01-01');
	await page.getByRole('button', { name: 'Machtiging geven' }).click();
	await expect(page.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'Kies een datum vanaf vandaag.'
	);
	await expectNoAxeViolations(page);

	await page.getByLabel('Geldig tot en met (niet verplicht)').fill('');
	await page.getByRole('button', { name: 'Machtiging geven' }).click();
	await expect(page.getByText('De machtiging is gegeven.')).toBeVisible();
	const given = page.getByRole('region', { name: 'Gegeven machtigingen' });
	await expect(given).toContainText('Daan Meijer');
	await expect(given).toContainText('tot intrekking');

	const context = await browser.newContext({ baseURL });
	const medewerker = await signedIn(await context.newPage(), 'medewerker.uvw');
	await medewerker.goto('/mijn-account/machtigingen');
	await expect(medewerker.getByText('Van Ingrid de Boer')).toBeVisible();
	await expectNoAxeViolations(medewerker);
	// A medewerker cannot delegate further.
	const origin = new URL(medewerker.url()).origin;
	const refused = await medewerker.request.post('/mijn-account/machtigingen?/grant', {
		headers: { origin },
		form: { delegateId: '00000000-0000-4000-a000-000000000001', validUntil: '' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);

	await page.getByRole('button', { name: /^Intrekken\W+Daan Meijer$/ }).click();
	await expect(page.getByText('De machtiging is ingetrokken.')).toBeVisible();
	await medewerker.goto('/mijn-account/machtigingen');
	await expect(
		medewerker.getByText('U bent niet gemachtigd om namens uw partij akkoord te geven')
	).toBeVisible();
	await context.close();
});
