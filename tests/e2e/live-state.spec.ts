import { type Page, type Request } from '@playwright/test';
import {
	api,
	expect,
	plannedMeeting,
	signedIn,
	submittedItem,
	test,
	uniqueTitle
} from './meetings.fixtures';

/*
 * Live state, not reloads (HOUSE.md): a meeting page that follows the meeting applies what others
 * change to its own rows. The follower's browser asks the server for nothing: no page data, no
 * page. Only what it cannot apply makes it reload (here: the meeting's own change of status).
 */
test.describe.configure({ timeout: 90_000 });

/** Every request the page makes for page data or a page after it was loaded. */
function dataRequests(page: Page): Request[] {
	const seen: Request[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('/__data.json') || request.resourceType() === 'document')
			seen.push(request);
	});
	return seen;
}

const liveState = (page: Page) => page.locator('p', { hasText: 'Live bijwerken:' });

test('another person’s changes appear on the meeting page without any data request', async ({
	secretariaat,
	page
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Live-state overleg'), {
		open: true
	});
	const browser = page.context().browser()!;
	const vng = await signedIn(await (await browser.newContext()).newPage(), 'medewerker.vng');
	// One item is on the agenda already: a first item changes what the secretariaat may do with
	// the agenda (order it), and a change of what the viewer may do is what a page reloads for.
	const first = await submittedItem(vng, meeting.id, uniqueTitle('Live: eerste punt'));
	await api(secretariaat, 'POST', `/items/${first.id}/place`, { minutes: 30 }, first.version);
	await signedIn(page, 'medewerker.ipo');
	await page.goto(`/vergaderingen/${meeting.id}`);
	await expect(liveState(page)).toHaveText(/Live bijwerken: Live$/);
	const requests = dataRequests(page);

	// A medewerker of VNG submits an item: it appears among the waiting items.
	const title = uniqueTitle('Live: klimaatadaptatie');
	const item = await submittedItem(vng, meeting.id, title);
	const waiting = page.locator('section[aria-labelledby="waiting-heading"]');
	await expect(waiting.getByText(title)).toBeVisible();

	// The secretariaat places it with 30 minutes: it moves onto the agenda, with the total.
	await api(secretariaat, 'POST', `/items/${item.id}/place`, { minutes: 30 }, item.version);
	const agenda = page.locator('section[aria-labelledby="agenda-heading"]');
	await expect(agenda.getByText(title)).toBeVisible();
	await expect(agenda).toContainText('Totaal: 60 van 120 minuten.');

	// VNG retitles it: the new title replaces the old one in place.
	const renamed = `${title} (herzien)`;
	const current = await api(vng, 'GET', `/items/${item.id}`);
	await api(vng, 'PATCH', `/items/${item.id}`, { title: renamed }, current.version);
	await expect(agenda.getByText(renamed)).toBeVisible();
	await expect(waiting.getByText(title)).toHaveCount(0);

	// Three changes arrived and were applied: not one request for page data or a page.
	expect(requests.map((request) => request.url())).toEqual([]);
	await page.screenshot({ path: 'test-results/live-state-meeting.png', fullPage: true });

	// What the page cannot apply (the meeting's own step changes what the viewer may do) reloads
	// its data, once: the positive signal that the listener above does see such requests.
	await api(
		secretariaat,
		'POST',
		`/meetings/${meeting.id}/start-alignment`,
		undefined,
		meeting.version
	);
	await expect
		.poll(() => requests.filter((r) => r.url().includes('__data.json')).length)
		.toBeGreaterThan(0);
	await expect(page.getByText('Agenda in afstemming').first()).toBeVisible();
});

test('a comment and a new title appear on another person’s item page without any data request', async ({
	page
}) => {
	const browser = page.context().browser()!;
	const vng = await signedIn(await (await browser.newContext()).newPage(), 'medewerker.vng');
	const title = uniqueTitle('Live: bodemdaling');
	const draft = await api(vng, 'POST', '/items', {
		title,
		summary: 'Voor de e2e-test.',
		purpose: 'bespreking',
		meetingId: null
	});
	const item = await api(vng, 'POST', `/items/${draft.id}/submit`, undefined, draft.version);
	await signedIn(page, 'medewerker.ipo');
	await page.goto(`/agendapunten/${item.id}`);
	await expect(liveState(page)).toHaveText(/Live bijwerken: Live$/);
	const requests = dataRequests(page);

	// VNG writes a comment on its own page (a form post there): IPO's page shows it, and says so.
	await vng.goto(`/agendapunten/${item.id}`);
	const text = `Wie neemt de monitoring op zich? ${uniqueTitle('')}`;
	await vng.getByLabel('Uw reactie').fill(text);
	await vng.getByRole('button', { name: 'Reactie plaatsen' }).click();
	// The author's own comment has an edit form holding its text too: look at the paragraph.
	const said = (on: Page) => on.getByRole('paragraph').filter({ hasText: text });
	await expect(said(vng)).toBeVisible();
	const discussion = page.locator('section[aria-labelledby="comments-heading"]');
	await expect(said(page)).toBeVisible();
	await expect(discussion).toContainText('Fatima El Amrani');
	await expect(page.getByRole('main').locator('[aria-live="polite"]').last()).toHaveText(
		'Nieuwe reactie van Fatima El Amrani'
	);

	// VNG retitles the item: the heading changes in place.
	const renamed = `${title} (herzien)`;
	await api(vng, 'PATCH', `/items/${item.id}`, { title: renamed }, item.version);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
	await expect(page).toHaveTitle(new RegExp(renamed.replace(/[()]/g, '\\$&')));

	expect(requests.map((request) => request.url())).toEqual([]);
	await page.screenshot({ path: 'test-results/live-state-item.png', fullPage: true });

	// A withdrawal changes what IPO may do here: that the page cannot apply, so it reloads its data.
	const current = await api(vng, 'GET', `/items/${item.id}`);
	await api(vng, 'POST', `/items/${item.id}/withdraw`, undefined, current.version);
	await expect
		.poll(() => requests.filter((r) => r.url().includes('__data.json')).length)
		.toBeGreaterThan(0);
	await expect(page.getByText('Ingetrokken').first()).toBeVisible();
});
