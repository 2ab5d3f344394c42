import { expect, test } from './support/test';
import { type Browser, type Page, type WebSocketRoute } from '@playwright/test';
import { api, test as secretariaatTest, uniqueTitle } from './meetings.fixtures';
import { demoEmail, expectNoAxeViolations, signIn } from './support/identity';
import { recordAnnouncements, RealtimeRecord } from './support/realtime';

/*
 * Two people of different parties, two browser contexts: what one does reaches the other live,
 * a concept never does, and a context whose network was cut catches up with what it missed.
 */
test.describe.configure({ timeout: 90_000 });

async function signedIn(browser: Browser, who: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, demoEmail(who));
	return page;
}

const liveState = (page: Page) => page.locator('p', { hasText: 'Live bijwerken:' });

async function draft(page: Page, title: string) {
	return api(page, 'POST', '/items', { title, summary: 'Live e2e.', purpose: 'informatie' });
}

test('one party submits, the other sees it within a second; a concept never reaches the other', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const ipo = await signedIn(browser, 'medewerker.ipo');
	const ipoReceived = RealtimeRecord.of(ipo);
	await ipo.goto('/nog-te-agenderen');
	await expect(liveState(ipo)).toHaveText(/Live bijwerken: Live$/);
	const announced = await recordAnnouncements(ipo);

	const title = uniqueTitle('Live: waterberging in de regio');
	const concept = await draft(vng, title);
	await vng.goto('/mijn-voorstellen');
	await expect(vng.getByRole('link', { name: title })).toBeVisible();

	await api(vng, 'POST', `/items/${concept.id}/submit`, undefined, concept.version);
	const row = ipo.getByRole('row', { name: new RegExp(title) });
	await expect(row).toBeVisible({ timeout: 1_000 });
	// The concept stayed with VNG. Had its draft reached IPO, it would have come before the
	// submission, on the same connection: now that the submission is here, it is the only event
	// IPO received about the item.
	await expect.poll(() => ipoReceived.about(concept.id).length).toBeGreaterThan(0);
	expect(ipoReceived.about(concept.id).map((event) => event.type)).toEqual([
		'agenda_item.submitted.v1'
	]);
	// Changed by someone else: marked for a moment, and said to screen-reader users. (Other tests'
	// changes may take the sentence over at once: it is looked for in what the region said.)
	await expect(row).toContainText('zojuist gewijzigd');
	await expect.poll(announced).toContain(`Bijgewerkt: ${title}`);
	await ipo.screenshot({ path: 'test-results/realtime-live-row.png', fullPage: true });
	await expectNoAxeViolations(ipo);
});

test('after its network was cut and restored, a context shows every change it missed', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const uvw = await signedIn(browser, 'medewerker.uvw');

	// The cut: close the live connection and refuse new ones until it is restored. What the server
	// sends passes through here, so the test knows how the missed changes came.
	let cut = false;
	const sockets: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
	const uvwReceived = new RealtimeRecord();
	await uvw.routeWebSocket(/\/socket\.io\//, (socket) => {
		if (cut) return; // a dead network: the attempt gets no answer at all
		const server = socket.connectToServer();
		const pair = { page: socket, server };
		sockets.push(pair);
		server.onMessage((frame) => {
			// What reaches the page: nothing of a connection the cut has ended.
			if (!sockets.includes(pair)) return;
			uvwReceived.add(frame);
			socket.send(frame);
		});
	});
	await uvw.goto('/nog-te-agenderen');
	await expect(liveState(uvw)).toHaveText(/Live bijwerken: Live$/);

	cut = true;
	await uvw.context().setOffline(true);
	for (const { page, server } of sockets.splice(0)) {
		await page.close({ code: 1006, reason: 'offline' });
		await server.close();
	}
	await expect(liveState(uvw)).toHaveText(/Live bijwerken: Verbinding herstellen…$/);

	const titles = [uniqueTitle('Gemist: bodemdaling'), uniqueTitle('Gemist: netcongestie')];
	const missed: string[] = [];
	for (const title of titles) {
		const item = await draft(vng, title);
		await api(vng, 'POST', `/items/${item.id}/submit`, undefined, item.version);
		missed.push(item.id);
	}

	cut = false;
	await uvw.context().setOffline(false);
	await expect(liveState(uvw)).toHaveText(/Live bijwerken: Bijgewerkt$/, { timeout: 15_000 });
	for (const title of titles) {
		await expect(uvw.getByRole('row', { name: new RegExp(title) })).toHaveCount(1);
	}
	// Missed indeed, and caught up: each submission came once, in the replay after the connection
	// was back, none live (as it would have through a cut that did not hold).
	for (const id of missed) {
		expect(uvwReceived.about(id).map(({ via, type }) => `${via} ${type}`)).toEqual([
			'replay agenda_item.submitted.v1'
		]);
	}
	await uvw.screenshot({ path: 'test-results/realtime-caught-up.png', fullPage: true });
});

