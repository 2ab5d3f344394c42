import { type Locator, type Page, type Request } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import {
	api,
	expect,
	plannedMeeting,
	signedIn,
	submittedItem,
	test,
	uniqueTitle
} from './meetings.fixtures';

/*
 * The meeting page says one thing at a time (issue 12): each party one state, on its card and in
 * its to-do alike, in one wording per state; the secretariat's instructions for the secretariat
 * only; and cancelling a meeting kept apart from the way forward.
 */
test.describe.configure({ timeout: 120_000 });

const parties = ['Rijk', 'VNG', 'IPO', 'UvW'] as const;
/** The demo's Overhedenoverleg that was held, every party's akkoord on it (read only here). */
const HELD_MEETING = '/vergaderingen/00000000-0000-4000-a000-000000000002';
/** Every word the page has for a party's state: a card shows exactly one of them. */
const stateWords = [
	'Nog niet gevraagd',
	'Nog geen oordeel',
	'Akkoord',
	'Bezwaar',
	'Opnieuw beoordelen',
	'Geen oordeel gegeven'
];

const approvalRegion = (page: Page) =>
	page.getByRole('region', { name: 'Akkoord van de partijen' });
const todoRegion = (page: Page) =>
	page.getByRole('region', { name: 'Wat elke partij nog moet doen' });
const card = (page: Page, party: string) =>
	approvalRegion(page)
		.getByRole('listitem')
		.filter({ has: page.getByText(party, { exact: true }) });
/** A party's (or the secretariat's) line in the to-do: its term and its description. */
const todoLine = (page: Page, name: string) =>
	todoRegion(page)
		.locator('div')
		.filter({ has: page.getByRole('term').getByText(name, { exact: true }) });

/** The card's one state: exactly one of the state words, and it is this one. */
async function expectState(page: Page, party: string, state: string) {
	const states = card(page, party).locator('.oho-party-state');
	await expect(states).toHaveCount(1);
	await expect(states).toHaveText(state);
	expect(stateWords).toContain(state);
}

/** The four cards in one state each, and each party's to-do line as given. */
async function expectParties(page: Page, states: string[], todos: (string | RegExp)[]) {
	for (const [index, party] of parties.entries()) {
		await expectState(page, party, states[index]!);
		await expect(todoLine(page, party).getByRole('definition')).toHaveText(todos[index]!);
	}
	// The old word for a party without a word yet is gone everywhere.
	await expect(page.getByText('Nog open', { exact: true })).toHaveCount(0);
}

/** Page-data or document requests after this point: a live update asks for none. */
function dataRequests(page: Page): Request[] {
	const seen: Request[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('/__data.json') || request.resourceType() === 'document')
			seen.push(request);
	});
	return seen;
}

/** The main step is the primary button; cancelling comes after it, subtle, in a group apart. */
async function expectCancelApart(
	page: Page,
	main: Locator,
	kind: 'primary' | 'secondary' = 'primary'
) {
	await expect(main).toHaveClass(new RegExp(`utrecht-button--${kind}-action`));
	const other = page.getByRole('group', { name: 'Andere stappen' });
	const cancel = other.getByText('Vergadering annuleren', { exact: true });
	await expect(cancel).toHaveClass(/utrecht-button--subtle/);
	await expect(cancel).not.toHaveClass(/primary-action/);
	const [mainBox, cancelBox] = [await main.boundingBox(), await cancel.boundingBox()];
	expect(cancelBox!.y).toBeGreaterThan(mainBox!.y + mainBox!.height);
}

async function personPage(page: Page, local: string): Promise<Page> {
	const browser = page.context().browser()!;
	const baseURL = new URL(page.url()).origin;
	return signedIn(await (await browser.newContext({ baseURL })).newPage(), local);
}

