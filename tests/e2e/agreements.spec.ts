import { readFile } from 'node:fs/promises';
import { type Page, type Request } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { api, expect, plannedMeeting, signedIn, test, uniqueTitle } from './meetings.fixtures';
import { bestuurders, heldMeeting, personPage } from './outcomes.fixtures';

/*
 * The agreements (issue 14) in Chromium: the secretariaat makes one from a decision of a meeting
 * held today; a medewerker of the responsible party reports progress while a bestuurder of another
 * party watches the register change without a reload; VNG records its members' approval; the
 * secretariaat takes back an onward link while the later agreement's page follows; axe on
 * the register, one agreement and Mijn werk, in Dutch and English, on a desktop and at 390 px.
 */
test.describe.configure({ timeout: 120_000 });

const DAY = 86_400_000;
/** A small PDF (file-type knows it by its header) for a progress report's attachment. */
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
);
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const liveState = (page: Page) => page.locator('p', { hasText: 'Live bijwerken:' });
/** The confirmation of a form, which takes focus. */
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

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

/** An agreement of a meeting of the test's own, VNG responsible with Fatima El Amrani as contact. */
async function vngAgreement(secretariaat: Page, vng: Page, title: string) {
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Overhedenoverleg afspraken'));
	const me = (await api(vng, 'GET', '/me')) as { id: string };
	return api(secretariaat, 'POST', '/agreements', {
		meetingId: meeting.id,
		title,
		body: 'Het BOFv werkt de verdeling over de gemeenten uit.',
		deadline: inDays(20),
		owners: [{ party: 'vng', contactPersonId: me.id }]
	});
}

test('the secretariaat makes an agreement from a decision of a meeting held today', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const parties = [];
	for (const party of bestuurders)
		parties.push(await personPage(browser, baseURL, `bestuurder.${party}`));
	const word = `afspraak${Date.now().toString(36)}`;
	const { meeting } = await heldMeeting(secretariaat, {
		parties,
		browser,
		baseURL,
		title: 'Overhedenoverleg afspraken',
		firstItem: (w) => `Jeugdzorg en de ${w}`,
		secondItem: 'Vertrouwelijk: de ingebrekestelling',
		decision: (w) => ({
			outcome: 'aangenomen',
			dicta: [`de ${w} vast te stellen;`, 'het BOFv te vragen de verdeling uit te werken.'],
			commitments: []
		}),
		word
	});
	const { decisions } = (await api(
		secretariaat,
		'GET',
		`/meetings/${meeting.id}/decisions`
	)) as unknown as {
		decisions: { id: string; itemTitle: string }[];
	};
	const decision = decisions.find((row) => row.itemTitle.includes(word))!;

	await secretariaat.goto(`/afspraken/nieuw?besluit=${decision.id}`);
	await expect(
		secretariaat.getByRole('heading', { name: `Uit het besluit bij punt 1: ${decision.itemTitle}` })
	).toBeVisible();
	await expect(secretariaat.getByText(`de ${word} vast te stellen;`)).toBeVisible();

	// Without a responsible party it is refused, at the field, and nothing is made.
	await secretariaat.getByLabel('Termijn', { exact: true }).fill(inDays(45));
	await secretariaat.getByRole('button', { name: 'Afspraak maken', exact: true }).click();
	const summary = secretariaat.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Noem minstens één actiehouder');

	// VNG responsible, Fatima El Amrani its contact; the text of the decision goes along.
	const contact = secretariaat.getByLabel('Contactpersoon voor VNG');
	const fatima = await contact.locator('option', { hasText: 'Fatima El Amrani' }).textContent();
	await contact.selectOption({ label: fatima! });
	await secretariaat
		.getByLabel('Voorwaarde of terugvaloptie (niet verplicht)')
		.fill('Is de verdeling op 1 maart niet klaar, dan beslist het BOFv.');
	await secretariaat.getByRole('button', { name: 'Afspraak maken', exact: true }).click();
	await expect(secretariaat).toHaveURL(/\/afspraken\/[0-9a-f-]{36}\?gemaakt$/);
	await expect(notice(secretariaat, 'De afspraak is gemaakt.')).toBeFocused();
	await expect(secretariaat.getByRole('heading', { level: 1 })).toHaveText(decision.itemTitle);
	const main = secretariaat.getByRole('main');
	const agreed = main.getByRole('region', { name: 'Wat is afgesproken' });
	await expect(agreed.getByText(`de ${word} vast te stellen;`)).toBeVisible();
	await expect(main.getByText('Contactpersoon: Fatima El Amrani')).toBeVisible();
	await expect(
		main.getByText(`Besluit bij punt 1: ${decision.itemTitle}`, { exact: true })
	).toBeVisible();
	// The section, not the table's scrolling region inside it, which its heading names too.
	const history = secretariaat.getByRole('region', { name: 'Geschiedenis' }).first();
	await expect(history.getByRole('row', { name: /Afspraak vastgelegd/ })).toContainText(
		'Mila Hendriks'
	);
	for (const page of parties) await page.context().close();
});

