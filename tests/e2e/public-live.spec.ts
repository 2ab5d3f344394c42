import type { Browser, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { expect, test } from './meetings.fixtures';
import { listAction, personPage, send } from './outcomes.fixtures';
import { publishedMeeting } from './public.fixtures';

/*
 * Public pages follow publication live (issue 13): visitors without an account have a published
 * besluitenlijst open, in Dutch and in English, and the list of publications; the secretariaat
 * corrects it once more. Without a reload (a mark set on each window stays), each meeting page
 * says a new version was published and lists it, keeps the text being read and the focus where
 * they were, and shows the new version when asked; the list names the new version. axe on the
 * page with the notice, in both languages. The public agreements follow theirs too (issue 14): a
 * visitor on a demo agreement's page sees VNG's progress report appear, said politely.
 */
test.setTimeout(240_000);

declare global {
	interface Window {
		/** Set by the test: a page load would lose it. */
		notReloaded?: boolean;
	}
}

async function visitorOn(browser: Browser, baseURL: string | undefined, path: string) {
	const visitor = await (await browser.newContext({ baseURL })).newPage();
	await visitor.goto(path);
	await visitor.evaluate(() => (window.notReloaded = true));
	return visitor;
}

const stillTheSamePage = (visitor: Page) => visitor.evaluate(() => window.notReloaded === true);

test('a visitor sees a new version appear on the public page and shows it, without a reload', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const { meeting, items, word } = await publishedMeeting(secretariaat, browser, baseURL);
	const path = `/publicaties/${meeting.id}`;
	const dutch = await visitorOn(browser, baseURL, path);
	const english = await visitorOn(browser, baseURL, `/en${path}`);
	const list = await visitorOn(browser, baseURL, '/publicaties');
	const decisions = dutch.getByRole('region', { name: 'Besluitenlijst' });
	const reading = decisions.getByText(`de ${word} vast te stellen met ingang van 2026;`, {
		exact: true
	});
	await expect(reading).toBeVisible();
	await expect(dutch.getByText('Er is een nieuwe versie gepubliceerd')).toHaveCount(0);

	// The secretariaat corrects the decision once more, and publishes version 3.
	await send(secretariaat, 'PUT', `/items/${items[0]!.id}/decision`, {
		outcome: 'aangenomen',
		dicta: [
			`de ${word} vast te stellen met ingang van 2027;`,
			'het BOFv te vragen de verdeling uit te werken.'
		],
		commitments: [
			{ party: 'vng', holder: 'VNG', description: 'Informeert de leden.', dueDate: '2027-03-31' }
		],
		version: 2
	});
	await listAction(secretariaat, meeting.id, 'republish', [
		['publicItemIds', items[0]!.id],
		['reasonKind', 'procedureel'],
		['note', 'Het juiste jaar is 2027.']
	]);

	// Said politely, in a status region, with the reason; the versions list has it too.
	await expect(dutch.getByRole('status').filter({ hasText: 'nieuwe versie' })).toHaveText(
		/Er is een nieuwe versie gepubliceerd: versie 3 \(correctie procedurele fout\)\.\s*Toon versie 3/
	);
	const versions = dutch.getByRole('region', { name: 'Versies' });
	await expect(versions.getByRole('link', { name: 'Versie 3' })).toBeVisible();
	await expect(versions.getByText('Het juiste jaar is 2027.')).toBeVisible();
	// What the visitor was reading stays, and so does the focus: nothing was taken from them.
	await expect(reading).toBeVisible();
	expect(await dutch.evaluate(() => document.activeElement === document.body)).toBe(true);
	expect(await stillTheSamePage(dutch)).toBe(true);
	await expectNoAxeViolations(dutch);

	await expect(english.getByRole('status').filter({ hasText: 'new version' })).toHaveText(
		/A new version has been published: version 3 \(correctie procedurele fout\)\.\s*Show version 3/
	);
	await expect(english.locator('[role="status"] span[lang="nl"]')).toHaveText(
		'(correctie procedurele fout)'
	);
	expect(await stillTheSamePage(english)).toBe(true);
	await expectNoAxeViolations(english);

	// Shown when asked, from what the event carried: the new text, the new version's facts.
	await dutch.getByRole('button', { name: 'Toon versie 3' }).click();
	await expect(
		decisions.getByText(`de ${word} vast te stellen met ingang van 2027;`, { exact: true })
	).toBeVisible();
	await expect(reading).toHaveCount(0);
	await expect(dutch.getByText('U leest nu versie 3.')).toBeFocused();
	await expect(dutch.getByText(/^Versie 3, gepubliceerd op/)).toBeVisible();
	await expect(versions.locator('[aria-current="page"]')).toHaveText('Versie 3');
	expect(await stillTheSamePage(dutch)).toBe(true);
	await expectNoAxeViolations(dutch);

	await english.getByRole('button', { name: 'Show version 3' }).click();
	await expect(english.getByText('You are now reading version 3.')).toBeFocused();
	expect(await stillTheSamePage(english)).toBe(true);

	// The list of publications names the new version in the meeting's row.
	const row = list.getByRole('listitem').filter({ hasText: meeting.title });
	await expect(row.getByText(/^Versie 3, gecorrigeerd op/)).toBeVisible();
	expect(await stillTheSamePage(list)).toBe(true);

	// A reload shows what was shown: the newest version is the page's own address.
	await dutch.reload();
	await expect(
		decisions.getByText(`de ${word} vast te stellen met ingang van 2027;`, { exact: true })
	).toBeVisible();
	for (const visitor of [dutch, english, list]) await visitor.context().close();
});

test('a visitor sees VNG’s progress report appear on a public agreement, without a reload', async ({
	browser,
	baseURL
}) => {
	const title = 'De ervaringen van gemeenten met de UDO delen in het BOFv';
	const visitor = await visitorOn(browser, baseURL, '/publicaties/afspraken');
	await visitor.getByRole('link', { name: title }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const id = new URL(visitor.url()).pathname.split('/').at(-1)!;
	await visitor.evaluate(() => (window.notReloaded = true));
	// The visitor's focus is on the way back; an arriving report must leave it there.
	const back = visitor.getByRole('link', { name: 'Alle afspraken' });
	await back.focus();
	const notice = visitor.getByRole('status').filter({ hasText: 'bijgewerkt' });
	await expect(notice).toHaveCount(0);

	const text = `De UDO-ervaringen van ${Date.now()} gemeenten zijn verzameld.`;
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	await send(vng, 'POST', `/agreements/${id}/progress`, { text, percent: 55 });

	const progress = visitor.getByRole('region', { name: 'Voortgang', exact: true });
	await expect(progress.getByText(text)).toBeVisible();
	await expect(progress.getByText('55% gereed').first()).toBeVisible();
	await expect(notice).toHaveText('De stand van deze afspraak is bijgewerkt.');
	await expect(back).toBeFocused();
	expect(await stillTheSamePage(visitor)).toBe(true);
	// Still no person on the public page: the report is VNG's, not its writer's.
	await expect(visitor.getByText('Fatima El Amrani')).toHaveCount(0);
	await expectNoAxeViolations(visitor);
	for (const page of [visitor, vng]) await page.context().close();
});