test('the secretariaat sees one state per party through the meeting, and its own next step', async ({
	secretariaat
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Eén toestand'));
	const path = `/vergaderingen/${meeting.id}`;
	await secretariaat.goto(path);

	// Gepland: nobody's word is asked yet, so no party reads as done.
	const notAsked = Array(4).fill('Nog niet gevraagd');
	await expectParties(secretariaat, notAsked, Array(4).fill('Nog niets'));
	await expect(approvalRegion(secretariaat)).toContainText(
		'Breng de agenda in afstemming om het akkoord van de partijen te vragen.'
	);
	await expect(todoLine(secretariaat, 'Secretariaat')).toContainText(
		'De vergadering openstellen voor voorstellen'
	);
	const open = secretariaat.getByRole('button', { name: 'Openzetten voor voorstellen' });
	await expectCancelApart(secretariaat, open);
	await open.click();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText(
		'Open voor voorstellen'
	);

	// An item on the agenda: the next step is the afstemming, the primary button.
	const vng = await personPage(secretariaat, 'medewerker.vng');
	const item = await submittedItem(vng, meeting.id, uniqueTitle('Eén toestand: punt'));
	const placed = await api(
		secretariaat,
		'POST',
		`/items/${item.id}/place`,
		{ minutes: 30 },
		item.version
	);
	await secretariaat.reload();
	await expectParties(secretariaat, notAsked, Array(4).fill('Nog niets'));
	await expect(todoLine(secretariaat, 'Secretariaat')).toContainText(
		'De agenda in afstemming brengen'
	);
	const align = secretariaat.getByRole('button', { name: 'Agenda in afstemming brengen' });
	await expectCancelApart(secretariaat, align);
	await align.click();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText('Agenda in afstemming');

	// In afstemming: each party is asked for its word, on its card and in its to-do alike.
	const approve = 'Akkoord geven of bezwaar maken';
	await expectParties(secretariaat, Array(4).fill('Nog geen oordeel'), Array(4).fill(approve));
	await expect(approvalRegion(secretariaat)).toContainText(
		'Als alle vier partijen akkoord gaven op de agenda zoals die nu is, kunt u haar vaststellen.'
	);
	await expectNoAxeViolations(secretariaat);

	// VNG objects: its card says Bezwaar, its to-do what would end it; the secretariaat settles.
	const vngBestuurder = await personPage(secretariaat, 'bestuurder.vng');
	const objection = { decision: 'bezwaar', reason: 'Het financiële punt ontbreekt.' };
	await api(vngBestuurder, 'POST', `/meetings/${meeting.id}/approvals`, objection);
	await expectParties(
		secretariaat,
		['Nog geen oordeel', 'Bezwaar', 'Nog geen oordeel', 'Nog geen oordeel'],
		[approve, 'Akkoord geven zodra de agenda is aangepast', approve, approve]
	);
	await expect(card(secretariaat, 'VNG')).toContainText('Reden: „Het financiële punt ontbreekt.”');
	const secretariatTodo = todoLine(secretariaat, 'Secretariaat').getByRole('definition');
	await expect(secretariatTodo).toContainText('Het bezwaar van VNG bespreken');
	await expect(secretariatTodo).not.toHaveText('Niets meer');

	// VNG agrees; the secretariaat then changes the agenda: VNG's akkoord is reset, one state.
	await api(vngBestuurder, 'POST', `/meetings/${meeting.id}/approvals`, { decision: 'akkoord' });
	await expectState(secretariaat, 'VNG', 'Akkoord');
	await expect(todoLine(secretariaat, 'VNG').getByRole('definition')).toHaveText('Niets meer');
	await secretariaat.getByLabel(`Minuten voor ${placed.title}`).fill('40');
	await secretariaat.getByRole('button', { name: `Minuten opslaan voor ${placed.title}` }).click();
	await expectState(secretariaat, 'VNG', 'Opnieuw beoordelen');
	await expect(card(secretariaat, 'VNG')).toContainText('Eerder akkoord: Johan Visser');
	await expect(todoLine(secretariaat, 'VNG').getByRole('definition')).toHaveText(
		'De gewijzigde agenda opnieuw beoordelen'
	);

	// All four agree: the secretariaat adopts; the word is final, nothing is asked of a party.
	await api(vngBestuurder, 'POST', `/meetings/${meeting.id}/approvals`, { decision: 'akkoord' });
	for (const local of ['bestuurder.rijk', 'bestuurder.ipo', 'bestuurder.uvw'])
		await api(await personPage(secretariaat, local), 'POST', `/meetings/${meeting.id}/approvals`, {
			decision: 'akkoord'
		});
	await secretariaat.reload();
	await expect(secretariatTodo).toContainText('Alle partijen gaven akkoord: de agenda vaststellen');
	await secretariaat.getByText('Agenda vaststellen', { exact: true }).click();
	await secretariaat.getByRole('button', { name: 'Ja, agenda vaststellen' }).click();
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
		'De agenda is vastgesteld.'
	);
	await expectParties(secretariaat, Array(4).fill('Akkoord'), Array(4).fill('Niets meer'));
	await expect(approvalRegion(secretariaat)).toContainText(
		'De agenda is vastgesteld met het akkoord van alle vier partijen.'
	);
	await expect(secretariatTodo).toContainText('als gehouden markeren');

	// Before the meeting there is no step forward: going back stays secondary, cancelling apart.
	// (The disclosure's summary: its confirmation button inside bears the same words.)
	const reopen = secretariaat.locator('summary').filter({ hasText: 'Agenda heropenen' });
	await expectCancelApart(secretariaat, reopen, 'secondary');
	await expect(
		secretariaat.locator('.oho-meeting-actions .utrecht-button--primary-action:visible')
	).toHaveCount(0);
	await expectNoAxeViolations(secretariaat);

	// A meeting held (the demo's last one): the word as given, nothing left for a party.
	await secretariaat.goto(HELD_MEETING);
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText('Vergadering gehouden');
	await expectParties(secretariaat, Array(4).fill('Akkoord'), Array(4).fill('Niets meer'));
	await expect(secretariaat.getByText('Vergadering annuleren', { exact: true })).toHaveCount(0);
});

