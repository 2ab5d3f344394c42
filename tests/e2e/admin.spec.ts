import { test as base, expect } from './support/test';
import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	DEMO_TOTP_KEY,
	NEW_PASSWORD,
	demoEmail,
	expectNoAxeViolations,
	signIn,
	submitPassword,
	totpCode,
	uniqueEmail
} from './support/identity';
import { mailArrived } from './support/mail';

/*
 * The demo beheerder signs in once per worker: a TOTP code is accepted once per 30-second step,
 * so signing in for every test would mean waiting for the clock. The tests in this file therefore
 * run one after the other in one worker; each still sets up its own people.
 */
base.describe.configure({ mode: 'default' });

type AdminState = Awaited<ReturnType<BrowserContext['storageState']>>;

const test = base.extend<{ admin: Page }, { adminState: AdminState }>({
	adminState: [
		async ({ browser }, use, workerInfo) => {
			const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
			const page = await context.newPage();
			await signIn(page, demoEmail('beheerder'), DEMO_TOTP_KEY);
			await use(await context.storageState());
			await context.close();
		},
		// Signing in may have to wait for the next 30-second step.
		{ scope: 'worker', timeout: 90_000 }
	],
	admin: async ({ browser, adminState, baseURL }, use) => {
		const context = await browser.newContext({ baseURL, storageState: adminState });
		await use(await context.newPage());
		await context.close();
	}
});

/** Fills the invitation form and returns the link from the mail the invited person received. */
async function invite(admin: Page, email: string, organisation: string, role: string) {
	await admin.goto('/beheer/personen');
	const form = admin.getByRole('region', { name: 'Iemand uitnodigen' });
	await form.getByLabel('E-mailadres').fill(email);
	await form.getByLabel('Organisatie').selectOption({ label: organisation });
	await form.getByLabel('Rol', { exact: true }).selectOption({ label: role });
	await form.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(form.getByRole('status')).toContainText(`De uitnodiging is gemaild naar ${email}.`);
	const mail = await mailArrived(email, 'Uitnodiging voor het Overhedenoverleg');
	const link = /https?:\/\/\S+\/uitnodiging\/[0-9a-f-]{36}\.[a-z0-9]+/.exec(mail.body)?.[0];
	expect(link).toBeDefined();
	return link!;
}

async function freshPage(browser: Browser, baseURL: string | undefined) {
	return (await browser.newContext({ baseURL })).newPage();
}

test('an invited secretary sets up two-step login and signs in with it', async ({
	admin,
	browser,
	baseURL
}) => {
	// A long story: three sign-ins, seven accessibility scans, four password hashes.
	test.setTimeout(60_000);
	const email = uniqueEmail('secretaris');
	const link = await invite(admin, email, 'Vereniging van Nederlandse Gemeenten', 'Secretariaat');
	await expectNoAxeViolations(admin);
	await expect(
		admin.getByRole('navigation', { name: 'Uw account' }).getByRole('link', { name: 'Beheer' })
	).toHaveAttribute('aria-current', 'page');
	await expect(
		admin
			.getByRole('region', { name: 'Openstaande uitnodigingen' })
			.getByRole('cell', { name: email })
	).toBeVisible();

	// The invitee, in a browser of their own.
	const page = await freshPage(browser, baseURL);
	await page.goto(link);
	const facts = page.getByRole('main');
	await expect(facts).toContainText(email);
	await expect(facts).toContainText('Vereniging van Nederlandse Gemeenten');
	await expect(facts).toContainText('Secretariaat');
	await expectNoAxeViolations(page);
	await page.getByLabel('Uw naam').fill('Noor van Dijk');
	await page.getByLabel('Kies een wachtwoord').fill(NEW_PASSWORD);
	await page.getByLabel('Herhaal het wachtwoord').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Account maken' }).click();

	// The secretariat must use two-step login: set it up before anything else.
	await expect(page).toHaveURL(/\/mijn-account\/tweestapsverificatie$/);
	await page.goto('/mijn-account');
	await expect(page).toHaveURL(/\/mijn-account\/tweestapsverificatie$/);
	await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
	await expectNoAxeViolations(page);
	const key = ((await page.locator('#manual-key').textContent()) ?? '').replace(/\s+/g, '');
	expect(key).toMatch(/^[A-Z2-7]{32}$/);
	const enrolled = await totpCode(key);
	await page.getByLabel('Code uit uw app').fill(enrolled.code);
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	const codes = page.getByRole('list', { name: 'Uw herstelcodes' }).getByRole('listitem');
	await expect(codes).toHaveCount(10);
	const recoveryCode = (await codes.first().innerText()).trim();
	expect(recoveryCode).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);

	await page.getByRole('link', { name: /ga verder/ }).click();
	await expect(page).toHaveURL(/\/mijn-account$/);
	await expect(page.getByRole('region', { name: 'Tweestapsverificatie' })).toContainText(
		'Staat aan.'
	);
	await expectNoAxeViolations(page);
	await page.getByRole('main').getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/\/\?uitgelogd$/);

	// Back in: password, then a fresh code (a later step than the one used to set it up).
	await submitPassword(page, email, NEW_PASSWORD);
	await expect(page).toHaveURL(/\/inloggen\/tweede-stap$/);
	await expectNoAxeViolations(page);
	const second = await totpCode(key, enrolled.step);
	await page.getByLabel('Code uit uw app').fill(second.code);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL(/\/mijn-werk$/);
	await page.goto('/mijn-account');
	await expect(page.getByRole('main')).toContainText('Noor van Dijk');

	// And once more with a recovery code instead of the phone.
	await page.getByRole('main').getByRole('button', { name: 'Uitloggen' }).click();
	await submitPassword(page, email, NEW_PASSWORD);
	await page.getByText('Telefoon niet bij de hand? Gebruik een herstelcode').click();
	await page.getByLabel('Herstelcode', { exact: true }).fill(recoveryCode);
	await page.getByRole('button', { name: 'Inloggen met herstelcode' }).click();
	await expect(page).toHaveURL(/\/mijn-werk$/);
	await page.goto('/mijn-account');
	await expect(page.getByRole('region', { name: 'Tweestapsverificatie' })).toContainText(
		'U heeft nog 9 herstelcodes.'
	);
	await page.context().close();
});

