import { expect, test } from './meetings.fixtures';
import { api, plannedMeeting, signedIn, submittedItem, uniqueTitle } from './meetings.fixtures';
import { expectNoAxeViolations } from './support/identity';

/*
 * Notifications that belong to the person: a co-sponsor request reaches the asked party's page
 * of notifications live, without a reload; marked read there, it is read; the mail preferences
 * page saves. No axe violation on either page, on a phone-sized screen too.
 */

test('a co-sponsor request arrives live on /meldingen, is marked read, and the preferences save', async ({
	secretariaat,
	page,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Meldingen'), { open: true });
	const asked = await signedIn(page, 'medewerker.uvw');
	await asked.goto('/meldingen');
	await expect(asked.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
	await expectNoAxeViolations(asked);
	let loads = 0;
	asked.on('request', (request) => {
		if (request.url().includes('__data.json')) loads++;
	});

	const proposer = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'medewerker.vng'
	);
	await proposer.goto('/mijn-werk');
	const title = uniqueTitle('Meldingen');
	const item = await submittedItem(proposer, meeting.id, title);
	await api(proposer, 'POST', `/items/${item.id}/co-sponsors`, { party: 'uvw' });

	const entry = asked.getByRole('listitem').filter({ hasText: `Mede-indienen gevraagd: ${title}` });
	await expect(entry).toBeVisible();
	await expect(entry.getByText('Ongelezen')).toBeVisible();
	expect(loads).toBe(0);
	// The button names its notification (the subject is there for screen readers only).
	await entry
		.getByRole('button', { name: /^Markeren als gelezen\b.*Mede-indienen gevraagd/ })
		.click();
	await expect(asked.getByText('De melding is gemarkeerd als gelezen.')).toBeVisible();
	await expect(entry.getByText('Ongelezen')).toHaveCount(0);

	await asked.setViewportSize({ width: 390, height: 844 });
	await expectNoAxeViolations(asked);

	await asked.goto('/mijn-account/meldingen');
	await expect(
		asked.getByRole('heading', { level: 1, name: 'E-mail over meldingen' })
	).toBeVisible();
	await expectNoAxeViolations(asked);
	await asked.getByLabel('Uw agendapunt is behandeld').uncheck();
	await asked.getByLabel('Eén samenvatting per dag').check();
	await asked.getByLabel('Tijd van de samenvatting').fill('07:45');
	await asked.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
	await expect(asked.getByText('Uw e-mailvoorkeuren zijn opgeslagen.')).toBeVisible();
	await expect(asked.getByLabel('Uw agendapunt is behandeld')).not.toBeChecked();
	await expect(asked.getByLabel('Tijd van de samenvatting')).toHaveValue('07:45');
	await asked.screenshot({ path: '/tmp/h4/preferences.png', fullPage: true });
});
