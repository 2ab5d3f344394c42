import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/identity';
import { expect, test } from './meetings.fixtures';
import { publishedMeeting } from './public.fixtures';

/*
 * The public side (issue 13): in the set-up the secretariaat holds a meeting of this test's own,
 * the four parties verify its besluitenlijst, and it is published with one openbaar item (the
 * other is vertrouwelijk), then corrected once. A visitor without an account then finds it from
 * the start page, reads it, opens the first version and compares the two; the search finds it by
 * a word of its decision. axe on every public page, in Dutch and English, desktop and 390 px.
 */
test.setTimeout(240_000);

async function checkBothLanguages(page: Page, path: string) {
	for (const prefix of ['', '/en']) {
		await page.goto(`${prefix}${path}`);
		await expectNoAxeViolations(page);
	}
}

test('a visitor without an account finds a published besluitenlijst, reads it, opens a version and compares', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	await secretariaat.goto('/vergaderingen');
	const { meeting, items, word } = await publishedMeeting(secretariaat, browser, baseURL);
	const path = `/publicaties/${meeting.id}`;

	const visitor = await (await browser.newContext({ baseURL })).newPage();
	await visitor.goto('/');
	const latest = visitor.getByRole('region', { name: 'Laatste publicaties' });
	await latest.getByRole('link', { name: meeting.title }).click();
	await expect(visitor).toHaveURL(new RegExp(`${path}$`));
	await expect(
		visitor.getByRole('heading', { level: 1, name: `Besluitenlijst ${meeting.title}` })
	).toBeVisible();

	// The besluitenlijst as it reads: the number and title, "Besluit:" with numbered dicta, the toezegging.
	const decisions = visitor.getByRole('region', { name: 'Besluitenlijst' });
	await expect(
		decisions.getByRole('heading', { level: 3, name: `1. ${items[0]!.title}` })
	).toBeVisible();
	await expect(decisions.getByText('Besluit:')).toBeVisible();
	await expect(
		decisions.getByText(`de ${word} vast te stellen met ingang van 2026;`, { exact: true })
	).toBeVisible();
	await expect(decisions.getByText('Informeert de leden. (uiterlijk 31 maart 2027)')).toBeVisible();
	await expect(
		decisions.getByText('1 punt is vertrouwelijk en staat niet in deze publicatie.')
	).toBeVisible();
	await expect(visitor.getByText(items[1]!.title)).toHaveCount(0);
	await expect(visitor.getByRole('link', { name: 'Besluitenlijst als PDF' })).toHaveAttribute(
		'href',
		`${path}/besluitenlijst.pdf`
	);

	// Every version with its reason and note; the first opens as it was.
	const versions = visitor.getByRole('region', { name: 'Versies' });
	await expect(versions.getByText('Correctie procedurele fout')).toBeVisible();
	await expect(
		versions.getByText('De ingangsdatum ontbrak in het eerste besluitpunt.')
	).toBeVisible();
	await versions.getByRole('link', { name: 'Versie 1' }).click();
	await expect(visitor).toHaveURL(new RegExp(`${path}\\?versie=1$`));
	await expect(
		visitor.getByText('U leest versie 1. De nieuwste versie is versie 2.')
	).toBeVisible();
	await expect(decisions.getByText(`de ${word} vast te stellen;`, { exact: true })).toBeVisible();

	// The difference between the two, as a visitor asks for it with the form.
	await visitor.getByLabel('Van').selectOption('1');
	await visitor.getByLabel('Naar').selectOption('2');
	await visitor.getByRole('button', { name: 'Vergelijken' }).click();
	const diff = visitor.getByRole('region', { name: 'Verschil tussen versie 1 en versie 2' });
	await expect(diff.locator('del')).toContainText(`1. de ${word} vast te stellen;`);
	await expect(diff.locator('ins')).toContainText(
		`1. de ${word} vast te stellen met ingang van 2026;`
	);

	// The search finds it by a word of its decision; a word of nothing published finds nothing.
	await visitor.goto(`/publicaties?q=${word}`);
	await expect(visitor.getByRole('status')).toHaveText('1 publicatie');
	await visitor.goto('/publicaties?q=onderhandelingsruimte');
	await expect(visitor.getByRole('status')).toHaveText('Geen publicaties gevonden.');
	await visitor.goto('/publicaties?jaar=1999');
	await expect(visitor.getByText('Vul een jaartal in vanaf 2000.').first()).toBeVisible();

	// axe, in Dutch and English, on a desktop and at 390 px.
	for (const size of [
		{ width: 1280, height: 900 },
		{ width: 390, height: 844 }
	]) {
		await visitor.setViewportSize(size);
		for (const page of [
			'/',
			'/publicaties',
			`/publicaties?q=${word}`,
			path,
			`${path}?versie=1`,
			`${path}?van=1&naar=2`
		])
			await checkBothLanguages(visitor, page);
	}
	await visitor.context().close();
});