test('a cancelled meeting shows no party states, only its reason; cancelling still asks first', async ({
	secretariaat
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Eén toestand geannuleerd'), {
		open: true
	});
	await secretariaat.goto(`/vergaderingen/${meeting.id}`);
	// Connected and caught up first: a replay of the meeting's own set-up events reloads the page's
	// data, and the confirmation must not be opened in a page about to be replaced.
	await expect(secretariaat.locator('p', { hasText: 'Live bijwerken:' })).toHaveText(
		/Live bijwerken: Live$/
	);
	await secretariaat.getByText('Vergadering annuleren', { exact: true }).click();
	// The confirmation, not the step: nothing is cancelled yet.
	await expect(
		secretariaat.getByRole('button', { name: 'Ja, vergadering annuleren' })
	).toBeVisible();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText(
		'Open voor voorstellen'
	);
	await secretariaat.getByLabel('Reden').fill('De bewindspersonen kunnen niet.');
	await secretariaat.getByRole('button', { name: 'Ja, vergadering annuleren' }).click();
	await expect(secretariaat.getByText('Reden: „De bewindspersonen kunnen niet.”')).toBeVisible();
	await expect(approvalRegion(secretariaat)).toHaveCount(0);
	await expect(todoRegion(secretariaat)).toHaveCount(0);
	for (const word of stateWords)
		await expect(secretariaat.getByText(word, { exact: true })).toHaveCount(0);
	await expectNoAxeViolations(secretariaat);
});

