import ExcelJS from 'exceljs';
import { expectNoAxeViolations } from './support/identity';
import { expect, plannedMeeting, test, uniqueTitle } from './meetings.fixtures';

/*
 * Issue 14's exports and public side, in Chromium against the demo data: a visitor reads the
 * public agreements (openbaar, from the published besluitenlijst) with status and progress and
 * without any person, filters them and opens one; the secretariaat downloads the register with a
 * filter from the register's own address and reads the rows back; on a meeting of its own it
 * puts "Voortgang afspraken" on the draft agenda, once. axe on the public pages in both languages.
 */
test.setTimeout(180_000);

const OVERDUE = 'Compensatie van 50% van de tekorten jeugdzorg 2023–2024 (€ 728 mln)';
const DONE = 'De middelen voor de jeugdzorg verwerken in de meicirculaire';
const OPEN = 'De ervaringen van gemeenten met de UDO delen in het BOFv';
const CONFIDENTIAL = 'De voorwaarden voor intrekking van de ingebrekestelling jeugdzorg';
/** Contact persons of the demo agreements: the table's, never the public's. */
const PEOPLE = ['Sanne de Vries', 'Pieter Bakker', 'Fatima El Amrani', 'Lotte Mulder'];

test('a visitor reads the public agreements with status and progress, and no person', async ({
	browser,
	baseURL
}) => {
	const visitor = await (await browser.newContext({ baseURL })).newPage();
	await visitor.goto('/publicaties/afspraken');
	await expect(visitor.getByRole('heading', { level: 1, name: 'Afspraken' })).toBeVisible();
	const list = visitor.getByRole('region', { name: 'Alle openbare afspraken' });
	await expect(list.getByRole('link', { name: DONE })).toBeVisible();
	await expect(list.getByRole('link', { name: OVERDUE })).toBeVisible();
	await expect(visitor.getByText(CONFIDENTIAL)).toHaveCount(0);
	for (const name of PEOPLE) await expect(visitor.getByText(name)).toHaveCount(0);
	await expectNoAxeViolations(visitor);

	await visitor
		.getByRole('group', { name: 'Stand' })
		.getByRole('checkbox', { name: 'Verlopen (termijn voorbij)' })
		.check();
	await visitor.getByRole('button', { name: 'Zoeken' }).click();
	await expect(visitor).toHaveURL(/status=verlopen/);
	const found = visitor.getByRole('region', { name: 'Gevonden afspraken' });
	await expect(found.getByRole('link', { name: OVERDUE })).toBeVisible();
	await expect(found.getByRole('link', { name: DONE })).toHaveCount(0);

	await found.getByRole('link', { name: OVERDUE }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: OVERDUE })).toBeVisible();
	await expect(visitor.getByText(/^Verlopen: de termijn van .* is voorbij\.$/)).toBeVisible();
	await expect(visitor.getByRole('heading', { level: 2, name: 'Voortgang' })).toBeVisible();
	for (const name of PEOPLE) await expect(visitor.getByText(name)).toHaveCount(0);
	await expectNoAxeViolations(visitor);
	const detail = new URL(visitor.url()).pathname;

	for (const path of ['/en/publicaties/afspraken', `/en${detail}`]) {
		await visitor.goto(path);
		await expectNoAxeViolations(visitor);
	}
	await expect(visitor.getByRole('heading', { level: 2, name: 'Progress' })).toBeVisible();
});

test('the secretariaat downloads the register with a filter and proposes Voortgang afspraken once', async ({
	secretariaat
}) => {
	// Two statuses ticked with the keyboard: the address holds both, the rows are of either.
	await secretariaat.goto('/afspraken');
	const statuses = secretariaat.getByRole('group', { name: 'Status' });
	await statuses.getByRole('checkbox', { name: 'Open' }).focus();
	await secretariaat.keyboard.press('Space');
	await statuses.getByRole('checkbox', { name: 'Vertraagd' }).check();
	await secretariaat.getByRole('button', { name: 'Afspraken tonen' }).click();
	await expect(secretariaat).toHaveURL(/status=open&status=vertraagd/);
	const found = secretariaat.getByRole('table');
	await expect(found.getByRole('link', { name: OPEN })).toBeVisible();
	// In uitvoering and afgerond are not chosen.
	await expect(found.getByRole('link', { name: OVERDUE })).toHaveCount(0);
	await expect(found.getByRole('link', { name: DONE })).toHaveCount(0);
	const statusCells = found.locator('td[data-label="Status"]');
	await expect(statusCells.filter({ hasText: 'Vertraagd' }).first()).toBeVisible();
	for (const text of await statusCells.allInnerTexts()) expect(text).toMatch(/^(Open|Vertraagd)/);
	await expect(statuses.getByRole('checkbox', { name: 'Open' })).toBeChecked();
	await expect(statuses.getByRole('checkbox', { name: 'Afgerond' })).not.toBeChecked();
	await expectNoAxeViolations(secretariaat);

	const download = await secretariaat.request.get('/afspraken.xlsx?status=verlopen');
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toMatch(/filename="afspraken-[\d-]+\.xlsx"/);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(new Uint8Array(await download.body()).slice().buffer);
	const sheet = book.getWorksheet('Afspraken')!;
	expect(sheet.getRow(1).getCell(1).value).toBe('Afspraak');
	const titles: string[] = [];
	sheet.eachRow((row, number) => {
		if (number > 1) titles.push(String(row.getCell(1).value));
	});
	expect(titles).toContain(OVERDUE);
	expect(titles).not.toContain(DONE);
	const refused = await secretariaat.request.get('/afspraken.csv?van=morgen');
	expect(refused.status()).toBe(400);

	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Overhedenoverleg voortgang'), {
		open: true
	});
	await secretariaat.goto(`/vergaderingen/${meeting.id}`);
	await secretariaat.getByRole('button', { name: 'Voortgang afspraken voorstellen' }).click();
	await expect(
		secretariaat.getByText(
			'Het punt Voortgang afspraken is ingediend en wacht hieronder op een plaats op de agenda.'
		)
	).toBeVisible();
	const waiting = secretariaat.getByRole('region', {
		name: 'Ingediend voor deze vergadering, nog niet geagendeerd'
	});
	await expect(waiting.getByRole('link', { name: 'Voortgang afspraken' })).toBeVisible();
	await secretariaat.getByRole('button', { name: 'Voortgang afspraken voorstellen' }).click();
	await expect(
		secretariaat.getByText(/^Deze vergadering heeft al een agendapunt "Voortgang afspraken"/)
	).toBeVisible();
	await expectNoAxeViolations(secretariaat);

	// The item carries the overview: the overdue demo agreement is named in its summary.
	await waiting.getByRole('link', { name: 'Voortgang afspraken' }).click();
	await expect(secretariaat.getByRole('link', { name: OVERDUE })).toBeVisible();
});

test('the register’s download is for the signed in: a visitor goes to the sign-in page', async ({
	browser,
	baseURL
}) => {
	const visitor = await (await browser.newContext({ baseURL })).newPage();
	const response = await visitor.request.get('/afspraken.xlsx', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toMatch(/^\/inloggen\?terug=/);
});
