import { expectNoAxeViolations } from './support/identity';
import {
	api,
	expect,
	plannedMeeting,
	postAction,
	signedIn,
	submittedItem,
	test,
	uniqueTitle
} from './meetings.fixtures';
import { demoTitles } from '../../src/lib/server/meetings/demo-data';

/** The demo meetings' names: made from their dates, which follow the day the server seeded. */
const demo = demoTitles(Date.now());

// The secretariaat signs in once per worker: the tests of this file share that worker.
test.describe.configure({ mode: 'default' });

/** The demo's coming Overhedenoverleg, whose agenda is in afstemming (read only here). */
const DEMO_MEETING = '/vergaderingen/00000000-0000-4000-a000-000000000004';

test('signed-out visitors are sent to sign in', async ({ page }) => {
	for (const path of ['/vergaderingen', '/vergaderingen/nieuw', DEMO_MEETING]) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/inloggen\?terug=/);
	}
});

test('a medewerker reads the list, filters it, and sees no secretariat controls', async ({
	page
}) => {
	await signedIn(page, 'medewerker.vng');
	await page.goto('/vergaderingen');
	await expect(page.getByRole('heading', { level: 1, name: 'Vergaderingen' })).toBeVisible();
	const upcoming = page.getByRole('region', { name: 'Komende vergaderingen' });
	const past = page.getByRole('region', { name: 'Afgelopen vergaderingen' });
	await expect(upcoming.getByRole('link', { name: demo.coming, exact: true })).toBeVisible();
	await expect(past.getByRole('link', { name: demo.past, exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Vergadering plannen' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// The filter is a GET form: it works without scripts and can be bookmarked.
	await page.getByLabel('Soort overleg').selectOption({ label: 'Ambtelijk voorportaal' });
	await page.getByRole('button', { name: 'Toon vergaderingen' }).click();
	await expect(page).toHaveURL(/soort=ambtelijk_voorportaal/);
	await expect(upcoming.getByRole('link', { name: demo.comingVoorportaal })).toBeVisible();
	await expect(upcoming.getByRole('link', { name: demo.coming, exact: true })).toHaveCount(0);

	// A wrong filter value is named, not a 500.
	const wrong = await page.goto('/vergaderingen?jaar=abc');
	expect(wrong?.status()).toBe(200);
	await expect(page.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toBeVisible();

	await page.goto(DEMO_MEETING);
	await expect(page.getByRole('heading', { level: 1, name: demo.coming })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Agenda', exact: true }).getByRole('table')
	).toBeVisible();
	await expect(page.getByRole('button', { name: /omhoog|omlaag/ })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Acties van het secretariaat' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Agenderen' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Gegevens wijzigen' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /\.ics/ })).toHaveAttribute('href', /agenda\.ics$/);
	await expect(page.locator('[aria-current="step"]')).toContainText('Agenda in afstemming');
	await expectNoAxeViolations(page);
});

test('the secretariat’s pages and actions are refused to a medewerker', async ({ page }) => {
	await signedIn(page, 'medewerker.ipo');
	expect((await page.goto('/vergaderingen/nieuw'))?.status()).toBe(403);
	// The refusal says what is not allowed, not that something went wrong.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('U mag deze pagina niet openen');
	await expect(page.getByRole('main')).toContainText('Vraag het secretariaat.');
	expect((await page.goto(`${DEMO_MEETING}/bewerken`))?.status()).toBe(403);
	expect((await page.goto('/vergaderingen/11111111-1111-4111-8111-111111111111'))?.status()).toBe(
		404
	);
	expect((await page.goto('/vergaderingen/geen-vergadering'))?.status()).toBe(404);
	await page.goto(DEMO_MEETING);
	for (const [action, form] of [
		['adopt', {}],
		['cancel', { reason: 'Geen reden' }],
		['move', { itemId: '00000000-0000-4000-a000-000000000000', direction: 'up' }],
		['minutes', { itemId: '00000000-0000-4000-a000-000000000000', position: '1', minutes: '5' }],
		['approve', { decision: 'akkoord' }]
	] as const) {
		const response = await postAction(page, `${DEMO_MEETING}?/${action}`, form);
		expect(response.status(), action).toBe(403);
	}
	const plan = await postAction(page, '/vergaderingen/nieuw', { kind: 'bofv', title: 'Mag niet' });
	expect(plan.status()).toBe(403);
});

test('the secretariat plans a meeting; a wrong one is refused in Dutch at the fields', async ({
	secretariaat: page
}) => {
	await page.goto('/vergaderingen');
	await page.getByRole('link', { name: 'Vergadering plannen' }).click();
	await expect(page).toHaveURL(/\/vergaderingen\/nieuw$/);
	await expectNoAxeViolations(page);

	const title = uniqueTitle('Sectorale tafel wonen');
	await page.getByLabel('Soort overleg').selectOption({ label: 'Sectorale tafel' });
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Begin').fill('2027-03-15T14:00');
	await page.getByLabel('Einde').fill('2027-03-15T13:00');
	await page.getByRole('button', { name: 'Vergadering plannen' }).click();
	const summary = page.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('De vergadering moet eindigen na het begin.');
	await expect(summary).toContainText('Vul het beleidsterrein van de sectorale tafel in.');
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expectNoAxeViolations(page);

	await page.getByLabel('Beleidsterrein').fill('Wonen');
	await page.getByLabel('Einde').fill('2027-03-15T16:30');
	await page.getByLabel('Plaats').fill('Utrecht');
	await page.getByLabel('Termijn voor voorstellen').fill('2027-03-01T17:00');
	await page.getByRole('button', { name: 'Vergadering plannen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'De vergadering is gepland.'
	);
	// Entered as Amsterdam time, shown as Amsterdam time.
	await expect(page.getByText('15 maart 2027 om 14:00 tot 16:30')).toBeVisible();
	await expect(page.getByText('Sectorale tafel: Wonen')).toBeVisible();
	await expect(page.locator('[aria-current="step"]')).toContainText('Gepland');
	await expectNoAxeViolations(page);

	await page.goto('/vergaderingen?soort=sectorale_tafel&jaar=2027');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test('a stale edit names what changed and can be reapplied or reloaded', async ({
	secretariaat: page
}) => {
	await page.goto('/vergaderingen');
	const meeting = await plannedMeeting(page, uniqueTitle('Conflict'));
	await page.goto(`/vergaderingen/${meeting.id}/bewerken`);
	await expectNoAxeViolations(page);

	// Someone else saves first, in another tab with the same session.
	const other = await page.context().newPage();
	await other.goto(`/vergaderingen/${meeting.id}/bewerken`);
	await other.getByLabel('Plaats').fill('Zwolle');
	await other.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(other.getByRole('main').getByRole('status')).toContainText(
		'De wijzigingen zijn opgeslagen.'
	);

	await page.getByLabel('Voorzitter').fill('Staatssecretaris');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	const conflict = page.getByRole('group', {
		name: 'Iemand anders heeft deze vergadering intussen gewijzigd'
	});
	await expect(conflict).toContainText('Gewijzigd sinds u begon: Plaats.');
	await expect(page.getByLabel('Voorzitter')).toHaveValue('Staatssecretaris');
	await expect(conflict.getByRole('link', { name: 'Nieuwste versie laden' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Plaats').fill('Zwolle');
	await page
		.getByRole('button', { name: 'Mijn wijzigingen toepassen op de nieuwste versie' })
		.click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'De wijzigingen zijn opgeslagen.'
	);
	await expect(page.getByText('Staatssecretaris')).toBeVisible();
	await expect(page.getByText('Zwolle')).toBeVisible();
});

test('the secretariat orders the agenda with the keyboard alone, and sets minutes', async ({
	secretariaat,
	page
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Volgorde'), { open: true });
	await signedIn(page, 'medewerker.vng');
	const titles = [uniqueTitle('Punt A'), uniqueTitle('Punt B'), uniqueTitle('Punt C')];
	for (const title of titles) await submittedItem(page, meeting.id, title);

	await secretariaat.goto(`/vergaderingen/${meeting.id}`);
	const waiting = secretariaat.getByRole('region', {
		name: 'Ingediend voor deze vergadering, nog niet geagendeerd'
	});
	for (const title of titles) {
		await waiting.getByRole('button', { name: `Agenderen: ${title}` }).press('Enter');
		await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
			`${title} staat nu op de agenda.`
		);
	}
	const rows = secretariaat
		.getByRole('region', { name: 'Agenda', exact: true })
		.getByRole('row')
		.filter({ has: secretariaat.getByRole('link') });
	await expect(rows).toHaveCount(3);
	await expectNoAxeViolations(secretariaat);

	// Down with Enter: focus stays on the moved item's button, the new place is announced.
	const down = secretariaat.getByRole('button', { name: `${titles[0]} een plaats omlaag` });
	await down.focus();
	await secretariaat.keyboard.press('Enter');
	await expect(secretariaat.getByRole('main').locator('[aria-live="polite"]')).toHaveText(
		`${titles[0]} staat nu op plaats 2 van 3.`
	);
	await expect(down).toBeFocused();
	await secretariaat.keyboard.press('Enter');
	await expect(secretariaat.getByRole('main').locator('[aria-live="polite"]')).toHaveText(
		`${titles[0]} staat nu op plaats 3 van 3.`
	);
	// At the bottom "down" is disabled: focus moves to the same item's "up".
	await expect(
		secretariaat.getByRole('button', { name: `${titles[0]} een plaats omhoog` })
	).toBeFocused();
	await expect(rows.nth(0)).toContainText(titles[1]!);
	await expect(rows.nth(1)).toContainText(titles[2]!);
	await expect(rows.nth(2)).toContainText(titles[0]!);

	// Tab to the next control and back with the keyboard: up again.
	await secretariaat.keyboard.press('Enter');
	await expect(secretariaat.getByRole('main').locator('[aria-live="polite"]')).toHaveText(
		`${titles[0]} staat nu op plaats 2 van 3.`
	);

	// Minutes beyond the meeting's two hours: the page warns.
	const minutes = secretariaat.getByLabel(`Minuten voor ${titles[1]}`, { exact: true });
	await minutes.fill('150');
	await minutes.press('Enter');
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
		`De minuten voor ${titles[1]} zijn opgeslagen.`
	);
	await expect(secretariaat.getByText(/Let op: de agenda duurt \d+ minuten langer/)).toBeVisible();

	// The order holds after a reload (it was saved, not only shown).
	await secretariaat.reload();
	await expect(rows.nth(0)).toContainText(titles[1]!);
	await expect(rows.nth(1)).toContainText(titles[0]!);
});

test('moving works without JavaScript and keeps focus on the moved item', async ({
	secretariaatState,
	browser,
	baseURL,
	page
}) => {
	const context = await browser.newContext({
		baseURL,
		storageState: secretariaatState,
		javaScriptEnabled: false
	});
	const secretariaat = await context.newPage();
	await page.goto('/');
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Zonder script'), { open: true });
	await signedIn(page, 'medewerker.ipo');
	const titles = [uniqueTitle('Eerste'), uniqueTitle('Tweede')];
	for (const title of titles) await submittedItem(page, meeting.id, title);
	await secretariaat.goto(`/vergaderingen/${meeting.id}`);
	for (const title of titles)
		await secretariaat.getByRole('button', { name: `Agenderen: ${title}` }).click();
	await secretariaat.getByRole('button', { name: `${titles[1]} een plaats omhoog` }).click();
	await expect(
		secretariaat.getByRole('button', { name: `${titles[1]} een plaats omlaag` })
	).toBeFocused();
	await expect(secretariaat.getByRole('main').locator('[aria-live="polite"]')).toHaveText(
		`${titles[1]} staat nu op plaats 1 van 2.`
	);
	await context.close();
});

test('the secretariat drags an item to another place', async ({ secretariaat, page }) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Slepen'), { open: true });
	await signedIn(page, 'medewerker.uvw');
	const titles = [uniqueTitle('Een'), uniqueTitle('Twee'), uniqueTitle('Drie')];
	for (const title of titles) await submittedItem(page, meeting.id, title);
	await secretariaat.goto(`/vergaderingen/${meeting.id}`);
	for (const title of titles)
		await secretariaat.getByRole('button', { name: `Agenderen: ${title}` }).click();
	const agenda = secretariaat.getByRole('region', { name: 'Agenda', exact: true });
	const row = (title: string) => agenda.getByRole('row').filter({ hasText: title });
	await row(titles[2]!).dragTo(row(titles[0]!), { targetPosition: { x: 40, y: 5 } });
	await expect(secretariaat.getByRole('main').locator('[aria-live="polite"]')).toHaveText(
		`${titles[2]} staat nu op plaats 1 van 3.`
	);
	await secretariaat.reload();
	const rows = agenda.getByRole('row').filter({ has: secretariaat.getByRole('link') });
	await expect(rows.nth(0)).toContainText(titles[2]!);
});

test('the secretariat moves a meeting through its steps; cancelling needs a reason', async ({
	secretariaat: page
}) => {
	await page.goto('/vergaderingen');
	const meeting = await plannedMeeting(page, uniqueTitle('Stappen'));
	await page.goto(`/vergaderingen/${meeting.id}`);
	await page.getByRole('button', { name: 'Openzetten voor voorstellen' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'De vergadering staat open voor voorstellen.'
	);
	await expect(page.locator('[aria-current="step"]')).toContainText('Open voor voorstellen');
	await page.getByRole('button', { name: 'Agenda in afstemming brengen' }).click();
	await expect(page.locator('[aria-current="step"]')).toContainText('Agenda in afstemming');
	await expect(
		page.getByText('Vaststellen kan zodra alle vier partijen akkoord gaven.')
	).toBeVisible();

	// Cancelling opens a confirmation first; without a reason it is refused at the field.
	await page.getByText('Vergadering annuleren', { exact: true }).click();
	await page.getByRole('button', { name: 'Ja, vergadering annuleren' }).click();
	await expect(page.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'Geef een reden'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Reden').fill('De bewindspersonen kunnen niet.');
	await page.getByRole('button', { name: 'Ja, vergadering annuleren' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'De vergadering is geannuleerd.'
	);
	await expect(page.getByText('Reden: „De bewindspersonen kunnen niet.”')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Gegevens wijzigen' })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('a bestuurder records bezwaar with a reason, then akkoord; the four parties show', async ({
	secretariaat,
	page
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Akkoord'), { open: true });
	await signedIn(page, 'medewerker.bzk');
	const item = await submittedItem(page, meeting.id, uniqueTitle('Rijkspunt'));
	await api(
		secretariaat,
		'POST',
		`/items/${item.id}/place`,
		{ meetingId: meeting.id, minutes: 30 },
		item.version
	);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/start-alignment`, undefined, 2);

	await page.context().clearCookies();
	await signedIn(page, 'bestuurder.vng');
	await page.goto(`/vergaderingen/${meeting.id}`);
	const parties = page.getByRole('region', { name: 'Akkoord van de partijen' });
	for (const party of ['Rijk', 'VNG', 'IPO', 'UvW'])
		await expect(parties.getByText(party, { exact: true })).toBeVisible();
	await expect(parties.getByText('Nog geen oordeel')).toHaveCount(4);
	// Consent is never a default: nothing is chosen, and sending that is refused at the field.
	await expect(page.getByRole('radio', { name: 'Akkoord' })).not.toBeChecked();
	await expect(page.getByRole('radio', { name: 'Bezwaar' })).not.toBeChecked();
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(page.locator('#decision-error')).toHaveText('Kies akkoord of bezwaar.');
	await expect(parties.getByText('Nog geen oordeel')).toHaveCount(4);
	await page.getByRole('radio', { name: 'Bezwaar' }).check();
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(page.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toContainText(
		'Geef de reden van het bezwaar.'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Reden van het bezwaar').fill('Het financiële punt ontbreekt.');
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		'Uw oordeel is vastgelegd: VNG maakt bezwaar tegen deze agenda.'
	);
	await expect(parties).toContainText('Reden: „Het financiële punt ontbreekt.”');
	// The objecting party reads what would end its bezwaar; the secretariaat's own next step
	// (settling it) is the secretariaat's to read (meeting-one-state.spec.ts).
	const todo = page.getByRole('region', { name: 'Wat elke partij nog moet doen' });
	await expect(todo).toContainText('Akkoord geven zodra de agenda is aangepast');
	await expect(todo).not.toContainText('Het bezwaar van VNG bespreken');
	await page.getByRole('radio', { name: 'Akkoord' }).check();
	await page.getByText('Standpunt per punt', { exact: true }).click();
	await page
		.getByLabel(`Standpunt over punt 1: ${item.title} (niet verplicht)`)
		.fill('VNG steunt dit punt.');
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	const vngCard = parties.getByRole('listitem').filter({ hasText: 'VNG' });
	await expect(vngCard).toContainText('Akkoord');
	await vngCard.getByText('Standpunten per punt').click();
	await expect(vngCard).toContainText('VNG steunt dit punt.');
	await expectNoAxeViolations(page);
	await expect(page.getByRole('region', { name: 'Wat elke partij nog moet doen' })).toContainText(
		'Akkoord geven of bezwaar maken'
	);
});

test('a medewerker records the akkoord only with a bestuurder’s delegation', async ({
	secretariaat,
	page,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Machtiging'), { open: true });
	await signedIn(page, 'medewerker.bzk');
	const item = await submittedItem(page, meeting.id, uniqueTitle('Rijkspunt'));
	await api(
		secretariaat,
		'POST',
		`/items/${item.id}/place`,
		{ meetingId: meeting.id, minutes: 20 },
		item.version
	);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/start-alignment`, undefined, 2);

	// Without a delegation: no form, and a forged POST is refused.
	await page.goto(`/vergaderingen/${meeting.id}`);
	await expect(page.getByRole('button', { name: 'Oordeel vastleggen' })).toHaveCount(0);
	const refused = await postAction(page, `/vergaderingen/${meeting.id}?/approve`, {
		decision: 'akkoord'
	});
	expect(refused.status()).toBe(403);

	const minister = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'bestuurder.rijk'
	);
	await minister.goto('/mijn-account/machtigingen');
	await minister.getByLabel('Medewerker').selectOption({ label: 'Sanne de Vries' });
	await minister.getByRole('button', { name: 'Machtiging geven' }).click();
	await expect(minister.getByText('De machtiging is gegeven.')).toBeVisible();

	await page.goto(`/vergaderingen/${meeting.id}`);
	await page.getByRole('radio', { name: 'Akkoord' }).check();
	await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(
		/Uw oordeel is vastgelegd: .+ gaat akkoord met deze agenda\./
	);
	await expect(
		page
			.getByRole('region', { name: 'Akkoord van de partijen' })
			.getByRole('listitem')
			.filter({ hasText: 'Rijk' })
	).toContainText('Akkoord');
});