test('a bestuurder reads their party’s akkoord, a medewerker how to propose; neither the secretariaat’s instructions', async ({
	secretariaat,
	page
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Eén toestand rollen'), {
		open: true
	});
	const path = `/vergaderingen/${meeting.id}`;

	// A medewerker while the meeting takes proposals: how to propose, not how to order or adopt.
	await signedIn(page, 'medewerker.ipo');
	await page.goto(path);
	await expect(page.getByRole('link', { name: 'Voorstel indienen' })).toBeVisible();
	await expect(
		page.getByText('Het secretariaat zet de ingediende punten op de agenda.')
	).toBeVisible();
	await expect(approvalRegion(page)).toContainText(
		'Zodra de agenda in afstemming is, geeft de bestuurder van IPO akkoord of maakt bezwaar.'
	);
	await expect(page.getByRole('heading', { name: 'Acties van het secretariaat' })).toHaveCount(0);
	await expect(page.getByText('Breng de agenda in afstemming')).toHaveCount(0);
	// The parties' to-do is everyone's; the secretariat's own line is the secretariat's.
	await expect(todoLine(page, 'IPO')).toHaveCount(1);
	await expect(todoLine(page, 'Secretariaat')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// An item of IPO on the agenda, a late one waiting beside it; the agenda in afstemming.
	const item = await submittedItem(page, meeting.id, uniqueTitle('Eén toestand: IPO-punt'));
	await api(secretariaat, 'POST', `/items/${item.id}/place`, { minutes: 30 }, item.version);
	const deadline = new Date(Date.now() - 60_000).toISOString();
	const current = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(
		secretariaat,
		'PATCH',
		`/meetings/${meeting.id}`,
		{ proposalDeadline: deadline },
		current.version
	);
	const late = await submittedItem(page, meeting.id, uniqueTitle('Eén toestand: laat punt'));
	const meetingNow = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(
		secretariaat,
		'POST',
		`/meetings/${meeting.id}/start-alignment`,
		undefined,
		meetingNow.version
	);
	await page.reload();
	await expect(page.getByText(/De termijn voor voorstellen is verstreken/)).toBeVisible();
	const waiting = page.getByRole('region', { name: /nog niet geagendeerd/ });
	await expect(waiting.getByRole('row').filter({ hasText: late.title })).toContainText(
		'Na de termijn ingediend: het secretariaat beoordeelt de late indiening.'
	);
	await expect(page.getByText(/sta de late indiening eerst toe/)).toHaveCount(0);
	await expect(page.getByText(/Wijzig de volgorde/)).toHaveCount(0);
	await expect(approvalRegion(page)).toContainText('De bestuurder van IPO geeft akkoord');
	await expect(page.getByText(/kunt u haar vaststellen/)).toHaveCount(0);
	await expectNoAxeViolations(page);

	// The bestuurder of VNG: their party's akkoord, in their own words.
	const bestuurder = await personPage(page, 'bestuurder.vng');
	await bestuurder.goto(path);
	await expect(approvalRegion(bestuurder)).toContainText(
		'Geef namens VNG akkoord of maak bezwaar tegen de agenda als geheel.'
	);
	await expect(bestuurder.getByText(/kunt u haar vaststellen/)).toHaveCount(0);
	await expect(bestuurder.getByText(/sta de late indiening eerst toe/)).toHaveCount(0);
	await expect(todoLine(bestuurder, 'Secretariaat')).toHaveCount(0);
	await expectState(bestuurder, 'VNG', 'Nog geen oordeel');

	// Their bezwaar reaches the medewerker's page live: one state, no page data asked for.
	const requests = dataRequests(page);
	await bestuurder.getByRole('radio', { name: 'Bezwaar' }).check();
	await bestuurder.getByLabel('Reden van het bezwaar').fill('Het IPO-punt is te kort.');
	await bestuurder.getByRole('button', { name: 'Oordeel vastleggen' }).click();
	await expect(bestuurder.getByRole('main').getByRole('status')).toContainText(
		'Uw oordeel is vastgelegd: VNG maakt bezwaar tegen deze agenda.'
	);
	await expectState(bestuurder, 'VNG', 'Bezwaar');
	await expectState(page, 'VNG', 'Bezwaar');
	await expect(todoLine(page, 'VNG').getByRole('definition')).toHaveText(
		'Akkoord geven zodra de agenda is aangepast'
	);
	expect(requests.map((request) => request.url())).toEqual([]);
	await expectNoAxeViolations(bestuurder);
});
