import { expect, test } from './support/test';
import { type Browser, type Page } from '@playwright/test';
import { demoEmail, expectNoAxeViolations, signIn } from './support/identity';

/*
 * Forms that keep the person's place (issue 12): with scripts the item page's forms answer in
 * place (no document load, no jump to the top, focus on the result, a confirmation that names what
 * happened); without scripts the same forms post and reload as before. And the answer to a
 * co-sponsor request stands at the top, under "Wat u kunt doen", which is never empty.
 */

test.describe.configure({ timeout: 120_000 });

const unique = (label: string) =>
	`${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signedIn(browser: Browser, who: string, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	// On a busy machine a fill can land before the sign-in form is ready; one more try then.
	await signIn(page, demoEmail(who)).catch(() => signIn(page, demoEmail(who)));
	return page;
}

/** A submitted item with a long summary, so that its discussion lies far below the top. */
async function longItem(page: Page, title: string): Promise<string> {
	await page.goto('/agendapunten/nieuw');
	await page.getByLabel('Titel').fill(title);
	const paragraph = 'De regio vraagt om ruimte voor uitvoering en om heldere afspraken. '.repeat(6);
	await page.getByLabel('Samenvatting').fill(Array(14).fill(paragraph).join('\n\n'));
	await page.getByLabel('Ter bespreking').check();
	await page.getByRole('button', { name: 'Opslaan en indienen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return page.url().replace(/[?#].*$/, '');
}

/** Counts the main frame's navigations from now on (a document load or a history entry). */
function countNavigations(page: Page) {
	const seen = { count: 0 };
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) seen.count += 1;
	});
	return seen;
}

test('a comment posted at the bottom of a long item keeps the reader there, with focus on it; co-sponsoring is answered at the top', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const url = await longItem(vng, unique('Ruimte voor de regio'));
	// The live connection stands only once the page's script runs: then the forms answer in place.
	await expect(vng.locator('.oho-live__state')).toHaveAttribute(
		'data-state',
		/^(connected|caught-up)$/
	);

	// The reader scrolls down to the discussion and writes there.
	const field = vng.getByLabel('Uw reactie', { exact: true });
	await field.scrollIntoViewIfNeeded();
	await vng.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const before = await vng.evaluate(() => window.scrollY);
	expect(before).toBeGreaterThan(800);
	await vng.evaluate(() => Object.assign(window, { placeMarker: 'still here' }));
	const navigations = countNavigations(vng);

	const body = `Graag bespreken in de regio ${Date.now().toString(36)}.`;
	await field.fill(body);
	await vng.getByRole('button', { name: 'Reactie plaatsen' }).click();

	const comment = vng.locator('article.oho-comment', { hasText: body });
	await expect(comment).toBeFocused();
	await expect(vng.getByRole('main').getByRole('status')).toContainText('Uw reactie is geplaatst.');
	await expect(field).toHaveValue('');
	// No document load: the marker survives and the main frame did not navigate.
	expect(await vng.evaluate(() => (window as { placeMarker?: string }).placeMarker)).toBe(
		'still here'
	);
	expect(navigations.count).toBe(0);
	// The reader is where they were: the view moved at most by the new comment's own height (the
	// browser keeps what is on screen in place), never back to the top.
	const after = await vng.evaluate(() => window.scrollY);
	const height = await comment.evaluate((element) => element.getBoundingClientRect().height);
	expect(Math.abs(after - before)).toBeLessThanOrEqual(height + 40);
	await expect(comment).toBeInViewport();

	// The proposer asks IPO: the confirmation says whom, beside the form, and has focus.
	await vng.getByLabel('Partij', { exact: true }).selectOption({ label: 'IPO' });
	await vng.getByRole('button', { name: 'Vraag als mede-indiener' }).click();
	const asked = vng
		.getByRole('region', { name: 'Mede-indieners' })
		.getByRole('status')
		.filter({ hasText: 'IPO is gevraagd mede-indiener te worden.' });
	await expect(asked).toBeFocused();
	await expect(vng.getByRole('region', { name: 'Mede-indieners' })).toContainText(
		'IPO: gevraagd, nog geen antwoord'
	);
	expect(navigations.count).toBe(0);

	// IPO finds the question at the top, under "Wat u kunt doen", and co-sponsors in place.
	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo.goto(url);
	const todo = ipo.getByRole('region', { name: 'Wat u kunt doen' });
	await expect(todo).toContainText('Uw partij is gevraagd dit agendapunt mede in te dienen.');
	await expect(ipo.getByRole('region', { name: 'Mede-indieners' }).getByRole('button')).toHaveCount(
		0
	);
	await expectNoAxeViolations(ipo);
	await todo.getByRole('button', { name: 'Mede-indienen' }).click();
	await expect(
		ipo
			.getByRole('main')
			.getByRole('status')
			.filter({ hasText: 'Uw partij dient dit agendapunt mede in.' })
	).toBeFocused();
	await expect(ipo.getByRole('region', { name: 'Mede-indieners' })).toContainText(
		'IPO: dient mede in'
	);
	// Nothing left to do there now, and the section says so instead of standing empty.
	await expect(todo).toContainText('Er is nu niets voor u te doen aan dit agendapunt.');
});

test('without JavaScript the forms still post and reload: a comment and a co-sponsor answer', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const url = await longItem(vng, unique('Zonder script'));
	await vng.getByLabel('Partij', { exact: true }).selectOption({ label: 'IPO' });
	await vng.getByRole('button', { name: 'Vraag als mede-indiener' }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText(
		'IPO is gevraagd mede-indiener te worden.'
	);

	const ipo = await signedIn(browser, 'medewerker.ipo', false);
	await ipo.goto(url);
	const body = `Zonder script geplaatst ${Date.now().toString(36)}.`;
	await ipo.getByLabel('Uw reactie', { exact: true }).fill(body);
	await ipo.getByRole('button', { name: 'Reactie plaatsen' }).click();
	await expect(ipo.getByRole('main').getByRole('status')).toContainText('Uw reactie is geplaatst.');
	await expect(ipo.locator('article.oho-comment', { hasText: body })).toBeVisible();

	await ipo
		.getByRole('region', { name: 'Wat u kunt doen' })
		.getByRole('button', { name: 'Afzien' })
		.click();
	await expect(ipo.getByRole('main').getByRole('status')).toContainText(
		'Uw partij ziet af van mede-indienen.'
	);
	await expect(ipo.getByRole('region', { name: 'Mede-indieners' })).toContainText('IPO: ziet af');
});
