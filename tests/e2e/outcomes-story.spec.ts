import type { Browser, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { expect, test } from './meetings.fixtures';
import { bestuurders, heldMeeting as heldToday, personPage } from './outcomes.fixtures';

/*
 * The story of a meeting's outcomes (issue 13), through the pages: a meeting of this test's own is
 * held through the API; then on /vergaderingen/{id}/besluitenlijst the secretariaat sends the list
 * ter verificatie, three bestuurders agree, the fourth proposes a correction, the secretariaat
 * takes it over (the others' akkoord asks to verify again), all four agree again, and the list is
 * adopted and published. A visitor without an account finds it on /publicaties, reads it and
 * downloads the PDF and the ORI JSON. axe on the table's page and the public ones, Dutch and English.
 */
test.setTimeout(300_000);

const HOUR = 3_600_000;
const labels = {
	rijk: 'het Rijk',
	vng: 'VNG',
	ipo: 'IPO',
	uvw: 'de Unie van Waterschappen'
} as const;

/** A meeting held today with one openbaar and one vertrouwelijk item, each decided. */
function heldMeeting(secretariaat: Page, parties: Page[], browser: Browser, baseURL?: string) {
	return heldToday(secretariaat, {
		parties,
		browser,
		baseURL,
		title: 'Overhedenoverleg uitkomsten',
		firstItem: (word) => `Jeugdzorg en de ${word}`,
		secondItem: 'Vertrouwelijk: de ingebrekestelling',
		decision: (word) => ({
			outcome: 'aangenomen',
			dicta: [`de ${word} vast te stellen;`, 'het BOFv te vragen de verdeling uit te werken.'],
			commitments: [
				{
					party: 'rijk',
					holder: 'de minister van BZK',
					description: 'Verwerkt het in de meicirculaire.',
					dueDate: '2027-05-31'
				}
			]
		}),
		word: `uitkomst${Date.now().toString(36)}`
	});
}

async function axeInBothLanguages(page: Page, path: string) {
	for (const prefix of ['', '/en']) {
		await page.goto(`${prefix}${path}`);
		await expectNoAxeViolations(page);
	}
}

async function pdfText(bytes: Buffer): Promise<string> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
	const pdf = await task.promise;
	const pages: string[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const content = await (await pdf.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
	}
	await task.destroy();
	return pages.join('\n');
}

test('the four verify, one correction is taken over, the list is published and a visitor reads and downloads it', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const parties = [];
	for (const party of bestuurders)
		parties.push(await personPage(browser, baseURL, `bestuurder.${party}`));
	const { meeting, items, word } = await heldMeeting(secretariaat, parties, browser, baseURL);
	const listPath = `/vergaderingen/${meeting.id}/besluitenlijst`;
	const partyState = (page: Page, party: (typeof bestuurders)[number]) =>
		page
			.getByRole('region', { name: 'Verificatie door de partijen' })
			.getByRole('listitem')
			.filter({ hasText: `${labels[party]}:` });

	// The secretariaat sends it ter verificatie, with a closing date a week away.
	await secretariaat.goto(listPath);
	const inAWeek = new Date(Date.now() + 7 * 24 * HOUR).toISOString().slice(0, 10);
	await secretariaat.getByLabel('Reageren kan tot en met').fill(inAWeek);
	await secretariaat.getByRole('button', { name: 'Ter verificatie sturen' }).click();
	await expect(
		secretariaat.getByText('De besluitenlijst is ter verificatie gestuurd aan de vier partijen.')
	).toBeVisible();

	// Rijk, VNG and IPO agree; UvW proposes a correction of the first decision.
	for (const page of parties.slice(0, 3)) {
		await page.goto(listPath);
		await page.getByRole('button', { name: 'Akkoord met de besluitenlijst' }).click();
		await expect(page.getByText('Uw akkoord op de besluitenlijst is vastgelegd.')).toBeVisible();
	}
	const uvw = parties[3]!;
	await uvw.goto(listPath);
	await uvw.getByLabel('Op welk besluit').selectOption({ label: `1. ${items[0]!.title}` });
	await uvw
		.getByLabel('Zo zou het besluit moeten luiden')
		.fill(
			`1. de ${word} vast te stellen in aanwezigheid van UvW;\n2. het BOFv te vragen de verdeling uit te werken.`
		);
	await uvw.getByLabel('Waarom').fill('UvW was aanwezig; dat hoort in het besluit.');
	await uvw.getByRole('button', { name: 'Correctie voorstellen' }).click();
	await expect(uvw.getByText('Uw correctie is voorgesteld.', { exact: false })).toBeVisible();
	await expect(partyState(uvw, 'uvw')).toContainText('stelt correcties voor');

	// The secretariaat takes it over: the others' akkoord no longer holds for the list as it is.
	await secretariaat.goto(listPath);
	await expect(
		secretariaat.getByText('de Unie van Waterschappen stelt een correctie voor op punt 1.')
	).toBeVisible();
	await secretariaat.getByRole('button', { name: 'Correctie overnemen' }).click();
	await expect(secretariaat.getByText('Uw antwoord op de correctie is vastgelegd.')).toBeVisible();
	for (const party of ['rijk', 'vng', 'ipo'] as const)
		await expect(partyState(secretariaat, party)).toContainText(
			'opnieuw verifiëren: de lijst is sindsdien gewijzigd'
		);
	await expect(
		secretariaat
			.getByRole('region', { name: 'Besluiten' })
			.getByText(`de ${word} vast te stellen in aanwezigheid van UvW;`, { exact: true })
	).toBeVisible();
	await axeInBothLanguages(secretariaat, listPath);

	// All four agree again.
	for (const page of parties) {
		await page.goto(listPath);
		await page.getByRole('button', { name: 'Akkoord met de besluitenlijst' }).click();
		await expect(page.getByText('Uw akkoord op de besluitenlijst is vastgelegd.')).toBeVisible();
	}
	await axeInBothLanguages(parties[0]!, listPath);
	for (const page of parties) await page.context().close();
	await secretariaat.goto(listPath);
	for (const party of bestuurders)
		await expect(partyState(secretariaat, party)).toContainText('akkoord');

	// Adopted, then published with the openbaar item only (the vertrouwelijk one cannot be ticked).
	await secretariaat.getByRole('button', { name: 'Besluitenlijst vaststellen' }).click();
	await expect(
		secretariaat.getByText('De besluitenlijst is vastgesteld. Publiceer haar als volgende stap.')
	).toBeVisible();
	await expect(
		secretariaat.getByRole('checkbox', { name: new RegExp(items[0]!.title) })
	).toBeChecked();
	await secretariaat.getByRole('button', { name: 'Publiceren', exact: true }).click();
	await expect(
		secretariaat.getByText('Versie 1 van de besluitenlijst is gepubliceerd.')
	).toBeVisible();
	await axeInBothLanguages(secretariaat, listPath);

	// A visitor without an account finds it, reads it and downloads it.
	const visitor = await (await browser.newContext({ baseURL })).newPage();
	await visitor.goto('/publicaties');
	await visitor.getByLabel('Zoekwoorden').fill(word);
	await visitor.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(visitor.getByRole('status')).toHaveText('1 publicatie');
	await visitor.getByRole('link', { name: meeting.title }).click();
	const path = `/publicaties/${meeting.id}`;
	await expect(visitor).toHaveURL(new RegExp(`${path}$`));
	const published = visitor.getByRole('region', { name: 'Besluitenlijst' });
	await expect(
		published.getByText(`de ${word} vast te stellen in aanwezigheid van UvW;`, { exact: true })
	).toBeVisible();
	await expect(visitor.getByText(items[1]!.title)).toHaveCount(0);

	const pdfHref = await visitor
		.getByRole('link', { name: 'Besluitenlijst als PDF' })
		.getAttribute('href');
	const pdf = await visitor.request.get(pdfHref!);
	expect(pdf.headers()['content-type']).toContain('application/pdf');
	const text = await pdfText(await pdf.body());
	expect(text).toContain(`de ${word} vast te stellen in aanwezigheid van UvW;`);
	expect(text).not.toContain(items[1]!.title);

	const oriHref = await visitor
		.getByRole('link', { name: 'Open data in ORI-termen (JSON)' })
		.getAttribute('href');
	const ori = await (await visitor.request.get(oriHref!)).json();
	expect(ori.vergadering.naam).toBe(meeting.title);
	expect(ori.vertrouwelijkeAgendapunten).toBe(1);
	expect(ori.vergadering.agendapunten).toHaveLength(1);
	expect(ori.vergadering.agendapunten[0].besluit).toMatchObject({
		dicta: [
			`de ${word} vast te stellen in aanwezigheid van UvW;`,
			'het BOFv te vragen de verdeling uit te werken.'
		],
		toezeggingen: [expect.objectContaining({ actiehouder: 'de minister van BZK' })]
	});

	for (const page of ['/publicaties', `/publicaties?q=${word}`, path])
		await axeInBothLanguages(visitor, page);
	await visitor.context().close();
});
