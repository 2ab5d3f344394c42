import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { api, expect, signedIn, test, uniqueTitle } from './meetings.fixtures';

// The machine is shared and busy: room for slow sign-ins and uploads.
test.describe.configure({ timeout: 90_000 });

/*
 * Attachments through the pages, as a browser sends them (multipart, no scripts needed). Every
 * test drafts its own item, so none depends on another or on the demo data.
 */

const MB = 1024 * 1024;
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
);

/** A PDF of exactly `size` bytes: a real header, then padding. */
function pdfOfSize(size: number): Buffer {
	const buffer = Buffer.alloc(size);
	PDF.copy(buffer);
	return buffer;
}

/** A VNG medewerker drafts a concept item (only VNG sees it) through the API. */
async function draftedItem(page: Page) {
	await signedIn(page, 'medewerker.vng');
	return api(page, 'POST', '/items', {
		title: uniqueTitle('Bijlagen e2e'),
		summary: 'Voor de e2e-test van bijlagen.',
		purpose: 'informatie'
	});
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
	await page.getByLabel('Bestand toevoegen').setInputFiles(file);
	await page.getByRole('button', { name: 'Bijlage toevoegen' }).click();
}

test('a medewerker uploads a PDF through the page and downloads it again', async ({ page }) => {
	const item = await draftedItem(page);
	await page.goto(`/agendapunten/${item.id}/bijlagen`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bijlagen bij het agendapunt' })
	).toBeVisible();
	await expect(page.getByText('Er zijn nog geen bijlagen.')).toBeVisible();
	await expectNoAxeViolations(page);

	await upload(page, { name: 'Notitie jeugdzorg €.pdf', mimeType: 'application/pdf', buffer: PDF });
	await expect(page).toHaveURL(new RegExp(`/agendapunten/${item.id}#bijlagen$`));

	await page.goto(`/agendapunten/${item.id}/bijlagen`);
	const link = page.getByRole('link', { name: 'Notitie jeugdzorg €.pdf' });
	await expect(link).toBeVisible();
	await expect(page.getByText(/PDF, \d+ B · toegevoegd door Fatima El Amrani/)).toBeVisible();
	await expectNoAxeViolations(page);

	const downloading = page.waitForEvent('download');
	await link.click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('Notitie jeugdzorg €.pdf');
	expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);

	const response = await page.request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	const headers = response.headers();
	expect(headers['content-type']).toBe('application/pdf');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['cache-control']).toMatch(/^private/);
	expect(headers['content-disposition']).toBe(
		`attachment; filename="Notitie jeugdzorg .pdf"; filename*=UTF-8''Notitie%20jeugdzorg%20%E2%82%AC.pdf`
	);

	// The proposer's organisation removes it again; the list is empty.
	await page.getByRole('button', { name: /^Verwijderen\W+Notitie jeugdzorg €\.pdf$/ }).click();
	await expect(page).toHaveURL(new RegExp(`/agendapunten/${item.id}#bijlagen$`));
	await page.goto(`/agendapunten/${item.id}/bijlagen`);
	await expect(page.getByText('Er zijn nog geen bijlagen.')).toBeVisible();
});

test('a wrong type or a file over 25 MB gets a Dutch message; exactly 25 MB is accepted', async ({
	page
}) => {
	// 25 MB through a busy browser and into the database takes a while.
	test.setTimeout(180_000);
	const item = await draftedItem(page);
	await page.goto(`/agendapunten/${item.id}/bijlagen`);

	// A text file renamed to .pdf: the content decides.
	await upload(page, {
		name: 'begroting.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('Dit is gewoon tekst.\n')
	});
	const summary = page.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await expect(summary).toContainText('Dit bestandstype is niet toegestaan');
	await expect(page.getByLabel('Bestand toevoegen')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	// In the browser a file over 25 MB is stopped before it is sent, with the same message.
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url());
	});
	await upload(page, {
		name: 'te-groot.pdf',
		mimeType: 'application/pdf',
		buffer: pdfOfSize(25 * MB + 1)
	});
	await expect(summary).toContainText('Het bestand is groter dan 25 MB', { timeout: 60_000 });
	expect(posts).toEqual([]);

	// Sent anyway (no scripts): the server answers 400 with the Dutch message on the page, and a
	// body beyond the server's limit gets a 413, never a 500.
	const post = (name: string, size: number) =>
		page.request.post(`/agendapunten/${item.id}/bijlagen?/upload`, {
			// As a browser's form post: SvelteKit answers text/html requests with the page itself.
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			multipart: { file: { name, mimeType: 'application/pdf', buffer: pdfOfSize(size) } },
			maxRedirects: 0,
			timeout: 120_000
		});
	const overLimit = await post('te-groot.pdf', 25 * MB + 1);
	expect(overLimit.status()).toBe(400);
	expect(await overLimit.text()).toContain('Het bestand is groter dan 25 MB');
	expect((await post('veel-te-groot.pdf', 27 * MB)).status()).toBe(413);

	// Exactly 25 MB passes the server's body limit and the verb.
	const accepted = await post('precies-25.pdf', 25 * MB);
	expect(accepted.status()).toBe(303);
	expect(accepted.headers()['location']).toBe(`/agendapunten/${item.id}#bijlagen`);
	await page.goto(`/agendapunten/${item.id}/bijlagen`);
	await expect(page.getByRole('link', { name: 'precies-25.pdf' })).toBeVisible();
	await expect(page.getByText(/PDF, 25 MB/)).toBeVisible();
});

test('denied: another party sees no concept attachments and may not upload to an item', async ({
	page,
	browser,
	baseURL
}) => {
	const item = await draftedItem(page);
	await page.goto(`/agendapunten/${item.id}/bijlagen`);
	await upload(page, { name: 'intern.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.goto(`/agendapunten/${item.id}/bijlagen`);
	const href = (await page.getByRole('link', { name: 'intern.pdf' }).getAttribute('href'))!;

	const context = await browser.newContext({ baseURL });
	const ipo = await signedIn(await context.newPage(), 'medewerker.ipo');
	expect((await ipo.goto(`/agendapunten/${item.id}/bijlagen`))?.status()).toBe(404);
	expect((await ipo.request.get(href)).status()).toBe(404);
	const origin = new URL(ipo.url()).origin;
	const posted = await ipo.request.post(`/agendapunten/${item.id}/bijlagen?/upload`, {
		headers: { origin },
		multipart: { file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: PDF } },
		maxRedirects: 0
	});
	expect(posted.status()).toBe(404);

	// Once submitted, IPO sees the file, but adding one stays with VNG (403).
	await api(page, 'POST', `/items/${item.id}/submit`, {}, item.version);
	expect((await ipo.request.get(href)).status()).toBe(200);
	await ipo.goto(`/agendapunten/${item.id}/bijlagen`);
	await expect(ipo.getByRole('link', { name: 'intern.pdf' })).toBeVisible();
	await expect(ipo.getByLabel('Bestand toevoegen')).toHaveCount(0);
	const refused = await ipo.request.post(`/agendapunten/${item.id}/bijlagen?/upload`, {
		headers: { origin },
		multipart: { file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: PDF } },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);
	await context.close();

	// Signed out, a download sends to the sign-in page.
	const anonymous = await browser.newContext({ baseURL });
	const response = await anonymous.request.get(href, { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toMatch(/\/inloggen\?terug=/);
	await anonymous.close();
});
