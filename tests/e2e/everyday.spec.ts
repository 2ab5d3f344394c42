import { expectNoAxeViolations } from './support/identity';
import { api, expect, plannedMeeting, signedIn, test, uniqueTitle } from './meetings.fixtures';

/** The demo's coming Overhedenoverleg, whose agenda is in afstemming (read only here). */
const DEMO_MEETING = '/vergaderingen/00000000-0000-4000-a000-000000000004';
/** The demo's meetings by id: its voorportaal open for proposals, the Overhedenoverleg past its
 * deadline, and a BOFv that is only planned. */
const VOORPORTAAL = '00000000-0000-4000-a000-000000000003';
const OVERHEDENOVERLEG = '00000000-0000-4000-a000-000000000004';
const BOFV = '00000000-0000-4000-a000-000000000005';

test('printing a meeting gives its details and agenda, without navigation, header or footer', async ({
	page
}) => {
	await signedIn(page, 'bestuurder.vng');
	await page.goto(DEMO_MEETING);
	const screenOnly = [
		page.locator('.utrecht-page-header'),
		page.locator('.utrecht-nav-bar'),
		page.locator('.utrecht-page-footer'),
		page.locator('#status-heading'),
		page.locator('#approval-heading'),
		page.getByRole('button', { name: 'Oordeel vastleggen' })
	];
	for (const part of screenOnly) await expect(part).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	for (const part of screenOnly) await expect(part).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('#details-heading')).toBeVisible();
	const agenda = page.locator('section[aria-labelledby="agenda-heading"]');
	await expect(agenda.getByRole('columnheader')).toHaveText([
		'Nr.',
		'Agendapunt',
		'Doel',
		'Gedragen door',
		'Minuten'
	]);
	// Each item with its purpose and minutes, the table within the width of the paper.
	const first = agenda.getByRole('row').nth(1);
	await expect(first.getByRole('cell').nth(1)).toHaveText(
		/^Ter (besluitvorming|bespreking|informatie)$/
	);
	await expect(first.getByRole('cell').last()).toHaveText(/^\d+$/);
	const [scrolled, shown] = await agenda
		.locator('.oho-table-region')
		.evaluate((region) => [region.scrollWidth, region.clientWidth]);
	expect(scrolled).toBeLessThanOrEqual(shown!);

	await page.screenshot({ path: '/tmp/h6/print/meeting.png', fullPage: true });
	const pdf = await page.pdf({ format: 'A4', path: '/tmp/h6/print/meeting.pdf' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the secretariaat’s printed agenda has no order column and shows its minutes as text', async ({
	secretariaat
}) => {
	await secretariaat.goto(DEMO_MEETING);
	const agenda = secretariaat.locator('section[aria-labelledby="agenda-heading"]');
	await expect(agenda.getByRole('columnheader', { name: 'Volgorde' })).toBeVisible();
	await secretariaat.emulateMedia({ media: 'print' });
	await expect(agenda.getByRole('columnheader', { name: 'Volgorde' })).toBeHidden();
	const minutes = agenda.getByRole('spinbutton').first();
	await expect(minutes).toHaveValue(/^\d+$/);
	await expect(minutes).toHaveCSS('border-top-width', '0px');
	await secretariaat.screenshot({ path: '/tmp/h6/print/secretariaat.png', fullPage: true });
});

test('a step that the state of things no longer allows is refused as that, not as bad input', async ({
	browser,
	baseURL,
	secretariaat
}) => {
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Verouderd'));
	// A page without JavaScript does not follow the meeting live: it still offers the old step.
	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		storageState: await secretariaat.context().storageState()
	});
	const stale = await context.newPage();
	await stale.goto(`/vergaderingen/${meeting.id}`);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/open`, undefined, 1);
	await stale.getByRole('button', { name: 'Openzetten voor voorstellen' }).click();
	const summary = stale.getByRole('group', { name: 'Dit kan nu niet' });
	await expect(summary).toContainText('Dit kan niet bij een vergadering met de status');
	await expect(stale.getByRole('group', { name: 'Er is iets niet goed ingevuld' })).toHaveCount(0);
	await context.close();
});

test('the item form offers the meetings that take proposals and says when a submission is late', async ({
	page
}) => {
	await signedIn(page, 'medewerker.vng');
	await page.goto(`/agendapunten/nieuw?vergadering=${OVERHEDENOVERLEG}`);
	const meeting = page.getByLabel('Vergadering', { exact: true });
	const values = await meeting
		.locator('option')
		.evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
	expect(values).toEqual(expect.arrayContaining(['', VOORPORTAAL, OVERHEDENOVERLEG]));
	expect(values).not.toContain(BOFV);
	await expect(meeting.locator(`option[value="${OVERHEDENOVERLEG}"]`)).toHaveText(
		/: late indiening$/
	);
	const note = page.locator('#item-form-meeting-note');
	await expect(note).toContainText('Dient u het punt nu in, dan is het een late indiening');
	await meeting.selectOption(VOORPORTAAL);
	await expect(note).toContainText('Voorstellen voor deze vergadering kunnen tot');
	await meeting.selectOption('');
	await expect(note).toHaveText('');
	await expectNoAxeViolations(page);
});
