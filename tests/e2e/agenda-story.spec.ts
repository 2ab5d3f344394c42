import type { Browser, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { expect, signedIn, test, uniqueTitle } from './meetings.fixtures';

/*
 * The whole story in one run, on a meeting planned for it: a VNG medewerker drafts and
 * submits an item, IPO co-sponsors it, the secretariaat places and orders the agenda (with the
 * keyboard alone), the four bestuurders agree, an edit resets the akkoord VNG gave, VNG agrees
 * again after seeing what changed, and the secretariaat adopts. axe checks every page on the way.
 */
test.setTimeout(240_000);

async function personPage(browser: Browser, baseURL: string | undefined, local: string) {
	const context = await browser.newContext({ baseURL });
	return signedIn(await context.newPage(), local);
}

async function agree(page: Page, meetingPath: string, axe = false) {
	await page.goto(meetingPath);
	// Connected and caught up first: a replay of the agenda's earlier events reloads the page's data,
	// and a choice made in the page before that would be sent from a form about to be replaced.
	await expect(page.locator('p', { hasText: 'Live bijwerken:' })).toHaveText(
		/Live bijwerken: Live$/
	);
	await page.getByRole('radio', { name: 'Akkoord' }).check();
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		/Uw oordeel is vastgelegd: .+ gaat akkoord met deze agenda\./
	);
	if (axe) await expectNoAxeViolations(page);
}