test('the audit log shows sign-ins, filtered by kind', async ({ admin }) => {
	await admin.goto('/beheer/audit');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Auditlogboek');
	await expectNoAxeViolations(admin);

	await admin.getByLabel('Soort gebeurtenis').selectOption({ label: 'Ingelogd' });
	await admin.getByRole('button', { name: 'Zoeken' }).click();
	await expect(admin).toHaveURL(/type=auth\.login_succeeded\.v1/);
	const table = admin.getByRole('region', { name: 'Gebeurtenissen' }).getByRole('table');
	const what = table.locator('tbody tr td:nth-child(2)');
	expect(await what.count()).toBeGreaterThan(0);
	expect(new Set(await what.allInnerTexts())).toEqual(new Set(['Ingelogd']));
	// The beheerder's own sign-in, with the second factor it used.
	await expect(
		table
			.getByRole('row')
			.filter({ hasText: 'Ruben Dekker' })
			.filter({ hasText: 'met code uit app' })
			.first()
	).toBeVisible();

	await admin.getByLabel('Soort gebeurtenis').selectOption({ label: 'Inloggen mislukt' });
	await admin.getByRole('button', { name: 'Zoeken' }).click();
	await expect(admin).toHaveURL(/type=auth\.login_failed\.v1/);
	await expect(admin.getByLabel('Soort gebeurtenis')).toHaveValue('auth.login_failed.v1');
});

test('bad audit filters get a message on the page, never a server error', async ({ admin }) => {
	for (const query of [
		'from=31-12-2026',
		'person=iemand',
		'type=DROP%20TABLE',
		'before=-5',
		'from=2026-05-02&to=2026-05-01'
	]) {
		const response = await admin.goto(`/beheer/audit?${query}`);
		expect(response?.status(), query).toBeLessThan(500);
		await expect(admin.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toBeVisible();
	}
	await expect(admin.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'De einddatum ligt vóór de begindatum.'
	);
});

test('blocking a person signs them out at once', async ({ admin, browser, baseURL }) => {
	const email = uniqueEmail('medewerker');
	const link = await invite(admin, email, 'Unie van Waterschappen', 'Medewerker');
	const person = await freshPage(browser, baseURL);
	await person.goto(link);
	await person.getByLabel('Uw naam').fill('Bram Blokker');
	await person.getByLabel('Kies een wachtwoord').fill(NEW_PASSWORD);
	await person.getByLabel('Herhaal het wachtwoord').fill(NEW_PASSWORD);
	await person.getByRole('button', { name: 'Account maken' }).click();
	await expect(person).toHaveURL(/\/mijn-account\?welkom$/);

	await admin.goto('/beheer/personen');
	const row = admin.getByRole('row').filter({ hasText: email });
	await expect(row).toContainText('Actief');
	await row.getByRole('button', { name: /^Blokkeren\b.*Bram Blokker/ }).click();
	await expect(
		admin.getByRole('main').getByRole('status').filter({ hasText: 'Bram Blokker is geblokkeerd' })
	).toBeVisible();
	await expect(admin.getByRole('row').filter({ hasText: email })).toContainText('Geblokkeerd');

	await person.goto('/mijn-account');
	await expect(person).toHaveURL(/\/inloggen\?terug=/);
	// And the password no longer opens the door.
	await submitPassword(person, email, NEW_PASSWORD);
	await expect(person).toHaveURL(/\/inloggen$/);
	await expect(person.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'Het e-mailadres of het wachtwoord klopt niet.'
	);
	await person.context().close();
});

test('the secretariat invites but cannot make administrators or block anyone', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const page = await freshPage(browser, baseURL);
	await signIn(page, demoEmail('secretariaat'), DEMO_TOTP_KEY);
	await page.goto('/beheer/personen');
	const roles = page
		.getByRole('region', { name: 'Iemand uitnodigen' })
		.getByLabel('Rol', { exact: true });
	await expect(roles.locator('option')).toHaveText(['Medewerker', 'Bestuurder', 'Secretariaat']);
	await expect(page.getByRole('button', { name: /^Blokkeren/ })).toHaveCount(0);
	const response = await page.goto('/beheer/audit');
	expect(response?.status()).toBe(404);
	await page.context().close();
});
