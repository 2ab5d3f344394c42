import ExcelJS from 'exceljs';
import { type Page, type Request } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { api, expect, plannedMeeting, test, uniqueTitle } from './meetings.fixtures';
import { personPage } from './outcomes.fixtures';

/*
 * The financial arrangements (issue 15) in Chromium: Financiën records one from an agreement while
 * a VNG bestuurder watches the overview and the totals; VNG agrees with the figures, a new entry
 * makes that mark "verouderd"; the totals, their chart and "zoals bekend op" follow; the XLSX
 * download holds the amounts as numbers that add up; axe finds nothing on the pages. Each test
 * works in a far year and with a word of its own, so the totals it reads are only its own.
 */
test.describe.configure({ timeout: 120_000 });

const DAY = 86_400_000;
const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const liveState = (page: Page) => page.locator('p', { hasText: 'Live bijwerken:' });
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
/**
 * A year no demo data and no other test books in (each test has its own four), so that a filter
 * on it (`jaar=`, which the live pages can judge themselves, unlike a search) shows only the
 * test's own arrangement.
 */
const farYear = (first: number) => first + Math.floor(Math.random() * 4);

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

/** The figures (cents, from the <data> values) of the totals row of a pivot: per year, then the sum. */
const totalsRow = (page: Page, id: string) => page.locator(`#${id} tfoot td data`);

async function expectTotals(page: Page, id: string, cents: number[]) {
	const cells = totalsRow(page, id);
	await expect(cells).toHaveCount(cents.length);
	for (const [index, value] of cents.entries())
		await expect(cells.nth(index)).toHaveAttribute('value', String(value));
}

/** An agreement of a meeting of the test's own, VNG responsible. */
async function vngAgreement(secretariaat: Page, vng: Page, title: string) {
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Overhedenoverleg financiën'));
	const me = (await api(vng, 'GET', '/me')) as { id: string };
	return api(secretariaat, 'POST', '/agreements', {
		meetingId: meeting.id,
		title,
		body: 'Het Rijk compenseert de gemeenten voor de jeugdzorg.',
		deadline: inDays(30),
		owners: [{ party: 'vng', contactPersonId: me.id }]
	});
}