test('VNG reports progress while a bestuurder of IPO watches the register change without a reload', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	const ipo = await personPage(browser, baseURL, 'bestuurder.ipo');
	const title = uniqueTitle('Afspraak: verdeelsleutel opschalingskorting');
	const agreement = await vngAgreement(secretariaat, vng, title);

	// IPO follows the register filtered on VNG's agreements in uitvoering: this one is not there yet.
	await ipo.goto('/afspraken?partij=vng&status=in_uitvoering');
	await expect(liveState(ipo)).toHaveText(/Live bijwerken: Live$/);
	const row = ipo.getByRole('row').filter({ hasText: title });
	await expect(row).toHaveCount(0);
	const requests = dataRequests(ipo);

	// VNG's medewerker sets it in uitvoering and reports 40 %, on the agreement's own page.
	await vng.goto(`/afspraken/${agreement.id}`);
	await expect(liveState(vng)).toHaveText(/Live bijwerken: Live$/);
	await vng.getByText('Status wijzigen').click();
	await vng.getByRole('radio', { name: 'In uitvoering' }).check();
	await vng.getByRole('button', { name: 'Status opslaan' }).click();
	await expect(notice(vng, 'De status is gewijzigd in In uitvoering.')).toBeFocused();
	await expect(row).toContainText('In uitvoering');

	await vng.getByText('Voortgang melden namens VNG').click();
	await vng.getByLabel('Wat is er gedaan, en wat volgt?').fill('De verdeelsleutel ligt bij IPO.');
	await vng.getByLabel('Hoe ver is het, in procenten (niet verplicht)').fill('140');
	await vng.getByRole('button', { name: 'Voortgang melden', exact: true }).click();
	await expect(vng.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'Het percentage is een getal van 0 tot en met 100.'
	);
	// The secretariaat follows the agreement's own page: the report and its file arrive live.
	await secretariaat.goto(`/afspraken/${agreement.id}`);
	await expect(liveState(secretariaat)).toHaveText(/Live bijwerken: Live$/);
	const followed = dataRequests(secretariaat);

	await vng.getByLabel('Hoe ver is het, in procenten (niet verplicht)').fill('40');
	await vng
		.getByLabel('Bijlagen (niet verplicht)')
		.setInputFiles({ name: 'Tussenrapportage VNG.pdf', mimeType: 'application/pdf', buffer: PDF });
	await vng.getByRole('button', { name: 'Voortgang melden', exact: true }).click();
	await expect(notice(vng, 'Uw voortgang is gemeld.')).toBeFocused();
	const progress = vng.getByRole('region', { name: 'Voortgang', exact: true });
	await expect(progress).toContainText('Fatima El Amrani namens VNG');
	await expect(progress).toContainText('40% gereed');
	await expect(
		progress.getByRole('list', { name: 'Bijlagen bij deze melding' }).getByRole('listitem')
	).toHaveText(/Tussenrapportage VNG\.pdf\s*\(PDF, \d+ B\)/);

	// The register on IPO's screen took both changes in: the row came in, then its 40 %.
	await expect(row).toContainText('40% gereed');
	expect(requests.map((request) => request.url())).toEqual([]);

	// On the secretariaat's page the report came with its file and its history line names it,
	// without a reload; the file downloads as it was sent.
	const shown = secretariaat.getByRole('region', { name: 'Voortgang', exact: true });
	const link = shown.getByRole('link', { name: 'Tussenrapportage VNG.pdf' });
	await expect(link).toBeVisible();
	await expect(
		secretariaat
			.getByRole('region', { name: 'Geschiedenis' })
			.getByText(/met Tussenrapportage VNG\.pdf/)
	).toBeVisible();
	expect(followed.map((request) => request.url())).toEqual([]);
	const downloading = secretariaat.waitForEvent('download');
	await link.click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('Tussenrapportage VNG.pdf');
	expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
	await vng.context().close();
	await ipo.context().close();
});

