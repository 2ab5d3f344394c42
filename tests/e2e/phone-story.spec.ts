import type { Page } from '@playwright/test';
import { expect, test } from './meetings.fixtures';
import { api, plannedMeeting, signedIn, submittedItem, uniqueTitle } from './meetings.fixtures';
import { demoEmail, expectNoAxeViolations } from './support/identity';
import { mailArrived } from './support/mail';
import { RealtimeRecord } from './support/realtime';
import { formatDateTime } from '../../src/lib/time';

/*
 * The work finds the person (issue 12), end to end: the secretariaat brings an agenda into
 * afstemming, the request for the akkoord reaches the bestuurder by mail, the bestuurder signs in
 * on a phone, lands on Mijn werk where the agenda waits with its deadline, and gives bezwaar with a
 * reason without the page loading again; the secretariaat's own start page, in another browser,
 * shows the bezwaar as it happens. axe on the pages of the story, at phone size.
 */

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/**
 * Marks the document now on screen and counts its loads from here: a page that loads again
 * (a reload, a full navigation) loses the mark, and a load event counts.
 */
async function watchForLoads(page: Page) {
	let loads = 0;
	page.on('load', () => loads++);
	await page.evaluate(() => ((window as unknown as { storyMark: string }).storyMark = 'kept'));
	return async () => ({
		loads,
		mark: await page.evaluate(() => (window as unknown as { storyMark?: string }).storyMark)
	});
}

test('a bestuurder on a phone gives bezwaar from Mijn werk; the secretariaat sees it live', async ({
	secretariaat,
	page,
	browser,
	baseURL
}) => {
	// The secretariaat's own meeting (other specs run beside this one), with one item, in afstemming.
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Telefoon'), { open: true });
	const startsAt = (meeting as unknown as { startsAt: string }).startsAt;
	const medewerker = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'medewerker.ipo'
	);
	const item = await submittedItem(medewerker, meeting.id, uniqueTitle('Provinciepunt'));
	await api(
		secretariaat,
		'POST',
		`/items/${item.id}/place`,
		{ meetingId: meeting.id, minutes: 30 },
		item.version
	);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/start-alignment`, undefined, 2);

	// The request for the akkoord went out by mail, with the way to the meeting.
	const bestuurder = demoEmail('bestuurder.ipo');
	const mail = await mailArrived(bestuurder, `Uw akkoord gevraagd: agenda van ${meeting.title}`);
	expect(mail.body).toContain(`/vergaderingen/${meeting.id}`);

	// The secretariaat follows the afstemming from its start page, on a wide screen.
	await secretariaat.setViewportSize({ width: 1280, height: 800 });
	await secretariaat.goto('/mijn-werk');
	const alignment = secretariaat
		.getByRole('region', { name: /Agenda's in afstemming/ })
		.getByRole('listitem')
		.filter({ hasText: meeting.title });
	await expect(alignment).toContainText('0 van de 4 partijen akkoord');
	await expect(alignment).not.toContainText('Bezwaar van');
	const secretariaatLoads = await watchForLoads(secretariaat);

	// The bestuurder signs in on the phone and lands on the work waiting for IPO's akkoord.
	const received = RealtimeRecord.of(page);
	await signedIn(page, 'bestuurder.ipo');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
	const waiting = page.getByRole('region', { name: /Wachten op het akkoord van uw partij/ });
	const card = waiting.getByRole('listitem').filter({ hasText: meeting.title });
	await expect(card).toContainText(
		`Oordeel nodig vóór de vergadering op ${formatDateTime(startsAt)}`
	);
	await expectNoAxeViolations(page);
	const bestuurderLoads = await watchForLoads(page);

	// From the card to the agenda. Meanwhile IPO's medewerker submits another proposal, whose
	// event reaches Mijn werk while the agenda's data is on its way: the live layer's reload of
	// Mijn werk must not keep the bestuurder from the agenda (SvelteKit lets a reload win).
	const agendaData = new RegExp(`/vergaderingen/${meeting.id}/__data\\.json`);
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	let requested = () => {};
	const asked = new Promise<void>((resolve) => (requested = resolve));
	await page.route(agendaData, async (route) => {
		requested();
		await held;
		await route.continue();
	});
	await card.getByRole('link', { name: /^Akkoord geven of bezwaar maken\b/ }).tap();
	await asked;
	const another = await submittedItem(medewerker, meeting.id, uniqueTitle('Nog een punt'));
	await expect.poll(() => received.about(another.id).length).toBeGreaterThan(0);
	// Longer than the live layer waits before it reloads (150 ms): the reload would come now.
	await page.waitForTimeout(500);
	release();
	await expect(page).toHaveURL(new RegExp(`/vergaderingen/${meeting.id}$`));
	await page.unroute(agendaData);

	// The bezwaar: first without a reason, which is refused.
	const parties = page.getByRole('region', { name: 'Akkoord van de partijen' });
	await page.locator('label', { hasText: /^Bezwaar$/ }).tap();
	await expect(page.getByRole('radio', { name: 'Bezwaar' })).toBeChecked();
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).tap();
	await expect(page.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'Geef de reden van het bezwaar.'
	);
	await page.getByLabel('Reden van het bezwaar').fill('De kosten voor de provincies ontbreken.');
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).tap();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'Uw oordeel is vastgelegd: IPO maakt bezwaar tegen deze agenda.'
	);
	await expect(parties).toContainText('Reden: „De kosten voor de provincies ontbreken.”');
	// All of it in the document that signing in loaded: no reload, no full navigation.
	expect(await bestuurderLoads()).toEqual({ loads: 0, mark: 'kept' });
	await expectNoAxeViolations(page);

	// The secretariaat's start page shows the bezwaar as it happened, without loading again.
	await expect(alignment).toContainText(
		'Bezwaar van IPO: bespreek het en pas de agenda zo nodig aan.'
	);
	await expect(alignment).toContainText('0 van de 4 partijen akkoord');
	expect(await secretariaatLoads()).toEqual({ loads: 0, mark: 'kept' });

	// The request is also among the bestuurder's notifications.
	await page.goto('/meldingen');
	await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: `Uw akkoord gevraagd: agenda van ${meeting.title}` })
	).toBeVisible();
	await expectNoAxeViolations(page);
});