test('Financiën records an arrangement from an agreement; VNG agrees, and a new entry makes that verouderd, live', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const fin = await personPage(browser, baseURL, 'medewerker.bzk');
	const vng = await personPage(browser, baseURL, 'bestuurder.vng');
	const word = `kasritme${Date.now().toString(36)}`;
	const year = farYear(2090);
	const agreement = await vngAgreement(secretariaat, vng, `Afspraak: jeugdzorg ${word}`);
	const title = `Compensatie jeugdzorg ${word}`;

	// VNG's bestuurder follows the overview of the year: nothing in it yet.
	const overview = vng;
	await overview.goto(`/financien?jaar=${year}`);
	await expect(liveState(overview)).toHaveText(/Live bijwerken: Live$/);
	await expect(overview.getByText('Geen arrangementen gevonden met deze filters.')).toBeVisible();
	const overviewRequests = dataRequests(overview);

	// Financiën records it from the agreement, with two years of its first schedule.
	await fin.goto(`/financien/nieuw?agreementId=${agreement.id}`);
	const source = fin.getByRole('region', { name: 'Komt voort uit' });
	await expect(source.getByRole('link', { name: `Afspraak: jeugdzorg ${word}` })).toBeVisible();
	await expect(fin.getByLabel('Titel', { exact: true })).toHaveValue(`Afspraak: jeugdzorg ${word}`);
	await fin.getByLabel('Titel', { exact: true }).fill(title);
	await fin
		.getByLabel('Instrument', { exact: true })
		.selectOption({ label: 'Decentralisatie-uitkering' });
	await fin
		.getByRole('group', { name: 'Ontvangende bestuurslaag' })
		.getByRole('radio', { name: 'Gemeenten' })
		.check();
	await fin.getByRole('radio', { name: 'Structureel', exact: true }).check();
	await fin.getByLabel('Jaar (regel 1)').fill(String(year));
	await fin.getByLabel('Bedrag in euro (regel 1)').fill('1.234.567,89');
	await fin.getByLabel('Jaar (regel 2)').fill(String(year + 1));
	await fin.getByLabel('Bedrag in euro (regel 2)').fill('2.000.000');
	await fin.getByRole('button', { name: 'Arrangement vastleggen' }).click();
	await expect(fin).toHaveURL(/\/financien\/[0-9a-f-]{36}\?gemaakt$/);
	await expect(notice(fin, 'Het arrangement is vastgelegd.')).toBeFocused();
	await expect(fin.getByRole('heading', { level: 1 })).toHaveText(title);
	const id = new URL(fin.url()).pathname.split('/').pop()!;

	// It came into VNG's overview, without a word from the koepel yet.
	const row = overview.getByRole('row').filter({ hasText: title });
	await expect(row).toContainText('Nog geen oordeel van de koepel');
	await expect(overview.getByRole('status').filter({ hasText: '1 arrangement' })).toBeVisible();

	// VNG's totals of the year, exact to the cent, and the chart of them.
	const totals = await vng.context().newPage();
	await totals.goto(`/financien/totalen?jaar=${year}`);
	await expect(liveState(totals)).toHaveText(/Live bijwerken: Live$/);
	await expectTotals(totals, 'totals-by-layer', [123_456_789, 123_456_789]);
	const chart = totals.getByRole('img', { name: 'Bedragen per jaar per bestuurslaag' });
	await expect(chart).toHaveAccessibleDescription(
		new RegExp(`${year}: Gemeenten €\\s1\\.234\\.567,89`)
	);
	const totalsRequests = dataRequests(totals);

	// VNG agrees with the figures, on the arrangement's page.
	const detail = await vng.context().newPage();
	await detail.goto(`/financien/${id}`);
	await expect(liveState(detail)).toHaveText(/Live bijwerken: Live$/);
	const marks = detail.getByRole('region', { name: 'Instemming van de koepel' });
	await expect(marks).toContainText('VNG heeft nog niet aangegeven');
	await marks.getByRole('radio', { name: 'Eens', exact: true }).check();
	await marks.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(notice(detail, 'Uw oordeel is vastgelegd.')).toBeFocused();
	await expect(marks.getByText('VNG: eens met de bedragen')).toBeVisible();
	await expect(row).toContainText('Eens');
	const detailRequests = dataRequests(detail);

	// Financiën books a change of the first year: the mark is verouderd on VNG's screens.
	await fin.getByText('Bedragen wijzigen', { exact: true }).click();
	const entry = fin.locator('form[action="?/entry"]');
	await expect(entry.getByLabel('Jaar (regel 1)')).toHaveValue(String(year));
	await entry.getByLabel('Bedrag in euro (regel 1)').fill('1.500.000,00');
	await entry.getByLabel('Reden', { exact: true }).fill('Bijgesteld bij de Voorjaarsnota.');
	await entry.getByRole('button', { name: 'Wijziging boeken' }).click();
	await expect(notice(fin, 'De wijziging van de bedragen is geboekt.')).toBeFocused();

	await expect(
		marks.getByText('verouderd — gegeven op een eerdere versie van het kasritme')
	).toBeVisible();
	await expect(marks.getByText('VNG: eens met de bedragen')).toBeVisible();
	await expect(row).toContainText('Eens (verouderd)');
	await expectTotals(totals, 'totals-by-layer', [150_000_000, 150_000_000]);
	await expectTotals(totals, 'totals-by-instrument', [150_000_000, 150_000_000]);
	await expect(chart).toHaveAccessibleDescription(
		new RegExp(`${year}: Gemeenten €\\s1\\.500\\.000,00`)
	);
	expect(overviewRequests.map((request) => request.url())).toEqual([]);
	expect(totalsRequests.map((request) => request.url())).toEqual([]);
	expect(detailRequests.map((request) => request.url())).toEqual([]);

	// VNG may agree again, with the figures as they are now.
	await marks.getByRole('radio', { name: 'Eens', exact: true }).check();
	await marks.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(notice(detail, 'Uw oordeel is vastgelegd.')).toBeFocused();
	await expect(marks.getByText('verouderd — gegeven op een eerdere versie')).toHaveCount(0);
	await expect(row).not.toContainText('verouderd');
	await fin.context().close();
	await vng.context().close();
});

