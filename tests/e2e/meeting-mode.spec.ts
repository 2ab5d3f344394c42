import type { Browser, Page } from '@playwright/test';
import { startOfAmsterdamDay } from '../../src/lib/time';
import { expectNoAxeViolations } from './support/identity';
import { api, expect, postAction, signedIn, test, uniqueTitle } from './meetings.fixtures';

/*
 * Meeting mode (issue 13), on a meeting of this test's own that began today: the secretariaat
 * opens it, records a decision with a toezegging by keyboard alone, records "niet behandeld" on
 * another item and carries it back to "nog te agenderen" with a reason, and closes the meeting on
 * the meeting page, which is refused first while an item has no outcome. A bestuurder of another
 * party, who may not open meeting mode, follows the meeting page meanwhile and sees the decision
 * appear without a reload.
 */
test.setTimeout(240_000);

const HOUR = 3_600_000;
const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

async function personPage(browser: Browser, baseURL: string | undefined, local: string) {
	const context = await browser.newContext({ baseURL });
	return signedIn(await context.newPage(), local);
}

/** A medewerker's item on the meeting, submitted; the secretariaat places it. */
async function placedItem(
	proposer: Page,
	secretariaat: Page,
	meetingId: string,
	fields: { title: string; purpose: string; proposedDecision?: string }
) {
	const draft = await api(proposer, 'POST', '/items', {
		summary: 'Voor de e2e-test van de vergadermodus.',
		meetingId,
		...fields
	});
	const submitted = await api(proposer, 'POST', `/items/${draft.id}/submit`, undefined, 1);
	return api(secretariaat, 'POST', `/items/${draft.id}/place`, { minutes: 20 }, submitted.version);
}

/**
 * A meeting that began today (an hour ago, never before the day began in Amsterdam: meeting mode
 * opens on the meeting's own day), three items on its agenda, adopted with all four akkoorden.
 */
