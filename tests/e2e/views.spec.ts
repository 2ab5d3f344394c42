import { expect, test } from './support/test';
import { type Browser, type Page } from '@playwright/test';
import { DEMO_TOTP_KEY, demoEmail, expectNoAxeViolations, signIn } from './support/identity';
import { demoTitles } from '../../src/lib/server/meetings/demo-data';

/** The demo meetings' names: made from their dates, which follow the day the server seeded. */
const demo = demoTitles(Date.now());

/*
 * The personal views over the demo data (src/lib/server/meetings/demo-data.ts and demo.ts). These
 * tests only read, so they may rely on the seeded items and approvals.
 */
test.describe.configure({ timeout: 90_000 });

const VNG_CONCEPT = 'Uitvoeringskracht van gemeenten: personeelstekorten';

async function signedIn(browser: Browser, who: string, totp?: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	// On a busy machine a fill can land before the sign-in form is ready; one more try then.
	await signIn(page, demoEmail(who), totp).catch(() => signIn(page, demoEmail(who), totp));
	return page;
}

test('Mijn voorstellen lists my organisation’s items, concepts included, and not another’s concept', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	await vng
		.getByRole('navigation', { name: 'Werklijsten' })
		.getByRole('link', { name: 'Mijn voorstellen' })
		.click();
	await expect(vng.getByRole('heading', { level: 1, name: 'Mijn voorstellen' })).toBeVisible();
	const row = vng.getByRole('row', { name: new RegExp(VNG_CONCEPT) });
	await expect(row).toContainText('Concept');
	await expect(vng.getByRole('link', { name: 'Nieuw agendapunt' })).toBeVisible();
	await expectNoAxeViolations(vng);
	// A medewerker has no Ter beoordeling and no secretariaat link.
	const nav = vng.getByRole('navigation', { name: 'Werklijsten' });
	await expect(nav.getByRole('link', { name: 'Ter beoordeling' })).toHaveCount(0);
	await expect(nav.getByRole('link', { name: 'Werkvoorraad secretariaat' })).toHaveCount(0);

	// IPO's list is IPO's: its own item is there, VNG's concept is not. (This list selects by
	// organisation, so it cannot show a concept's visibility: the search test below does.)
	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo.goto('/mijn-voorstellen');
	await expect(ipo.getByRole('heading', { level: 1, name: 'Mijn voorstellen' })).toBeVisible();
	await expect(ipo.getByRole('row', { name: /Afrekenen met disbalans/ })).toBeVisible();
	await expect(ipo.getByText(VNG_CONCEPT)).toHaveCount(0);
});

test('search finds every party’s submitted items, and a concept only for its own organisation', async ({
	browser
}) => {
	// Search ranges over every organisation's items: what keeps VNG's concept from IPO there is its
	// visibility alone. One query matches the concept and UvW's submitted item.
	const search = `/zoeken?q=${encodeURIComponent('personeelstekorten or klimaatadaptatie')}`;
	const vng = await signedIn(browser, 'medewerker.vng');
	await vng.goto(search);
	// VNG finds its concept: the query would find it for IPO too, were it visible to IPO.
	await expect(vng.getByRole('link', { name: VNG_CONCEPT })).toBeVisible();

	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo.goto(search);
	// The results are there when the concept is not among them.
	await expect(
		ipo.getByRole('link', { name: 'Klimaatadaptatie en de waterschapsbelasting' })
	).toBeVisible();
	await expect(ipo.getByText(VNG_CONCEPT)).toHaveCount(0);
});

test('Nog te agenderen shows submitted items without a meeting', async ({ browser }) => {
	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo.goto('/nog-te-agenderen');
	await expect(ipo.getByRole('heading', { level: 1, name: 'Nog te agenderen' })).toBeVisible();
	await expect(
		ipo.getByRole('row', { name: /Regio Deals en het Nationaal Programma Vitale Regio's/ })
	).toContainText('Aangehouden');
	await expect(ipo.getByText(VNG_CONCEPT)).toHaveCount(0);
	await expectNoAxeViolations(ipo);
});

test('Ter beoordeling: a bestuurder sees the agendas waiting for their party; a medewerker may not open it', async ({
	browser
}) => {
	const ipo = await signedIn(browser, 'bestuurder.ipo');
	await ipo
		.getByRole('navigation', { name: 'Werklijsten' })
		.getByRole('link', { name: 'Ter beoordeling' })
		.click();
	await expect(ipo.getByRole('heading', { level: 1, name: 'Ter beoordeling' })).toBeVisible();
	const card = ipo.getByRole('listitem').filter({ hasText: demo.coming });
	await expect(card).toContainText('Uw partij heeft nog niet beslist.');
	await expectNoAxeViolations(ipo);

	// The Rijk agreed before the agenda changed: it is asked to look again, and told what changed.
	const rijk = await signedIn(browser, 'bestuurder.rijk');
	await rijk.goto('/ter-beoordeling');
	const rijkCard = rijk.getByRole('listitem').filter({ hasText: demo.coming });
	await expect(rijkCard).toContainText('opnieuw beoordelen');
	await expect(rijkCard).toContainText('Gewijzigd sinds uw partij besliste');

	const medewerker = await signedIn(browser, 'medewerker.ipo');
	expect((await medewerker.goto('/ter-beoordeling'))?.status()).toBe(403);
});

test('the secretariaat’s overview shows its open work; others may not open it', async ({
	browser
}) => {
	const secretariaat = await signedIn(browser, 'secretariaat', DEMO_TOTP_KEY);
	await secretariaat
		.getByRole('navigation', { name: 'Werklijsten' })
		.getByRole('link', { name: 'Werkvoorraad secretariaat' })
		.click();
	await expect(
		secretariaat.getByRole('heading', { level: 1, name: 'Werkvoorraad secretariaat' })
	).toBeVisible();
	await expect(secretariaat.getByRole('listitem').filter({ hasText: demo.coming })).toContainText(
		/[1-4] van de 4 partijen akkoord/
	);
	await expect(
		secretariaat.getByRole('heading', { name: /Agenderen, aanhouden of afwijzen/ })
	).toBeVisible();
	await expectNoAxeViolations(secretariaat);

	const bestuurder = await signedIn(browser, 'bestuurder.vng');
	expect((await bestuurder.goto('/secretariaat'))?.status()).toBe(403);
});

test('the views ask who you are first', async ({ page }) => {
	for (const path of [
		'/mijn-voorstellen',
		'/ter-beoordeling',
		'/secretariaat',
		'/nog-te-agenderen',
		'/zoeken',
		'/agendapunten/nieuw'
	]) {
		await page.goto(path);
		await expect(page, path).toHaveURL(/\/inloggen\?terug=/);
	}
});
