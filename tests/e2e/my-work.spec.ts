import { expect, test } from './meetings.fixtures';
import { api, plannedMeeting, submittedItem, uniqueTitle } from './meetings.fixtures';
import { demoEmail, expectNoAxeViolations, submitPassword } from './support/identity';

/*
 * "Mijn werk": after signing in a bestuurder lands on their own work, and the agenda that waits
 * for their party's akkoord is there, with its deadline and the one way to act on it.
 */

test('a bestuurder signs in, lands on Mijn werk and finds the agenda waiting for their akkoord', async ({
	secretariaat,
	page,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Mijn werk'), { open: true });
	const medewerker = await (await browser.newContext({ baseURL })).newPage();
	await submitPassword(medewerker, demoEmail('medewerker.vng'));
	await expect(medewerker).toHaveURL(/\/mijn-werk$/);
	const item = await submittedItem(medewerker, meeting.id, uniqueTitle('Punt'));
	await api(
		secretariaat,
		'POST',
		`/items/${item.id}/place`,
		{ meetingId: meeting.id, minutes: 30 },
		item.version
	);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/start-alignment`, undefined, 2);

	await submitPassword(page, demoEmail('bestuurder.uvw'));
	await expect(page).toHaveURL(/\/mijn-werk$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn werk' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	await expect(nav.getByRole('link', { name: 'Mijn werk' })).toHaveAttribute(
		'aria-current',
		'page'
	);

	const waiting = page.getByRole('region', { name: /Wachten op het akkoord van uw partij/ });
	const card = waiting.getByRole('listitem').filter({ hasText: meeting.title });
	await expect(card).toContainText('Oordeel nodig vóór de vergadering op');
	const act = card.getByRole('link', { name: /^Akkoord geven of bezwaar maken\b/ });
	await expect(act).toBeVisible();
	await expectNoAxeViolations(page);

	// On a phone-sized screen: the same, without sideways scrolling.
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(card).toBeVisible();
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
		innerWidth: window.innerWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
	await expectNoAxeViolations(page);

	// The one action leads to where the akkoord is given.
	await act.click();
	await expect(page).toHaveURL(new RegExp(`/vergaderingen/${meeting.id}$`));
	await expect(page.getByRole('button', { name: 'Oordeel vastleggen' })).toBeVisible();
});

test('a visitor is sent to sign in first, and comes back to Mijn werk', async ({ page }) => {
	await page.goto('/mijn-werk');
	await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-werk$/);
	await page.getByLabel('E-mailadres', { exact: true }).fill(demoEmail('medewerker.ipo'));
	await page.getByLabel('Wachtwoord', { exact: true }).fill('Overleg-demo-2026');
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL(/\/mijn-werk$/);
	await expect(page.getByRole('region', { name: /Concepten van uw organisatie/ })).toBeVisible();
	// Signed in, the home page sends one to one's work.
	await page.goto('/');
	await expect(page).toHaveURL(/\/mijn-werk$/);
});