async function adoptedMeetingToday(secretariaat: Page, browser: Browser, baseURL?: string) {
	const now = Date.now();
	const dayStart = startOfAmsterdamDay(amsterdamDate.format(new Date(now))).getTime();
	const startsAt = new Date(Math.max(dayStart, now - HOUR));
	let meeting = await api(secretariaat, 'POST', '/meetings', {
		kind: 'overhedenoverleg',
		title: uniqueTitle('Extra Overhedenoverleg vergadermodus'),
		startsAt: startsAt.toISOString(),
		endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
		location: 'Den Haag',
		chair: 'Minister van BZK'
	});
	meeting = await api(secretariaat, 'POST', `/meetings/${meeting.id}/open`, undefined, 1);
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	const items = [
		await placedItem(vng, secretariaat, meeting.id, {
			title: uniqueTitle('Jeugdzorg: compensatie van de tekorten'),
			purpose: 'besluitvorming',
			proposedDecision:
				'1. in te stemmen met de compensatie van de tekorten;\n2. het BOFv op te dragen de verdeling uit te werken;'
		}),
		await placedItem(vng, secretariaat, meeting.id, {
			title: uniqueTitle('Wmo: de middelen'),
			purpose: 'bespreking'
		}),
		await placedItem(vng, secretariaat, meeting.id, {
			title: uniqueTitle('Commissie Van Ark: het kader vanaf 2028'),
			purpose: 'informatie'
		})
	];
	await vng.context().close();
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(
		secretariaat,
		'POST',
		`/meetings/${meeting.id}/start-alignment`,
		undefined,
		meeting.version
	);
	for (const local of ['bestuurder.rijk', 'bestuurder.vng', 'bestuurder.ipo', 'bestuurder.uvw']) {
		const bestuurder = await personPage(browser, baseURL, local);
		await api(bestuurder, 'POST', `/meetings/${meeting.id}/approvals`, { decision: 'akkoord' });
		await bestuurder.context().close();
	}
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/adopt`, undefined, meeting.version);
	return { meeting, items };
}

test('the secretariaat holds a meeting in meeting mode by keyboard, carries an item over and closes it', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const { meeting, items } = await adoptedMeetingToday(secretariaat, browser, baseURL);
	const [first, second, third] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
	const meetingPath = `/vergaderingen/${meeting.id}`;
	const modePath = `${meetingPath}/vergadermodus`;

	// A bestuurder of another party follows the meeting page; meeting mode is not theirs.
	const ipo = await personPage(browser, baseURL, 'bestuurder.ipo');
	expect((await ipo.goto(modePath))?.status()).toBe(403);
	const refused = await postAction(ipo, `${modePath}?/record`, {
		itemId: first.id,
		outcome: 'aangenomen',
		dicta: '1. Mag niet.'
	});
	expect(refused.status()).toBe(403);
	await ipo.goto(meetingPath);
	const live = ipo.getByTestId('live-decisions');
	await expect(live).toContainText('Nog geen besluiten.');
	// Set once: still there at the end means the page was never loaded again.
	await ipo.evaluate(() => Object.assign(window, { followedSinceOpened: true }));

	// The secretariaat opens meeting mode from the meeting page: item 1 is dealt with now.
	await secretariaat.goto(meetingPath);
	await secretariaat.getByRole('link', { name: 'Vergadermodus: besluiten vastleggen' }).click();
	await expect(secretariaat).toHaveURL(new RegExp(`${modePath}$`));
	await expectNoAxeViolations(secretariaat);
	await secretariaat.getByRole('button', { name: 'Vergadermodus openen' }).click();
	const current = secretariaat.locator('#current-heading');
	await expect(current).toHaveText(`Aan de orde: 1. ${first.title}`);
	await expect(current).toBeFocused();
	await expect(secretariaat.getByLabel('Besluit', { exact: true })).toHaveValue(
		'1. in te stemmen met de compensatie van de tekorten;\n2. het BOFv op te dragen de verdeling uit te werken;'
	);
	await expectNoAxeViolations(secretariaat);

	// Item 1 by keyboard alone: outcome, a third dictum, a toelichting, a toezegging, and on.
	const keyboard = secretariaat.keyboard;
	await keyboard.press('Tab');
	await expect(secretariaat.getByRole('radio', { name: 'Aangenomen', exact: true })).toBeFocused();
	await keyboard.press('Space');
	await expect(secretariaat.getByRole('radio', { name: 'Aangenomen', exact: true })).toBeChecked();
	await keyboard.press('Tab');
	const dicta = secretariaat.getByLabel('Besluit', { exact: true });
	await expect(dicta).toBeFocused();
	await keyboard.press('ControlOrMeta+End');
	await keyboard.press('Enter');
	await keyboard.type('3. de uitkomst voor te leggen aan de leden.');
	await keyboard.press('Tab');
	await expect(secretariaat.getByLabel('Korte toelichting (niet verplicht)')).toBeFocused();
	await keyboard.type('De compensatie volgt de toezegging van het kabinet.');
	await keyboard.press('Tab');
	await expect(secretariaat.getByLabel(/^Hamerstuk/)).toBeFocused();
	const commitment = secretariaat.getByRole('group', { name: 'Toezegging 1' });
	await keyboard.press('Tab');
	await expect(commitment.getByLabel('Wie')).toBeFocused();
	await keyboard.type('Minister van BZK');
	await keyboard.press('Tab');
	await expect(commitment.getByLabel('Namens')).toBeFocused();
	await keyboard.press('ArrowDown');
	await expect(commitment.getByLabel('Namens')).toHaveValue('rijk');
	await keyboard.press('Tab');
	await expect(commitment.getByLabel('Wat')).toBeFocused();
	await keyboard.type('Stuurt de Kamer een brief over de compensatie.');
	await keyboard.press('Tab');
	await expect(commitment.getByLabel('Uiterlijk (niet verplicht)')).toBeFocused();
	// Day and month alike: the browser's own order of the date's parts (dd-mm or mm-dd) then
	// does not matter.
	await keyboard.type('03032027');
	await expect(commitment.getByLabel('Uiterlijk (niet verplicht)')).toHaveValue('2027-03-03');
	// Past the date's own parts to the button that records and moves on.
	const recordNext = secretariaat.getByRole('button', {
		name: 'Vastleggen en naar het volgende punt'
	});
	for (let step = 0; step < 4; step++) {
		if (await recordNext.evaluate((element) => element === document.activeElement)) break;
		await keyboard.press('Tab');
	}
	await expect(recordNext).toBeFocused();
	await keyboard.press('Space');

	// The next item is dealt with now; focus lands on what happened, which names it.
	await expect(current).toHaveText(`Aan de orde: 2. ${second.title}`);
	const notice = secretariaat.getByRole('region', { name: /Aan de orde/ }).getByRole('status');
	await expect(notice).toContainText('Het besluit over punt 1 is vastgelegd.');
	await expect(notice).toContainText('Nu aan de orde: punt 2.');
	await expect(notice).toBeFocused();
	const agenda = secretariaat.getByRole('region', { name: 'De agenda' });
	await expect(agenda.getByRole('listitem').filter({ hasText: first.title })).toContainText(
		'Aangenomen'
	);
	// The bestuurder of IPO sees item 2 taken up and the decision on item 1 appear, in place.
	await expect(live).toContainText(`Nu aan de orde: 2. ${second.title}`);
	const entry = live.getByRole('listitem').filter({
		has: ipo.getByRole('heading', { name: `1. ${first.title}` })
	});
	await expect(entry).toContainText('Aangenomen');
	await expect(entry).toContainText('de uitkomst voor te leggen aan de leden.');
	await expect(entry).toContainText(
		'Minister van BZK: Stuurt de Kamer een brief over de compensatie.'
	);
	expect(
		await ipo.evaluate(() => (window as { followedSinceOpened?: boolean }).followedSinceOpened)
	).toBe(true);

	// The form starts afresh for item 2: nothing of item 1 stays in it.
	await expect(
		secretariaat.getByRole('radio', { name: 'Aangenomen', exact: true })
	).not.toBeChecked();
	await expect(commitment.getByLabel('Wie')).toHaveValue('');
	await expectNoAxeViolations(secretariaat);

	// Item 2 was not dealt with; carrying it over needs a reason, then it goes back.
	await secretariaat.getByRole('radio', { name: 'Niet behandeld' }).check();
	await secretariaat.getByRole('button', { name: 'Besluit vastleggen' }).click();
	await expect(agenda.getByRole('listitem').filter({ hasText: second.title })).toContainText(
		'Niet behandeld'
	);
	const carry = secretariaat.getByRole('region', { name: 'Niet behandelde punten verplaatsen' });
	await carry.getByLabel(`2. ${second.title}`).check();
	await expect(carry.getByLabel('Waarheen')).toHaveValue('nog-te-agenderen');
	await carry.getByRole('button', { name: 'Punten verplaatsen' }).click();
	await expect(carry.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toBeFocused();
	await expect(agenda.getByRole('listitem').filter({ hasText: second.title })).toHaveCount(1);
	await carry.getByLabel(`2. ${second.title}`).check();
	await carry.getByLabel('Reden').fill('Geen tijd meer; eerst in het ambtelijk voorportaal.');
	await carry.getByRole('button', { name: 'Punten verplaatsen' }).click();
	await expect(carry.getByRole('status')).toContainText('Verplaatst: 1.');
	const moved = await api(secretariaat, 'GET', `/items/${second.id}`);
	expect(moved).toMatchObject({ status: 'aangehouden', meetingId: null });

	// Closing waits for item 3's outcome: the page does not offer it yet, and the step posted
	// anyway is refused with a message that names the item; nothing changes.
	await secretariaat.goto(meetingPath);
	await expect(
		secretariaat.getByRole('heading', { name: 'Acties van het secretariaat' })
	).toBeVisible();
	await expect(secretariaat.getByText('Markeren als gehouden', { exact: true })).toHaveCount(0);
	// (An action answers such a request as SvelteKit's JSON result: the refusal with its status.)
	const early = await postAction(secretariaat, `${meetingPath}?/held`, {});
	const refusal = (await early.json()) as { type: string; status: number; data: string };
	expect(refusal).toMatchObject({ type: 'failure', status: 409 });
	expect(refusal.data).toContain(`Leg eerst de uitkomst vast van punt 3. ${third.title}.`);
	await secretariaat.reload();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText('Agenda vastgesteld');

	// Item 3 taken note of; now the meeting closes.
	await secretariaat.goto(modePath);
	// The button's name is "Aan de orde stellen" with the item's title hidden for the eye.
	await agenda.getByRole('button', { name: third.title }).click();
	await expect(current).toHaveText(`Aan de orde: 3. ${third.title}`);
	await secretariaat.getByRole('radio', { name: 'Ter kennisgeving aangenomen' }).check();
	await secretariaat.getByRole('button', { name: 'Besluit vastleggen' }).click();
	await expect(agenda.getByRole('listitem').filter({ hasText: third.title })).toContainText(
		'Ter kennisgeving aangenomen'
	);
	await secretariaat.goto(meetingPath);
	await secretariaat.getByText('Markeren als gehouden', { exact: true }).click();
	await secretariaat.getByRole('button', { name: 'Ja, de vergadering is gehouden' }).click();
	await expect(secretariaat.locator('[aria-current="step"]')).toContainText('Vergadering gehouden');

	// What was recorded, as the API reads it: the three dicta, the toezegging, the carry-over.
	const { decisions } = (await api(
		secretariaat,
		'GET',
		`/meetings/${meeting.id}/decisions`
	)) as unknown as { decisions: Record<string, unknown>[] };
	const decisionOf = (id: string) => decisions.find((d) => d.itemId === id);
	expect(decisionOf(first.id)).toMatchObject({
		outcome: 'aangenomen',
		dicta: [
			'in te stemmen met de compensatie van de tekorten;',
			'het BOFv op te dragen de verdeling uit te werken;',
			'de uitkomst voor te leggen aan de leden.'
		],
		explanation: 'De compensatie volgt de toezegging van het kabinet.',
		commitments: [
			{
				holder: 'Minister van BZK',
				party: 'rijk',
				description: 'Stuurt de Kamer een brief over de compensatie.',
				dueDate: '2027-03-03'
			}
		]
	});
	expect(decisionOf(second.id)).toMatchObject({
		outcome: 'niet_behandeld',
		carriedOver: {
			toMeetingId: null,
			reason: 'Geen tijd meer; eerst in het ambtelijk voorportaal.'
		}
	});
	expect(decisionOf(third.id)).toMatchObject({ outcome: 'ter_kennisgeving_aangenomen' });
	expect(await api(secretariaat, 'GET', `/items/${first.id}`)).toMatchObject({
		status: 'behandeld'
	});
});

test('meeting mode in English has no axe violations either', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const { meeting, items } = await adoptedMeetingToday(secretariaat, browser, baseURL);
	const modePath = `/en/vergaderingen/${meeting.id}/vergadermodus`;
	await secretariaat.goto(modePath);
	await expect(secretariaat.locator('html')).toHaveAttribute('lang', 'en');
	await expectNoAxeViolations(secretariaat);
	await secretariaat.locator('form[action="?/open"] button').click();
	await expect(secretariaat.locator('#current-heading')).toContainText(items[0]!.title);
	await expectNoAxeViolations(secretariaat);
});