test('from a VNG proposal to an adopted agenda', async ({ secretariaat, browser, baseURL }) => {
	// The secretariaat plans the meeting in the form and opens it for proposals.
	const meetingTitle = uniqueTitle('Overhedenoverleg verhaal');
	await secretariaat.goto('/vergaderingen/nieuw');
	await secretariaat.getByLabel('Soort overleg').selectOption({ label: 'Overhedenoverleg' });
	await secretariaat.getByLabel('Titel').fill(meetingTitle);
	await secretariaat.getByLabel('Begin').fill('2027-05-20T10:00');
	await secretariaat.getByLabel('Einde').fill('2027-05-20T12:00');
	await secretariaat.getByLabel('Plaats').fill('Den Haag, Catshuis');
	await secretariaat.getByRole('button', { name: 'Vergadering plannen' }).click();
	await expect(secretariaat.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
	await secretariaat.getByRole('button', { name: 'Openzetten voor voorstellen' }).click();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText(
		'Open voor voorstellen'
	);
	const meetingPath = new URL(secretariaat.url()).pathname;

	// A VNG medewerker proposes from the meeting page, invites IPO and submits.
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	await vng.goto(meetingPath);
	await expectNoAxeViolations(vng);
	await vng.getByRole('link', { name: 'Voorstel indienen' }).click();
	const itemTitle = uniqueTitle('Jeugdzorg en het Gemeentefonds');
	await vng.getByLabel('Titel').fill(itemTitle);
	await vng.getByLabel('Samenvatting').fill('Afspraken over de middelen voor jeugdzorg 2025–2027.');
	await vng.getByLabel('Ter bespreking').check();
	await expectNoAxeViolations(vng);
	await vng.getByRole('button', { name: 'Opslaan als concept' }).click();
	await expect(vng.getByRole('heading', { level: 1, name: itemTitle })).toBeVisible();
	const itemPath = new URL(vng.url()).pathname;
	await vng.getByRole('button', { name: 'Indienen', exact: true }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText(
		'Het agendapunt is ingediend.'
	);
	await vng.getByLabel('Partij', { exact: true }).selectOption({ label: 'IPO' });
	await vng.getByRole('button', { name: 'Vraag als mede-indiener' }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText(
		'IPO is gevraagd mede-indiener te worden.'
	);
	await expectNoAxeViolations(vng);
	// A second item, so that there is an order to change.
	const secondTitle = uniqueTitle('Uitvoerbaarheidstoets');
	await vng.goto(`/agendapunten/nieuw?vergadering=${meetingPath.split('/').pop()}`);
	await vng.getByLabel('Titel').fill(secondTitle);
	await vng.getByLabel('Samenvatting').fill('De eerste ervaringen met de UDO.');
	await vng.getByLabel('Ter informatie').check();
	await vng.getByRole('button', { name: 'Opslaan en indienen' }).click();
	await expect(vng.getByRole('heading', { level: 1, name: secondTitle })).toBeVisible();

	// IPO accepts the invitation to co-sponsor.
	const ipo = await personPage(browser, baseURL, 'medewerker.ipo');
	await ipo.goto(itemPath);
	await ipo.getByRole('button', { name: 'Mede-indienen' }).click();
	await expect(ipo.getByRole('main').getByRole('status')).toContainText(
		'Uw partij dient dit agendapunt mede in.'
	);
	await expectNoAxeViolations(ipo);

	// The secretariaat places both and orders them with the keyboard alone.
	await secretariaat.goto(meetingPath);
	for (const title of [itemTitle, secondTitle]) {
		await secretariaat.getByRole('button', { name: `Agenderen: ${title}` }).focus();
		await secretariaat.keyboard.press('Enter');
		await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
			`${title} staat nu op de agenda.`
		);
	}
	const agenda = secretariaat.getByRole('region', { name: 'Agenda', exact: true });
	await expect(agenda.getByRole('row').filter({ hasText: itemTitle })).toContainText('VNG, IPO');
	await secretariaat.getByRole('button', { name: `${secondTitle} een plaats omhoog` }).focus();
	await secretariaat.keyboard.press('Enter');
	await expect(secretariaat.getByRole('main').locator('[aria-live="polite"]')).toHaveText(
		`${secondTitle} staat nu op plaats 1 van 2.`
	);
	await expect(
		secretariaat.getByRole('button', { name: `${secondTitle} een plaats omlaag` })
	).toBeFocused();
	await expectNoAxeViolations(secretariaat);
	await secretariaat.getByRole('button', { name: 'Agenda in afstemming brengen' }).click();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText('Agenda in afstemming');

	// VNG's bestuurder agrees first; then the VNG medewerker edits the item: VNG must look again.
	const vngBestuurder = await personPage(browser, baseURL, 'bestuurder.vng');
	await agree(vngBestuurder, meetingPath, true);
	await vng.goto(`${itemPath}/bewerken`);
	const newTitle = `${itemTitle} (herzien)`;
	await vng.getByLabel('Titel').fill(newTitle);
	await vng.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText(
		'Uw wijzigingen zijn opgeslagen.'
	);

	// The other three agree to the agenda as it is now.
	for (const local of ['bestuurder.rijk', 'bestuurder.ipo', 'bestuurder.uvw'])
		await agree(await personPage(browser, baseURL, local), meetingPath);

	await secretariaat.goto(meetingPath);
	await expect(
		secretariaat.getByText('Vaststellen kan zodra alle vier partijen akkoord gaven.')
	).toBeVisible();
	const vngCard = secretariaat
		.getByRole('region', { name: 'Akkoord van de partijen' })
		.getByRole('listitem')
		.filter({ hasText: 'VNG' });
	await expect(vngCard).toContainText('Opnieuw beoordelen');

	// VNG sees exactly what changed since its akkoord, and agrees again.
	await vngBestuurder.goto(meetingPath);
	const changed = vngBestuurder.getByRole('group', { name: 'Gewijzigd sinds uw akkoord' });
	await expect(changed).toContainText(`is gewijzigd en heet nu "${newTitle}"`);
	await expectNoAxeViolations(vngBestuurder);
	await agree(vngBestuurder, meetingPath);

	// All four agreed: the secretariaat adopts, after confirming.
	await secretariaat.goto(meetingPath);
	await expect(
		secretariaat
			.getByRole('region', { name: 'Akkoord van de partijen' })
			.getByRole('listitem')
			.filter({ hasText: 'Akkoord' })
	).toHaveCount(4);
	await secretariaat.getByText('Agenda vaststellen', { exact: true }).click();
	await secretariaat.getByRole('button', { name: 'Ja, agenda vaststellen' }).click();
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
		'De agenda is vastgesteld.'
	);
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText('Agenda vastgesteld');
	// Frozen: no ordering any more.
	await expect(secretariaat.getByRole('button', { name: /een plaats omhoog/ })).toHaveCount(0);
	await expectNoAxeViolations(secretariaat);
});