test('the totals as known two days ago keep the old figure; the XLSX holds numbers that add up', async ({
	browser,
	baseURL
}) => {
	const fin = await personPage(browser, baseURL, 'medewerker.bzk');
	const vng = await personPage(browser, baseURL, 'bestuurder.vng');
	const word = `bekendop${Date.now().toString(36)}`;
	const year = farYear(2094);
	const made = (await api(fin, 'POST', '/finance/arrangements', {
		title: `Klimaatadaptatie ${word}`,
		instrument: 'specifieke_uitkering',
		layer: 'gemeenten',
		nature: 'incidenteel',
		schedule: [{ year, amountCents: 41_400_000_000 }],
		reason: 'Toegezegd in het Overhedenoverleg.',
		knownAt: new Date(Date.now() - 3 * DAY).toISOString()
	})) as unknown as { id: string; scheduleVersion: number };
	const twoDaysAgo = amsterdamDate.format(new Date(Date.now() - 2 * DAY));
	const then = `/financien/totalen?jaar=${year}&bekend-op-datum=${twoDaysAgo}`;

	// As known two days ago, and now: the first schedule.
	const past = await vng.context().newPage();
	await past.goto(then);
	await expect(past.getByText(/^De bedragen zoals ze bekend waren op/)).toBeVisible();
	await expectTotals(past, 'totals-by-layer', [41_400_000_000, 41_400_000_000]);
	await vng.goto(`/financien/totalen?jaar=${year}`);
	await expect(liveState(vng)).toHaveText(/Live bijwerken: Live$/);
	await expect(vng.getByText('De bedragen zoals ze nu bekend zijn.')).toBeVisible();
	await expectTotals(vng, 'totals-by-layer', [41_400_000_000, 41_400_000_000]);
	const requests = dataRequests(vng);

	// Financiën books a change today: a lower first year and a second year.
	await api(fin, 'POST', `/finance/arrangements/${made.id}/entries`, {
		reason: 'Bijgesteld bij de Miljoenennota.',
		expectedScheduleVersion: made.scheduleVersion,
		amounts: [
			{ year, amountCents: 40_000_000_000 },
			{ year: year + 1, amountCents: 12_345 }
		]
	});
	// Now: the new figure, live; as known two days ago: still the old one.
	await expectTotals(vng, 'totals-by-layer', [40_000_000_000, 40_000_000_000]);
	await expect(
		vng.getByRole('img', { name: 'Bedragen per jaar per instrument' })
	).toHaveAccessibleDescription(
		new RegExp(`${year}: Specifieke uitkering \\(SPUK\\) €\\s400\\.000\\.000,00`)
	);
	expect(requests.map((request) => request.url())).toEqual([]);
	await past.reload();
	await expectTotals(past, 'totals-by-layer', [41_400_000_000, 41_400_000_000]);

	// The XLSX of the overview with the word: amounts in euros as numbers, whose sum is the total.
	const download = await fin.request.get(`/financien.xlsx?q=${word}`);
	expect(download.status()).toBe(200);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(new Uint8Array(await download.body()).slice().buffer);
	const lines = book.getWorksheet('Arrangementen')!;
	expect(lines.getRow(1).values).toEqual([
		undefined,
		'Kenmerk',
		'Titel',
		'Instrument',
		'Bestuurslaag',
		'Status',
		'Jaar',
		'Bedrag'
	]);
	const amounts: [unknown, unknown][] = [];
	lines.eachRow((line, number) => {
		if (number > 1) amounts.push([line.getCell(6).value, line.getCell(7).value]);
		if (number > 1) expect(line.getCell(7).numFmt).toMatch(/#,##0\.00/);
	});
	expect(amounts).toEqual([
		[year, 400_000_000],
		[year + 1, 123.45]
	]);
	const cents = amounts.map(([, euros]) => Math.round((euros as number) * 100));
	const sheetTotals = book.getWorksheet('Totalen')!;
	const all = sheetTotals.getRow(sheetTotals.rowCount);
	expect(all.getCell(1).value).toBe('Totaal alle jaren');
	expect(typeof all.getCell(3).value).toBe('number');
	expect(Math.round((all.getCell(3).value as number) * 100)).toBe(cents[0]! + cents[1]!);
	expect(cents[0]! + cents[1]!).toBe(40_000_012_345);

	// The download as known two days ago holds the first schedule.
	const old = await fin.request.get(`/financien.xlsx?q=${word}&bekend-op-datum=${twoDaysAgo}`);
	expect(old.status()).toBe(200);
	const oldBook = new ExcelJS.Workbook();
	await oldBook.xlsx.load(new Uint8Array(await old.body()).slice().buffer);
	const oldLines = oldBook.getWorksheet('Arrangementen')!;
	expect(oldLines.rowCount).toBe(2);
	expect(oldLines.getRow(2).getCell(7).value).toBe(414_000_000);
	await fin.context().close();
	await vng.context().close();
});

test('axe finds nothing on the overview, an arrangement, the totals and the new form', async ({
	browser,
	baseURL
}) => {
	const fin = await personPage(browser, baseURL, 'medewerker.bzk');
	const vng = await personPage(browser, baseURL, 'bestuurder.vng');
	const word = `axe${Date.now().toString(36)}`;
	const made = await api(fin, 'POST', '/finance/arrangements', {
		title: `Omgevingswet ${word}`,
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'structureel',
		schedule: [
			{ year: 2098, amountCents: 2_500_000_000 },
			{ year: 2099, amountCents: -50_000 }
		]
	});
	const pages: [Page, string][] = [
		[vng, `/financien?q=${word}`],
		[vng, `/financien/${made.id}`],
		[vng, `/financien/totalen?jaar=2098`],
		[fin, `/financien/${made.id}`],
		[fin, '/financien/nieuw']
	];
	for (const [page, path] of pages) {
		await page.goto(path);
		for (const details of await page.locator('main details').all())
			await details.evaluate((element) => element.setAttribute('open', ''));
		await expectNoAxeViolations(page);
	}
	// The last page was the new form, for Financiën.
	await expect(
		fin.getByRole('heading', { name: 'Financieel arrangement vastleggen' })
	).toBeVisible();
	await fin.context().close();
	await vng.context().close();
});