test('a form opened before the page woke up stays open when it does', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	const agreement = await vngAgreement(
		secretariaat,
		vng,
		uniqueTitle('Afspraak: een klik voor het script')
	);
	// The app's scripts are held back until "Status wijzigen" was opened on the server's page.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await vng.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	await vng.goto(`/afspraken/${agreement.id}`, { waitUntil: 'domcontentloaded' });
	await vng.getByText('Status wijzigen').click();
	await expect(vng.getByRole('radio', { name: 'In uitvoering' })).toBeVisible();
	release();
	// Awake and connected: the form the person opened is still open.
	await expect(liveState(vng)).toHaveText(/Live bijwerken: Live$/);
	await expect(vng.getByRole('radio', { name: 'In uitvoering' })).toBeVisible();
	await vng.getByRole('radio', { name: 'In uitvoering' }).check();
	await vng.getByRole('button', { name: 'Status opslaan' }).click();
	await expect(notice(vng, 'De status is gewijzigd in In uitvoering.')).toBeFocused();
	await vng.context().close();
});

test('VNG records the approval of its members; the agreement is bekrachtigd', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const vng = await personPage(browser, baseURL, 'bestuurder.vng');
	const fatima = await personPage(browser, baseURL, 'medewerker.vng');
	const title = uniqueTitle('Afspraak: ledenbrief jeugdzorg');
	const agreement = await vngAgreement(secretariaat, fatima, title);
	await fatima.context().close();

	await vng.goto(`/afspraken/${agreement.id}`);
	const ratification = vng.getByRole('region', { name: 'Bekrachtiging door de leden' }).first();
	await ratification.getByText('Ledenraadpleging van VNG vastleggen').click();
	await ratification.getByRole('radio', { name: 'Goedgekeurd' }).check();
	await ratification.getByRole('button', { name: 'Vastleggen', exact: true }).click();
	await expect(
		ratification.getByRole('group', { name: 'Er is iets niet goed ingevuld' })
	).toContainText('Vul in wanneer de leden besloten.');
	await ratification.getByLabel('Besloten op (bij goedgekeurd of afgewezen)').fill(inDays(-1));
	await ratification
		.getByLabel('Adres van de ledenbrief (niet verplicht)')
		.fill('https://vng.nl/brieven/ledenbrief-jeugdzorg');
	await ratification.getByRole('button', { name: 'Vastleggen', exact: true }).click();
	await expect(notice(vng, 'De ledenraadpleging is vastgelegd.')).toBeFocused();
	await expect(ratification.getByRole('row', { name: /^VNG/ })).toContainText('Goedgekeurd');
	await expect(ratification.getByRole('link', { name: 'Ledenbrief van VNG' })).toHaveAttribute(
		'href',
		'https://vng.nl/brieven/ledenbrief-jeugdzorg'
	);
	await expect(ratification).toContainText('Samen: Bekrachtigd');
	// IPO sees no form to record VNG's word, only its own.
	const ipo = await personPage(browser, baseURL, 'medewerker.ipo');
	await ipo.goto(`/afspraken/${agreement.id}`);
	await expect(ipo.getByText('Ledenraadpleging van IPO vastleggen')).toBeVisible();
	await expect(ipo.getByText('Ledenraadpleging van VNG vastleggen')).toHaveCount(0);
	await vng.context().close();
	await ipo.context().close();
});

