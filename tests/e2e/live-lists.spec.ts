import { type Page, type Request } from '@playwright/test';
import { api, expect, plannedMeeting, signedIn, test, uniqueTitle } from './meetings.fixtures';

/*
 * Live state, not reloads (HOUSE.md), on the list screens: Nog te agenderen and Mijn voorstellen
 * apply what others change to their own rows, adding and removing items by the list's own rule.
 * The followers' browsers ask the server for nothing; only what a list cannot build from an event
 * (an item held over to the list: its submission date is not in the event) reloads its data.
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
const rowOf = (page: Page, title: string) => page.getByRole('row').filter({ hasText: title });

test('Nog te agenderen and Mijn voorstellen follow others’ changes without a data request', async ({
	secretariaat,
	page
}) => {
	await secretariaat.goto('/vergaderingen');
	const meetingTitle = uniqueTitle('Live-lijsten overleg');
	const meeting = await plannedMeeting(secretariaat, meetingTitle, { open: true });
	const browser = page.context().browser()!;
	const vng = await signedIn(await (await browser.newContext()).newPage(), 'medewerker.vng');
	// A colleague of the same organisation follows Mijn voorstellen; IPO follows the open list.
	const mine = await signedIn(await (await browser.newContext()).newPage(), 'bestuurder.vng');
	await mine.goto('/mijn-voorstellen');
	await signedIn(page, 'medewerker.ipo');
	await page.goto('/nog-te-agenderen');
	await expect(liveState(page)).toHaveText(/Live bijwerken: Live$/);
	await expect(liveState(mine)).toHaveText(/Live bijwerken: Live$/);
	const requests = dataRequests(page);
	const mineRequests = dataRequests(mine);

	// VNG drafts an item for no meeting: a concept is VNG's alone, so only Mijn voorstellen has it.
	const title = uniqueTitle('Live-lijst: bodemdaling');
	const draft = await api(vng, 'POST', '/items', {
		title,
		summary: 'Voor de e2e-test.',
		purpose: 'bespreking'
	});
	await expect(mine.getByRole('row').nth(1)).toContainText(title);
	await expect(rowOf(mine, title)).toContainText('Concept');

	// Submitted: it enters Nog te agenderen (newest submission, last) and changes status in place.
	const item = await api(vng, 'POST', `/items/${draft.id}/submit`, undefined, draft.version);
	await expect(page.getByRole('row').last()).toContainText(title);
	await expect(rowOf(page, title)).toContainText('Ingediend');
	await expect(rowOf(mine, title)).toContainText('Ingediend');

	// VNG retitles it: the new title replaces the old one on both lists.
	const renamed = `${title} (herzien)`;
	await api(vng, 'PATCH', `/items/${item.id}`, { title: renamed }, item.version);
	await expect(rowOf(page, renamed)).toBeVisible();
	await expect(rowOf(mine, renamed)).toBeVisible();

	// Placed on the meeting: it leaves Nog te agenderen; Mijn voorstellen names the meeting.
	await api(
		secretariaat,
		'POST',
		`/items/${item.id}/place`,
		{ meetingId: meeting.id, minutes: 20 },
		item.version + 1
	);
	await expect(rowOf(page, renamed)).toHaveCount(0);
	await expect(rowOf(mine, renamed)).toContainText(meetingTitle);
	await expect(rowOf(mine, renamed)).toContainText('Geagendeerd');

	// Four changes arrived and were applied: not one request for page data or a page.
	expect(requests.map((request) => request.url())).toEqual([]);
	expect(mineRequests.map((request) => request.url())).toEqual([]);
	await page.screenshot({ path: 'test-results/live-lists-unscheduled.png', fullPage: true });
	await mine.screenshot({ path: 'test-results/live-lists-mine.png', fullPage: true });

	// Held over to the list, it comes back with its old submission date, which its event does not
	// carry: that list reloads its data, once (the positive signal that the listener sees them).
	await api(
		secretariaat,
		'POST',
		`/items/${item.id}/defer`,
		{ reason: 'Eerst het BOFv', toMeetingId: null },
		item.version + 1
	);
	await expect(rowOf(page, renamed)).toContainText('Aangehouden');
	await expect
		.poll(() => requests.filter((r) => r.url().includes('__data.json')).length)
		.toBeGreaterThan(0);
	await expect(rowOf(mine, renamed)).toContainText('Aangehouden');
	expect(mineRequests.map((request) => request.url())).toEqual([]);
});
