import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';

for (const path of ['/', '/vergaderingen', '/toegankelijkheid']) {
	test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
		await page.goto(path);
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({
			scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
			innerWidth: window.innerWidth
		}));
		expect(innerWidth).toBeLessThan(500);
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
	});
}

test('the whole main navigation is visible on a phone, without a menu button', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	for (const name of ['Vergaderingen', 'Afspraken', 'Financiën', 'Publicaties']) {
		await expect(nav.getByRole('link', { name })).toBeInViewport();
	}
	await expect(page.getByRole('link', { name: 'English' })).toBeInViewport();
});

test('axe finds no WCAG 2.1 A/AA violations on the home page at phone size', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
});
