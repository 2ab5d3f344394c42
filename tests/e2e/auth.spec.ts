import { expect, test } from './support/test';
import { demoEmail, expectNoAxeViolations, signIn, submitPassword } from './support/identity';

test('a wrong password and an unknown address get the same calm answer', async ({ page }) => {
	await page.goto('/inloggen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
	await expectNoAxeViolations(page);

	await submitPassword(page, demoEmail('medewerker.uvw'), 'Niet-het-goede-wachtwoord');
	await expect(page).toHaveURL(/\/inloggen$/);
	const summary = page.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await expect(summary).toBeFocused();
	const wrongPassword = (await summary.innerText()).trim();
	expect(wrongPassword).toContain('Het e-mailadres of het wachtwoord klopt niet.');
	// The address is kept, the password is not.
	await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue(
		demoEmail('medewerker.uvw')
	);
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
	await expect(page).toHaveTitle(/^Fout: Inloggen/);
	await expectNoAxeViolations(page);

	await submitPassword(page, 'bestaat-niet@e2e.example', 'Niet-het-goede-wachtwoord');
	await expect(page).toHaveURL(/\/inloggen$/);
	expect((await summary.innerText()).trim()).toBe(wrongPassword);
});

test('empty fields are named, each linked to its field', async ({ page }) => {
	await page.goto('/inloggen');
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	const summary = page.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await summary.getByRole('link', { name: 'Vul uw e-mailadres in.' }).click();
	await expect(page.getByLabel('E-mailadres', { exact: true })).toBeFocused();
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAccessibleDescription(
		'Vul een wachtwoord in.'
	);
});

test('signed-in pages send an anonymous visitor to the sign-in page and back', async ({ page }) => {
	await page.goto('/mijn-account');
	await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-account$/);

	await page.goto('/mijn-account/tweestapsverificatie');
	await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-account%2Ftweestapsverificatie$/);
	await page.getByLabel('E-mailadres', { exact: true }).fill(demoEmail('medewerker.ipo'));
	await page.getByLabel('Wachtwoord', { exact: true }).fill('Overleg-demo-2026');
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL(/\/mijn-account\/tweestapsverificatie$/);

	// Signed in, the sign-in page itself sends on; an outside address in ?terug= is ignored.
	await page.goto('/inloggen?terug=//evil.example/');
	await expect(page).toHaveURL(/\/mijn-werk$/);
});

test('a medewerker does not find the administration pages', async ({ page }) => {
	await signIn(page, demoEmail('medewerker.vng'));
	await page.goto('/mijn-account');
	await expect(page.getByRole('main').getByText('Fatima El Amrani')).toBeVisible();
	for (const path of ['/beheer/personen', '/beheer/audit']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
	}
});

test('ending another session signs that browser out', async ({ browser }) => {
	const email = demoEmail('medewerker.fin');
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await signIn(a, email);
	await signIn(b, email);

	await a.goto('/mijn-account');
	const sessions = a.getByRole('region', { name: 'Waar u bent ingelogd' });
	await expect(sessions.getByText('Dit apparaat')).toHaveCount(1);
	// B is the only other session of this account (no other test signs in as medewerker.fin);
	// this device has no button.
	const endButton = sessions.getByRole('button', { name: /^Beëindigen/ });
	await expect(endButton).toHaveCount(1);
	await endButton.click();
	await expect(
		a.getByRole('main').getByRole('status').filter({ hasText: 'De sessie is beëindigd' })
	).toBeVisible();
	await expect(endButton).toHaveCount(0);

	await b.goto('/mijn-account');
	await expect(b).toHaveURL(/\/inloggen\?terug=/);
	// A itself is still signed in.
	await a.goto('/mijn-account');
	await expect(a).toHaveURL(/\/mijn-account$/);
});

test('an invitation link that is wrong or used up explains what to do', async ({ page }) => {
	const response = await page.goto('/uitnodiging/00000000-0000-0000-0000-000000000000.abc');
	expect(response?.status()).toBe(410);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Deze uitnodiging werkt niet meer'
	);
	await expect(page.getByRole('main')).toContainText('Vraag het secretariaat');
	await expectNoAxeViolations(page);
});

test('the sign-in page speaks English under /en', async ({ page }) => {
	await page.goto('/en/inloggen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('group', { name: 'Something needs your attention' })).toContainText(
		'Enter your email address.'
	);
});

test('the header shows who is signed in; signing out is a POST with a confirmation', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();

	await signIn(page, demoEmail('bestuurder.ipo'));
	// Signed in, one's own work leads the main navigation; the account is in the header.
	await expect(
		page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').first()
	).toHaveText('Mijn werk');
	await page.goto('/mijn-account');
	const menu = page.getByRole('navigation', { name: 'Uw account' });
	await expect(menu).toContainText('Karin Smit');
	await expect(menu).toContainText('Bestuurder · Interprovinciaal Overleg');
	await expect(menu.getByRole('link', { name: 'Mijn account' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(menu.getByRole('link', { name: 'Beheer' })).toHaveCount(0);

	// A GET (a link, a prefetch) does not sign anyone out.
	await page.goto('/uitloggen');
	await page.goto('/mijn-account');
	await expect(page).toHaveURL(/\/mijn-account$/);

	await menu.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/\/\?uitgelogd$/);
	await expect(page.getByRole('main').getByRole('status')).toHaveText('U bent uitgelogd.');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
	await page.goto('/mijn-account');
	await expect(page).toHaveURL(/\/inloggen\?terug=/);
});

test('what a person types before the page’s script has loaded stays in the field', async ({
	page
}) => {
	// Hold the scripts back, type, then let them load and hydrate the page.
	let release = () => {};
	const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await scriptsMayLoad;
		await route.continue();
	});
	// Module scripts hold DOMContentLoaded back: wait for the response, then for the field.
	await page.goto('/inloggen', { waitUntil: 'commit' });
	const email = page.getByLabel('E-mailadres', { exact: true });
	await expect(email).toBeVisible();
	await email.fill(demoEmail('medewerker.ipo'));
	release();
	await page.waitForLoadState('networkidle');
	await expect(email).toHaveValue(demoEmail('medewerker.ipo'));
});
