import { expect, test } from './support/test';
import { type Browser, type Page } from '@playwright/test';
import { demoEmail, expectNoAxeViolations, signIn } from './support/identity';
import { demoTitles } from '../../src/lib/server/meetings/demo-data';

/** The demo meetings' names: made from their dates, which follow the day the server seeded. */
const demo = demoTitles(Date.now());

/* Dutch full-text search over the demo meetings and items; these tests only read. */
test.describe.configure({ timeout: 90_000 });

const VNG_CONCEPT = 'Uitvoeringskracht van gemeenten: personeelstekorten';

async function signedIn(browser: Browser, who: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	// On a busy machine a fill can land before the sign-in form is ready; one more try then.
	await signIn(page, demoEmail(who)).catch(() => signIn(page, demoEmail(who)));
	return page;
}

test('search finds items in Dutch, announces the count, and filters', async ({ browser }) => {
	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo
		.getByRole('navigation', { name: 'Werklijsten' })
		.getByRole('link', { name: 'Zoeken' })
		.click();
	await expectNoAxeViolations(ipo);
	await ipo.getByLabel('Zoekwoorden').fill('jeugdzorg');
	await ipo.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(ipo).toHaveURL(/q=jeugdzorg/);
	await expect(ipo.getByRole('main').getByRole('status')).toContainText(/resulta(at|ten) gevonden/);
	await expect(
		ipo.getByRole('link', { name: /^Jeugdzorg en het Gemeentefonds: ruim/ })
	).toBeVisible();
	await expectNoAxeViolations(ipo);

	// A filter that leaves nothing: no withdrawn item speaks of jeugdzorg.
	await ipo.getByLabel('Status').selectOption({ label: 'Ingetrokken' });
	await ipo.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(ipo.getByRole('main').getByRole('status')).toContainText('Niets gevonden');

	// Meetings match on their words too.
	await ipo.goto('/zoeken?q=voorportaal');
	await expect(ipo.getByRole('heading', { name: 'Vergaderingen', level: 3 })).toBeVisible();
	await expect(
		ipo
			.getByRole('list', { name: 'Vergaderingen' })
			.getByRole('link', { name: demo.comingVoorportaal })
	).toBeVisible();
});

test('another party’s concept never shows up in search; the proposer finds it', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	await vng.goto('/zoeken?q=personeelstekorten');
	await expect(vng.getByRole('link', { name: VNG_CONCEPT })).toBeVisible();

	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo.goto('/zoeken?q=personeelstekorten');
	await expect(ipo.getByRole('main').getByRole('status')).toContainText('Niets gevonden');
	await expect(ipo.getByText(VNG_CONCEPT)).toHaveCount(0);
	// Concepts by filter alone: VNG's own is listed for VNG, so the page would list it for IPO if it
	// leaked; for IPO the answer is drawn (its result line is there) and the concept not in it.
	await vng.goto('/zoeken?status=concept');
	await expect(vng.getByRole('link', { name: VNG_CONCEPT })).toBeVisible();
	expect((await ipo.goto('/zoeken?status=concept'))?.status()).toBe(200);
	await expect(ipo.getByRole('main').getByRole('status')).toBeVisible();
	await expect(ipo.getByText(VNG_CONCEPT)).toHaveCount(0);
});

test('bad filters get a message at the field, not a 500', async ({ browser }) => {
	const ipo = await signedIn(browser, 'medewerker.ipo');
	const response = await ipo.goto('/zoeken?van=2026-13-45&doel=alles');
	expect(response?.status()).toBe(200);
	const summary = ipo.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await expect(summary).toContainText('Vul een datum in als jjjj-mm-dd.');
	await expect(summary).toContainText('Kies een doel uit de lijst.');
	await expect(ipo.getByLabel('Vergaderdatum vanaf')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(ipo);
});
