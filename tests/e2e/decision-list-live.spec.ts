import type { Page, Request } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { api, expect, test } from './meetings.fixtures';
import { bestuurders, heldMeeting, personPage, send } from './outcomes.fixtures';

/*
 * The besluitenlijst as live state (HOUSE.md, "Live state, not reloads"): IPO's bestuurder has
 * the list open while the Rijk gives its akkoord and UvW proposes a correction, each in a browser
 * of its own; both appear on IPO's page, and the correction waits for an answer on the
 * secretariaat's, without either page asking the server for its data. The secretariaat's Mijn
 * werk counts the akkoord. IPO's own akkoord then reloads its data once, as a form does: the
 * positive signal that the listener does see such requests. axe on the live page, Dutch and English.
 */
test.setTimeout(180_000);

/** Every request the page makes for page data or a page after it was loaded. */
function dataRequests(page: Page): Request[] {
	const seen: Request[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('/__data.json') || request.resourceType() === 'document')
			seen.push(request);
	});
	return seen;
}

const liveState = (page: Page) => page.locator('p', { hasText: 'Live bijwerken:' });

const partyState = (page: Page, label: string) =>
	page
		.getByRole('region', { name: 'Verificatie door de partijen' })
		.getByRole('listitem')
		.filter({ hasText: `${label}:` });

test("another party's akkoord and a proposed correction appear on the besluitenlijst without a reload", async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const parties: Page[] = [];
	for (const party of bestuurders)
		parties.push(await personPage(browser, baseURL, `bestuurder.${party}`));
	const [rijk, , ipo, uvw] = parties as [Page, Page, Page, Page];
	const word = `live${Date.now().toString(36)}`;
	const { meeting, items } = await heldMeeting(secretariaat, {
		parties,
		browser,
		baseURL,
		title: 'Overhedenoverleg live besluitenlijst',
		firstItem: (w) => `Jeugdzorg en de ${w}`,
		secondItem: 'Vertrouwelijk: de verdeling',
		decision: (w) => ({ outcome: 'aangenomen', dicta: [`de ${w} vast te stellen.`] }),
		word
	});
	const listPath = `/vergaderingen/${meeting.id}/besluitenlijst`;
	const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/decision-list/verification`, {
		closesOn: inAWeek
	});

	// IPO and the secretariaat have the list open, the secretariaat also its Mijn werk.
	await ipo.goto(listPath);
	await expect(liveState(ipo)).toHaveText(/Live bijwerken: Live$/);
	await expect(partyState(ipo, 'het Rijk')).toContainText('nog geen reactie');
	const ipoRequests = dataRequests(ipo);
	await secretariaat.goto(listPath);
	await expect(liveState(secretariaat)).toHaveText(/Live bijwerken: Live$/);
	const secretariaatRequests = dataRequests(secretariaat);
	const workPage = await secretariaat.context().newPage();
	await workPage.goto('/mijn-werk');
	await expect(liveState(workPage)).toHaveText(/Live bijwerken: Live$/);
	const workRow = workPage.getByRole('listitem').filter({ hasText: meeting.title });
	await expect(workRow).toContainText('0 van de 4 partijen akkoord');

	// The Rijk agrees, in its own browser: its word appears on IPO's page, with who and when.
	await api(rijk, 'POST', `/meetings/${meeting.id}/decision-list/akkoord`);
	await expect(partyState(ipo, 'het Rijk')).toContainText('akkoord');
	await expect(partyState(ipo, 'het Rijk')).toContainText('Minister Anouk Jansen');
	await expect(workRow).toContainText('1 van de 4 partijen akkoord');

	// UvW proposes a correction of the first decision: under it on IPO's page, and on the
	// secretariaat's with the answer it asks for.
	const list = await send(secretariaat, 'GET', `/meetings/${meeting.id}/decision-list`);
	const first = list.decisions.find((d: { itemId: string }) => d.itemId === items[0]!.id);
	const proposal = `1. de ${word} vast te stellen in aanwezigheid van UvW.`;
	await api(uvw, 'POST', `/meetings/${meeting.id}/decision-list/corrections`, {
		decisionId: first.id,
		proposal,
		reason: 'UvW was aanwezig.'
	});
	const decisions = (page: Page) => page.getByRole('region', { name: 'Besluiten' });
	await expect(decisions(ipo).getByText(proposal, { exact: true })).toBeVisible();
	await expect(decisions(ipo)).toContainText(
		'Correctie voorgesteld door de Unie van Waterschappen'
	);
	await expect(partyState(ipo, 'de Unie van Waterschappen')).toContainText('stelt correcties voor');
	await expect(
		secretariaat.getByText('de Unie van Waterschappen stelt een correctie voor op punt 1.')
	).toBeVisible();
	await expect(secretariaat.getByRole('button', { name: 'Correctie overnemen' })).toBeVisible();

	// Applied in place: neither page asked the server for anything.
	expect(ipoRequests.map((request) => request.url())).toEqual([]);
	expect(secretariaatRequests.map((request) => request.url())).toEqual([]);
	await expectNoAxeViolations(ipo);

	// IPO's own akkoord goes through its form, which reloads the page's data once.
	await ipo.getByRole('button', { name: 'Akkoord met de besluitenlijst' }).click();
	await expect(ipo.getByText('Uw akkoord op de besluitenlijst is vastgelegd.')).toBeVisible();
	await expect
		.poll(() => ipoRequests.filter((r) => r.url().includes('__data.json')).length)
		.toBeGreaterThan(0);
	await expect(partyState(secretariaat, 'IPO')).toContainText('akkoord');
	await expect(workRow).toContainText('2 van de 4 partijen akkoord');

	await ipo.goto(`/en${listPath}`);
	await expectNoAxeViolations(ipo);
	await workPage.close();
	for (const page of parties) await page.context().close();
});