test('the secretariaat takes back a link made by mistake, by keyboard; the later agreement follows without a reload', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	const first = await vngAgreement(secretariaat, vng, uniqueTitle('Afspraak: eerst'));
	const later = await vngAgreement(secretariaat, vng, uniqueTitle('Afspraak: later'));
	await api(secretariaat, 'POST', `/agreements/${first.id}/links`, { toAgreementId: later.id });

	// VNG follows the later agreement, which comes from the first.
	await vng.goto(`/afspraken/${later.id}`);
	await expect(liveState(vng)).toHaveText(/Live bijwerken: Live$/);
	const laterChain = vng.getByRole('region', { name: /^Keten/ });
	await expect(laterChain.getByRole('link', { name: first.title as string })).toBeVisible();
	const requests = dataRequests(vng);

	await secretariaat.goto(`/afspraken/${first.id}`);
	await expect(liveState(secretariaat)).toHaveText(/Live bijwerken: Live$/);
	const chain = secretariaat.getByRole('region', { name: /^Keten/ });
	await chain.getByText('Doorverwijzing weghalen', { exact: true }).focus();
	await secretariaat.keyboard.press('Enter');
	await chain.getByLabel('Reden (niet verplicht)').fill('Per abuis doorverwezen.');
	await chain.getByRole('button', { name: 'Ja, doorverwijzing weghalen' }).press('Enter');
	await expect(notice(secretariaat, 'De doorverwijzing is weggehaald.')).toBeFocused();
	await expect(chain).toContainText('Deze afspraak is (nog) niet doorverwezen.');
	await expect(
		secretariaat
			.getByRole('region', { name: 'Geschiedenis' })
			.first()
			.getByText(
				'Doorverwijzing naar een latere afspraak weggehaald. Reden: Per abuis doorverwezen.'
			)
	).toBeVisible();

	await expect(laterChain).toContainText('Deze afspraak komt niet voort uit een eerdere afspraak.');
	expect(requests.map((request) => request.url())).toEqual([]);
	await vng.context().close();
});

test('axe finds nothing on the register, an agreement and Mijn werk, in Dutch and English, wide and at 390 px', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	const fatima = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'medewerker.vng'
	);
	// The demo agreement that went to the BOFv and from there to the Voorjaarsnota: a chain, owners, a
	// pending consultation, progress.
	await secretariaat.goto('/afspraken');
	const href = await secretariaat
		.getByRole('main')
		.getByRole('link', { name: /opschalingskorting vastleggen in een BOFv-notitie/ })
		.getAttribute('href');
	expect(href).toMatch(/^\/afspraken\/[0-9a-f-]{36}$/);
	const pages: [Page, string][] = [
		[secretariaat, '/afspraken'],
		[secretariaat, '/afspraken?status=klaar'],
		[secretariaat, href!],
		[fatima, href!],
		[fatima, '/mijn-werk']
	];
	for (const size of [
		{ width: 1280, height: 900 },
		{ width: 390, height: 844 }
	]) {
		for (const [page, path] of pages) {
			await page.setViewportSize(size);
			for (const prefix of ['', '/en']) {
				await page.goto(`${prefix}${path}`);
				// The forms behind their disclosures too.
				for (const details of await page.locator('main details').all())
					await details.evaluate((element) => element.setAttribute('open', ''));
				await expectNoAxeViolations(page);
			}
		}
	}
	// The last page was Mijn werk in English: the party's agreements are on it.
	await expect(fatima.getByRole('heading', { name: 'Agreements of VNG' })).toBeVisible();
	await fatima.context().close();
});
