import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';
import { type Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules, the level the accessibility statement promises. */
async function expectNoAxeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

const sections = [
	{ path: '/vergaderingen', nl: 'Vergaderingen', en: 'Meetings' },
	{ path: '/afspraken', nl: 'Afspraken', en: 'Agreements' },
	{ path: '/financien', nl: 'Financiën', en: 'Finance' },
	{ path: '/publicaties', nl: 'Publicaties', en: 'Publications' }
];

test('the home page renders in Dutch with the parties at the table', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page).toHaveTitle('Overhedenoverleg');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Samenwerken in het Overhedenoverleg'
	);
	await expect(page.getByRole('banner')).toContainText(
		'Rijk, gemeenten, provincies en waterschappen samen aan tafel'
	);

	const main = page.getByRole('main');
	for (const name of [
		'Rijksoverheid',
		'Vereniging van Nederlandse Gemeenten (VNG)',
		'Interprovinciaal Overleg (IPO)',
		'Unie van Waterschappen (UvW)',
		'Het gezamenlijk secretariaat'
	]) {
		await expect(main.getByRole('heading', { name, exact: true })).toBeVisible();
	}
	await expect(
		main.getByText('Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)')
	).toBeVisible();
	await expect(main.getByRole('link', { name: 'mnre1034' })).toHaveAttribute(
		'href',
		'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034'
	);
	for (const section of sections) {
		await expect(main.getByRole('link', { name: section.nl, exact: true })).toHaveAttribute(
			'href',
			section.path
		);
	}
});

test('the home page renders in English at /en', async ({ page }) => {
	const response = await page.goto('/en');
	expect(response?.status()).toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Working together in the Overhedenoverleg'
	);
	await expect(page.getByRole('heading', { name: 'Who is at the table?' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Meetings' })
	).toHaveAttribute('href', '/en/vergaderingen');
	await expect(page.getByRole('main').getByText('Unie van Waterschappen (UvW)')).toBeVisible();
});

test('the language switch opens the same page in the other language', async ({ page }) => {
	await page.goto('/afspraken');
	const toEnglish = page.getByRole('navigation', { name: 'Taal' }).getByRole('link', {
		name: 'English'
	});
	await expect(toEnglish).toHaveAttribute('lang', 'en');
	await expect(toEnglish).toHaveAttribute('hreflang', 'en');
	await toEnglish.click();

	await expect(page).toHaveURL('/en/afspraken');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agreements');

	const toDutch = page.getByRole('navigation', { name: 'Language' }).getByRole('link', {
		name: 'Nederlands'
	});
	await expect(toDutch).toHaveAttribute('hreflang', 'nl');
	await toDutch.click();
	await expect(page).toHaveURL('/afspraken');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Afspraken');
});

test('the skip link is the first tab stop and moves focus to the main content', async ({
	page
}) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skipLink = page.getByRole('link', { name: 'Naar de hoofdinhoud' });
	await expect(skipLink).toBeFocused();
	await expect(skipLink).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main#main')).toBeFocused();

	// The next tab stop is the first link in the content (the latest publication), not the header
	// or the menu.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('main').getByRole('link').first()).toBeFocused();
});

/**
 * Sections still to come say so; Vergaderingen is for signed-in participants, Publicaties is the
 * public side (its own spec, public.spec.ts), and a visitor's Financiën is the public arrangements.
 */
const comingSoon = sections.filter(
	(section) =>
		section.path !== '/vergaderingen' &&
		section.path !== '/publicaties' &&
		section.path !== '/financien'
);

test("a visitor's Financiën leads to the public arrangements and is the one current section", async ({
	page
}) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	await nav.getByRole('link', { name: 'Financiën' }).click();
	await expect(page).toHaveURL('/publicaties/financien');
	await expect(nav.getByRole('link', { name: 'Financiën' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(nav.locator('[aria-current]')).toHaveCount(1);
});

test('the main navigation reaches /publicaties, the public side, and marks it current', async ({
	page
}) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	await nav.getByRole('link', { name: 'Publicaties' }).click();
	await expect(page).toHaveURL('/publicaties');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publicaties');
	await expect(nav.getByRole('link', { name: 'Publicaties' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(nav.locator('[aria-current]')).toHaveCount(1);
});

test('Vergaderingen in the main navigation asks an anonymous visitor to sign in first', async ({
	page
}) => {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Hoofdmenu' })
		.getByRole('link', { name: 'Vergaderingen' })
		.click();
	await expect(page).toHaveURL('/inloggen?terug=%2Fvergaderingen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
});

for (const section of comingSoon) {
	test(`the main navigation reaches ${section.path} and marks it current`, async ({ page }) => {
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
		await nav.getByRole('link', { name: section.nl }).click();

		await expect(page).toHaveURL(section.path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.nl);
		await expect(page).toHaveTitle(`${section.nl} · Overhedenoverleg`);
		await expect(page.getByRole('heading', { name: 'Binnenkort beschikbaar' })).toBeVisible();
		await expect(nav.getByRole('link', { name: section.nl })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(nav.locator('[aria-current]')).toHaveCount(1);
	});
}

test('the footer leads to the accessibility statement', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
	await expect(page).toHaveURL('/toegankelijkheid');
	await expect(page).toHaveTitle('Toegankelijkheidsverklaring · Overhedenoverleg');
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
	await expect(main).toContainText('EN 301 549');
	await expect(main).toContainText('WCAG');
	await expect(main).toContainText('23 november 2026');
	await expect(
		main.getByRole('link', { name: 'toegankelijkheid@overhedenoverleg.example' })
	).toHaveAttribute('href', 'mailto:toegankelijkheid@overhedenoverleg.example');
});

test('the footer leads to the privacy statement', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
	await expect(page).toHaveURL('/privacy');
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 1 })).toHaveText('Privacyverklaring');
	await expect(main).toContainText('artikel 6, lid 1, onder e');
	await expect(main).toContainText('geen cookies die u volgen');
	await expect(main.getByRole('link', { name: /Autoriteit Persoonsgegevens/ })).toBeVisible();
});

test('the footer pages exist in English too', async ({ page }) => {
	await page.goto('/en/toegankelijkheid');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
	await page.goto('/en/privacy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy statement');
});

test('an unknown address gives the Dutch not-found page with status 404', async ({ page }) => {
	const response = await page.goto('/deze-pagina-bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	await expect(page.getByRole('main')).toContainText('Deze pagina bestaat niet (meer).');
	await expect(page.getByRole('main')).not.toContainText('Foutnummer');
	await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toHaveAttribute(
		'href',
		'/'
	);
	// The shell stays, so the visitor can navigate on.
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
});

for (const path of [
	'/',
	'/en',
	...sections.map((s) => s.path),
	'/toegankelijkheid',
	'/privacy',
	'/deze-pagina-bestaat-niet'
]) {
	test(`axe finds no WCAG 2.1 A/AA violations on ${path}`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoAxeViolations(page);
	});
}
