import type { Locator, Page } from '@playwright/test';
import { demoEmail, expectNoAxeViolations, signIn } from './support/identity';
import { expect, test } from './support/test';

/*
 * A phone is a real device for a bestuurder (Pixel 7, 412 px, and 390 px wide): the header and
 * navigation fold behind a menu button, the agenda reads as cards, and akkoord or bezwaar is a
 * thumb-sized choice.
 */

const noSidewaysScroll = async (page: Page) => {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
		innerWidth: window.innerWidth
	}));
	expect(innerWidth).toBeLessThan(500);
	expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
};

/** Where the header and the navigations end, and where the page's title begins. */
const headerAndTitle = (page: Page) =>
	page.evaluate(() => {
		const parts = [...document.querySelectorAll('header, nav')].filter(
			(el) => !el.closest('main') && el.getClientRects().length > 0
		);
		const title = document.querySelector('main h1')!.getBoundingClientRect();
		return {
			headerBottom: Math.max(...parts.map((el) => el.getBoundingClientRect().bottom)),
			titleTop: title.top,
			viewportHeight: window.innerHeight
		};
	});

/** Opens the menu with the keyboard; a press before the page's script runs does nothing. */
async function openMenu(button: Locator) {
	await expect(async () => {
		await button.press('Enter');
		await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
	}).toPass();
}

/** A bestuurder on their meeting's agenda, reached the way they would: from Mijn werk. */
async function bestuurderOnAgenda(page: Page) {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, demoEmail('bestuurder.uvw'));
	const waiting = page.getByRole('region', { name: /Wachten op het akkoord van uw partij/ });
	await waiting
		.getByRole('link', { name: /^Akkoord geven of bezwaar maken\b/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/vergaderingen\/[^/]+$/);
	await expect(page.getByRole('button', { name: 'Oordeel vastleggen' })).toBeVisible();
}

for (const path of ['/', '/vergaderingen', '/toegankelijkheid']) {
	test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
		await page.goto(path);
		await noSidewaysScroll(page);
	});
}

test('the header and navigation take at most a quarter of a 390 px screen before the title', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/');
	const home = await headerAndTitle(page);
	expect(home.headerBottom).toBeLessThanOrEqual(home.viewportHeight * 0.25);
	expect(home.titleTop).toBeGreaterThanOrEqual(home.headerBottom);

	// Signed in the header holds more (the live state, the bell, the second navigation).
	await bestuurderOnAgenda(page);
	const meeting = await headerAndTitle(page);
	expect(meeting.headerBottom).toBeLessThanOrEqual(meeting.viewportHeight * 0.25);
	expect(meeting.titleTop).toBeGreaterThanOrEqual(meeting.headerBottom);
});

test('the menu button opens and closes the navigation by keyboard, without trapping focus', async ({
	page
}) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	const button = page.getByRole('button', { name: 'Menu' });
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toHaveAttribute('aria-controls', /\boho-main-nav\b/);
	await expect(nav).toBeHidden();

	await openMenu(button);
	for (const name of ['Vergaderingen', 'Afspraken', 'Financiën', 'Publicaties']) {
		await expect(nav.getByRole('link', { name })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
	// The menu is in the page's flow: Tab goes on into it, and on past it into the page.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Inloggen' })).toBeFocused();
	await expectNoAxeViolations(page);

	await page.keyboard.press('Escape');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toBeFocused();
	await expect(nav).toBeHidden();

	// Space works as well as Enter, and a link followed from the menu lands on a closed menu.
	await page.keyboard.press('Space');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await nav.getByRole('link', { name: 'Publicaties' }).click();
	await expect(page).toHaveURL(/\/publicaties$/);
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(nav).toBeHidden();
});

test('without JavaScript the navigation simply stays open', async ({ browser, baseURL }) => {
	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	await expect(nav.getByRole('link', { name: 'Publicaties' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});

test('a bestuurder reads the agenda as cards and gives akkoord or bezwaar with a thumb', async ({
	page
}) => {
	await bestuurderOnAgenda(page);
	await noSidewaysScroll(page);

	// The agenda's section, and in it the region a wide table would scroll in.
	const agenda = page
		.getByRole('region', { name: 'Agenda' })
		.getByRole('region', { name: 'Agenda' });
	const rows = agenda.getByRole('row');
	await expect(rows.nth(1)).toBeVisible();
	// No sideways scrolling inside the agenda either, and every title is whole: wrapped, not cut.
	const region = await agenda.evaluate((el) => ({
		scroll: el.scrollWidth,
		client: el.clientWidth
	}));
	expect(region.scroll).toBeLessThanOrEqual(region.client);
	const titles = agenda.getByRole('rowheader');
	expect(await titles.count()).toBeGreaterThan(1);
	for (const title of await titles.all()) {
		const fits = await title.evaluate((el) => el.scrollWidth <= el.clientWidth);
		expect(fits).toBe(true);
	}
	// A long title takes more than one line inside its card.
	const long = agenda.getByRole('link', { name: /Herziening van de Financiële-verhoudingswet/ });
	const box = (await long.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	expect(box.height).toBeGreaterThan(40);
	// Each card's lines stand one below the other, none over another: every line's box holds its
	// text, and the next line starts below it.
	for (const row of (await rows.all()).slice(1)) {
		const lines = await row.evaluate((el) =>
			[...el.children].slice(1).map((cell) => ({
				top: cell.getBoundingClientRect().top,
				bottom: cell.getBoundingClientRect().bottom,
				overflows: cell.scrollHeight > cell.clientHeight + 1
			}))
		);
		for (const [i, line] of lines.entries()) {
			expect(line.overflows).toBe(false);
			if (i > 0) expect(line.top).toBeGreaterThanOrEqual(lines[i - 1]!.bottom - 0.5);
		}
	}
	// A card says what each line is, and keeps the table's headers for screen readers.
	await expect(agenda.getByRole('columnheader', { name: 'Doel' })).toBeAttached();
	const purpose = await rows
		.nth(1)
		.getByRole('cell')
		.nth(1)
		.evaluate((el) => getComputedStyle(el, '::before').content);
	expect(purpose).toContain('Doel');

	for (const name of ['Akkoord', 'Bezwaar', 'Oordeel vastleggen']) {
		const target =
			name === 'Oordeel vastleggen'
				? page.getByRole('button', { name })
				: page.locator('label', { hasText: new RegExp(`^${name}$`) });
		const size = (await target.boundingBox())!;
		expect(size.height, name).toBeGreaterThanOrEqual(44);
		expect(size.width, name).toBeGreaterThanOrEqual(44);
	}
	// The whole box chooses, its edge beside the radio button too: a tap there picks bezwaar.
	const radio = page.getByRole('radio', { name: 'Bezwaar' });
	const field = page.locator('.utrecht-form-field--radio', { has: radio });
	await field.scrollIntoViewIfNeeded();
	const choice = (await field.boundingBox())!;
	await page.mouse.click(choice.x + 4, choice.y + choice.height / 2);
	await expect(radio).toBeChecked();
});

test('axe finds no WCAG 2.1 A/AA violations on the home page at phone size', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('axe finds no WCAG 2.1 A/AA violations on the meeting page at 390 px', async ({ page }) => {
	await bestuurderOnAgenda(page);
	await expectNoAxeViolations(page);
	await openMenu(page.getByRole('button', { name: 'Menu' }));
	await expectNoAxeViolations(page);
});