test('presence: each sees who else has the meeting open, by party', async ({ browser }) => {
	const meeting = '/vergaderingen/00000000-0000-4000-a000-000000000003';
	const vng = await signedIn(browser, 'medewerker.vng');
	const ipo = await signedIn(browser, 'bestuurder.ipo');
	await vng.goto(meeting);
	await ipo.goto(meeting);
	const presence = vng.getByRole('region', { name: 'Nu op deze pagina' });
	await expect(presence).toContainText(/IPO\s*Karin Smit/);
	await expect(presence).toContainText(/VNG\s*Fatima El Amrani/);
	await expectNoAxeViolations(vng);
	await ipo.close();
	await expect(presence).toContainText('Alleen u.');
});

secretariaatTest(
	'the proposer is told, with a toast and the bell, that the secretariaat placed their item',
	async ({ browser, secretariaat }) => {
		const meetingId = '00000000-0000-4000-a000-000000000003';
		const vng = await signedIn(browser, 'medewerker.vng');
		const title = uniqueTitle('Melding: omgevingswet');
		const item = await api(vng, 'POST', '/items', {
			title,
			summary: 'Live e2e.',
			purpose: 'bespreking',
			meetingId
		});
		const submitted = await api(vng, 'POST', `/items/${item.id}/submit`, undefined, item.version);
		await vng.goto('/mijn-voorstellen');
		await expect(liveState(vng)).toHaveText(/Live bijwerken: Live$/);

		await secretariaat.goto('/secretariaat');
		await api(secretariaat, 'POST', `/items/${item.id}/place`, { minutes: 15 }, submitted.version);

		const toast = vng.getByRole('status').filter({ hasText: title });
		await expect(toast).toContainText(`Geagendeerd: ${title}`);
		// The server's count: the demo person may have more from other tests of the run.
		const bell = vng.getByRole('button', { name: /^Meldingen/ });
		await expect(bell).toHaveAccessibleName(/\d+ ongelezen/);
		await bell.click();
		const panel = vng.getByRole('region', { name: 'Meldingen' });
		await expect(panel.getByRole('link', { name: `Geagendeerd: ${title}` })).toBeVisible();
		// Opening marks them read: a second browser below lists this one as read. (The count is no
		// measure: tests beside this one notify the same demo person while it runs.)
		await vng.screenshot({ path: 'test-results/realtime-notification.png' });
		await expectNoAxeViolations(vng);
		await vng.keyboard.press('Escape');
		await expect(panel).toBeHidden();
		await expect(bell).toBeFocused();

		// A reload keeps the notification, once.
		await vng.reload();
		await vng.getByRole('button', { name: /^Meldingen/ }).click();
		await expect(vng.getByRole('link', { name: `Geagendeerd: ${title}` })).toHaveCount(1);
		// Read on this device is read on every other: a second browser lists it as read. (Not "no
		// unread at all": other tests of the run, in parallel, notify the same demo person.)
		const other = await signedIn(browser, 'medewerker.vng');
		await other.goto('/meldingen');
		const entry = other.getByRole('listitem').filter({ hasText: `Geagendeerd: ${title}` });
		await expect(entry).toHaveCount(1);
		await expect(entry).not.toContainText('Ongelezen');
		await expect(entry.getByRole('button', { name: /Markeren als gelezen/ })).toHaveCount(0);
	}
);
