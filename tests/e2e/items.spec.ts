import { expect, test } from './support/test';
import { type Browser, type Page } from '@playwright/test';
import { DEMO_TOTP_KEY, demoEmail, expectNoAxeViolations, signIn } from './support/identity';

/*
 * Agenda items in the browser: draft, submit, co-sponsor, discuss, and the secretariaat's steps.
 * Every test makes its own items (unique titles), so tests never lean on each other's changes.
 */

/** The demo voorportaal open for proposals, and the Overhedenoverleg past its deadline (demo-data.ts). */
const VOORPORTAAL = '00000000-0000-4000-a000-000000000003';
const OVERHEDENOVERLEG = '00000000-0000-4000-a000-000000000004';

// Several people and sign-ins per test, on a machine shared with other work: give them time.
test.describe.configure({ timeout: 120_000 });

const unique = (label: string) =>
	`${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signedIn(browser: Browser, who: string, totp?: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	// On a busy machine a fill can land before the sign-in form is ready; one more try then.
	await signIn(page, demoEmail(who), totp).catch(() => signIn(page, demoEmail(who), totp));
	return page;
}

/** Drafts an item through the form; ends on its page. */
async function draft(
	page: Page,
	title: string,
	options: { meeting?: string; submit?: boolean; summary?: string } = {}
) {
	await page.goto(`/agendapunten/nieuw${options.meeting ? `?vergadering=${options.meeting}` : ''}`);
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Samenvatting').fill(options.summary ?? 'Een korte samenvatting.');
	await page.getByLabel('Ter bespreking').check();
	await page
		.getByRole('button', { name: options.submit ? 'Opslaan en indienen' : 'Opslaan als concept' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return page.url().replace(/\?.*$/, '');
}

test('a medewerker drafts an item with the form; the summary is rendered safely; another party cannot see the concept', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	await vng.goto(`/agendapunten/nieuw?vergadering=${VOORPORTAAL}`);
	await expectNoAxeViolations(vng);
	await expect(vng.getByLabel('Vergadering')).toHaveValue(VOORPORTAAL);

	// Bad input: no title, ter besluitvorming without a decision. Messages, not a 500.
	await vng.getByLabel('Ter besluitvorming').check();
	await vng.getByRole('button', { name: 'Opslaan als concept' }).click();
	const summary = vng.getByRole('group', { name: 'Er is iets niet goed ingevuld' });
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('Vul een titel in');
	await expect(summary).toContainText('Vul het voorgestelde besluit in');
	await expectNoAxeViolations(vng);

	const title = unique('Gemeentefonds en jeugdzorg');
	await vng.getByLabel('Titel', { exact: true }).fill(title);
	await vng
		.getByLabel('Samenvatting')
		.fill(
			'Zie **de brief** op [rijksoverheid](https://www.rijksoverheid.nl).\n\n<script>alert(1)</script> [x](javascript:alert(1))'
		);
	await vng.getByLabel('Voorgesteld besluit').fill('De vergadering stemt in met het voorstel.');
	await vng.getByLabel('Ja, er zijn financiële gevolgen').check();
	await vng
		.getByLabel('Toelichting op de financiële gevolgen')
		.fill('Ongeveer € 1 miljard per jaar.');
	await vng.getByRole('button', { name: 'Opslaan als concept' }).click();

	await expect(vng.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(vng.getByRole('main').getByRole('status')).toContainText('opgeslagen als concept');
	const article = vng.getByRole('region', { name: 'Samenvatting' });
	await expect(article.locator('strong')).toHaveText('de brief');
	await expect(article.getByRole('link', { name: 'rijksoverheid' })).toHaveAttribute(
		'rel',
		'noopener noreferrer nofollow'
	);
	await expect(article).toContainText('<script>alert(1)</script>');
	await expect(article.locator('a[href^="javascript"]')).toHaveCount(0);
	await expect(vng.getByRole('region', { name: 'Voorgesteld besluit' })).toContainText('stemt in');
	await expectNoAxeViolations(vng);
	const url = vng.url().replace(/\?.*$/, '');

	// IPO does not see VNG's concept: the page does not exist for them.
	const ipo = await signedIn(browser, 'medewerker.ipo');
	const hidden = await ipo.goto(url);
	expect(hidden?.status()).toBe(404);
	const hiddenEdit = await ipo.goto(`${url}/bewerken`);
	expect(hiddenEdit?.status()).toBe(404);

	// Submitted, it is there for everyone, and IPO may not edit it.
	await vng.goto(url);
	await vng.getByRole('button', { name: 'Indienen' }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText('ingediend');
	expect((await ipo.goto(url))?.status()).toBe(200);
	await expect(ipo.getByRole('link', { name: 'Bewerken' })).toHaveCount(0);
	expect((await ipo.goto(`${url}/bewerken`))?.status()).toBe(403);
});

test('the proposer asks IPO to co-sponsor; IPO accepts; the discussion threads, edits and deletes', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const url = await draft(vng, unique('Uitvoeringskracht'), { submit: true });
	await vng.getByLabel('Partij', { exact: true }).selectOption({ label: 'IPO' });
	await vng.getByRole('button', { name: 'Vraag als mede-indiener' }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText('gevraagd mede-indiener');
	await expect(vng.getByRole('region', { name: 'Mede-indieners' })).toContainText(
		'IPO: gevraagd, nog geen antwoord'
	);

	// UvW was not asked: it has nothing to answer, and a crafted answer is refused.
	const uvw = await signedIn(browser, 'medewerker.uvw');
	await uvw.goto(url);
	await expect(uvw.getByRole('button', { name: 'Mede-indienen' })).toHaveCount(0);
	const refused = await uvw.request.post(`${url}?/respond`, {
		form: { answer: 'accept' },
		headers: { origin: new URL(url).origin }
	});
	expect(refused.status()).toBe(403);

	const ipo = await signedIn(browser, 'medewerker.ipo');
	await ipo.goto(url);
	await expect(ipo.getByText('Uw partij is gevraagd')).toBeVisible();
	await expectNoAxeViolations(ipo);
	await ipo.getByRole('button', { name: 'Mede-indienen' }).click();
	await expect(ipo.getByRole('region', { name: 'Mede-indieners' })).toContainText(
		'IPO: dient mede in'
	);
	await expect(ipo.getByText('Gedragen door')).toBeVisible();

	// The discussion: IPO comments, VNG replies, IPO edits and then deletes its comment.
	await ipo.getByLabel('Uw reactie').fill('IPO steunt dit punt.');
	await ipo.getByRole('button', { name: 'Reactie plaatsen' }).click();
	await expect(ipo.getByRole('main').getByRole('status')).toContainText('reactie is geplaatst');
	await vng.reload();
	await vng.getByText('Antwoorden', { exact: false }).first().click();
	await vng.getByLabel('Uw antwoord aan Lotte Mulder').fill('Dank, graag samen.');
	await vng.getByRole('button', { name: 'Antwoord plaatsen' }).click();
	await expect(vng.getByRole('list', { name: 'Antwoorden op Lotte Mulder' })).toContainText(
		'Dank, graag samen.'
	);
	// Only one level of replies: a reply has no reply button of its own.
	await expect(vng.locator('summary', { hasText: 'Antwoorden' })).toHaveCount(1);
	// VNG cannot edit or delete IPO's comment.
	await expect(vng.locator('summary', { hasText: 'Bewerken' })).toHaveCount(1);

	await ipo.reload();
	await ipo.locator('summary', { hasText: 'Bewerken' }).click();
	await ipo.getByLabel('Nieuwe tekst van uw reactie').fill('IPO steunt dit punt van harte.');
	await ipo.getByRole('button', { name: 'Reactie opslaan' }).click();
	await expect(
		ipo.getByRole('paragraph').filter({ hasText: 'IPO steunt dit punt van harte.' })
	).toBeVisible();
	await expect(ipo.locator('.oho-comment__meta', { hasText: 'bewerkt' })).toBeVisible();
	await ipo.getByRole('button', { name: /^Verwijderen/ }).click();
	await expect(ipo.getByText('Reactie verwijderd')).toBeVisible();
	await expect(ipo.getByText('IPO steunt dit punt van harte.')).toHaveCount(0);
	await expect(ipo.getByText('Dank, graag samen.')).toBeVisible();
	await expectNoAxeViolations(ipo);
});

test('the secretariaat places, defers and declines; a medewerker cannot', async ({ browser }) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const url = await draft(vng, unique('Regio Deals'), { submit: true });
	// The proposer has no secretariaat buttons, and a crafted POST is refused.
	await expect(vng.getByText('Agenderen', { exact: true })).toHaveCount(0);
	for (const action of ['place', 'decline', 'defer']) {
		const refused = await vng.request.post(`${url}?/${action}`, {
			form: { minutes: '10', meetingId: VOORPORTAAL, reason: 'Geen ruimte meer.' },
			headers: { origin: new URL(url).origin }
		});
		expect(refused.status(), action).toBe(403);
	}

	const secretariaat = await signedIn(browser, 'secretariaat', DEMO_TOTP_KEY);
	await secretariaat.goto(url);
	await expectNoAxeViolations(secretariaat);
	await secretariaat.locator('summary', { hasText: 'Agenderen' }).click();
	await secretariaat.getByLabel('Vergadering', { exact: true }).selectOption(VOORPORTAAL);
	await secretariaat.getByLabel('Minuten').fill('twintig');
	await secretariaat.getByRole('button', { name: 'Agenderen', exact: true }).click();
	await expect(
		secretariaat.getByRole('group', { name: 'Er is iets niet goed ingevuld' })
	).toBeVisible();
	await secretariaat.getByLabel('Minuten').fill('20');
	await secretariaat.getByRole('button', { name: 'Agenderen', exact: true }).click();
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
		'staat op de agenda'
	);
	await expect(secretariaat.getByText(/punt \d+, 20 minuten/)).toBeVisible();

	// Defer back to the list, with a reason (none: a message at the field).
	await secretariaat.locator('summary', { hasText: 'Aanhouden' }).click();
	await secretariaat.getByRole('button', { name: 'Aanhouden', exact: true }).click();
	await expect(
		secretariaat.getByRole('group', { name: 'Er is iets niet goed ingevuld' })
	).toContainText('Geef een reden');
	await secretariaat.locator('#defer-reason').fill('Eerst in het voorportaal van volgend jaar.');
	await secretariaat.getByRole('button', { name: 'Aanhouden', exact: true }).click();
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText('aangehouden');
	await expect(secretariaat.getByText('Eerst in het voorportaal van volgend jaar.')).toBeVisible();

	await secretariaat.locator('summary', { hasText: 'Afwijzen' }).click();
	await secretariaat.locator('#decline-reason').fill('Past niet bij dit overleg.');
	await secretariaat.getByRole('button', { name: 'Afwijzen', exact: true }).click();
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText('afgewezen');
	await expect(secretariaat.locator('.oho-eyebrow')).toContainText('Afgewezen');
});

test('two people edit the same item: the second save shows the conflict, and reapplying keeps both changes', async ({
	browser
}) => {
	const first = await signedIn(browser, 'medewerker.vng');
	const url = await draft(first, unique('Klimaatadaptatie'), { summary: 'Eerste regel.' });
	const second = await signedIn(browser, 'bestuurder.vng');

	await first.goto(`${url}/bewerken`);
	await second.goto(`${url}/bewerken`);
	await expectNoAxeViolations(second);

	const newTitle = unique('Klimaatadaptatie en water');
	await first.getByLabel('Titel').fill(newTitle);
	await first.getByRole('button', { name: 'Opslaan als concept' }).click();
	await expect(first.getByRole('main').getByRole('status')).toContainText('opgeslagen');

	await second.getByLabel('Samenvatting').fill('Eerste regel.\nTweede regel van de bestuurder.');
	await second.getByRole('button', { name: 'Opslaan als concept' }).click();
	const conflict = second.getByRole('alert');
	await expect(conflict).toContainText('Iemand anders heeft dit agendapunt intussen gewijzigd');
	await expect(conflict.getByRole('listitem')).toHaveText(['Titel']);
	await expect(second.getByLabel('Samenvatting')).toHaveValue(
		'Eerste regel.\nTweede regel van de bestuurder.'
	);
	await expect(conflict.getByRole('link', { name: 'Laad de nieuwste versie' })).toBeVisible();
	await expectNoAxeViolations(second);

	await conflict.getByRole('button', { name: 'Mijn wijzigingen opnieuw toepassen' }).click();
	await expect(second.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();
	await expect(second.getByRole('region', { name: 'Samenvatting' })).toContainText(
		'Tweede regel van de bestuurder.'
	);

	// The history shows three versions and a diff with text markers.
	await second.getByRole('link', { name: '3 versies' }).click();
	await expect(second.getByRole('heading', { level: 1 })).toContainText('Geschiedenis');
	await expect(second.getByRole('cell', { name: 'Samenvatting' })).toBeVisible();
	await expect(second.getByText('Verschil tussen versie 2 en versie 3')).toBeVisible();
	await expect(second.locator('ins', { hasText: 'Tweede regel van de bestuurder.' })).toBeVisible();
	await expect(second.getByText('Toegevoegd:')).toBeAttached();
	await expectNoAxeViolations(second);
	await second.getByLabel('Van versie').selectOption('1');
	await second.getByRole('button', { name: 'Vergelijk' }).click();
	await expect(second.getByText('Verschil tussen versie 1 en versie 3')).toBeVisible();
	await expect(second.getByRole('heading', { level: 3, name: 'Titel' })).toBeVisible();
});

test('withdrawing an item; a version that is gone answers with a message, not a 500', async ({
	browser
}) => {
	const vng = await signedIn(browser, 'medewerker.vng');
	const url = await draft(vng, unique('Waterschapsverkiezingen'), { submit: true });
	await vng.locator('summary', { hasText: 'Intrekken' }).click();
	await vng.getByRole('button', { name: 'Intrekken', exact: true }).click();
	await expect(vng.getByRole('main').getByRole('status')).toContainText('ingetrokken');
	await expect(vng.getByRole('button', { name: 'Intrekken' })).toHaveCount(0);
	const history = await vng.goto(`${url}/geschiedenis?van=1&tot=99`);
	expect(history?.status()).toBe(200);
	await expect(vng.getByText('Kies twee versies uit de lijst.')).toBeVisible();
	expect((await vng.goto('/agendapunten/geen-id'))?.status()).toBe(404);
});

test('a late submission waits for the secretariaat’s consent; only the secretariaat gives it', async ({
	browser
}) => {
	// The demo Overhedenoverleg najaar is past its proposal deadline: submitting there is late.
	const vng = await signedIn(browser, 'medewerker.vng');
	const url = await draft(vng, unique('Hervormingsagenda Jeugd'), {
		meeting: OVERHEDENOVERLEG,
		submit: true
	});
	await expect(vng.getByText('Na de termijn ingediend: wacht op toestemming')).toBeVisible();
	const refused = await vng.request.post(`${url}?/approveLate`, {
		form: {},
		headers: { origin: new URL(url).origin }
	});
	expect(refused.status()).toBe(403);

	const secretariaat = await signedIn(browser, 'secretariaat', DEMO_TOTP_KEY);
	await secretariaat.goto(url);
	// Placing is not offered before the consent.
	await expect(secretariaat.locator('summary', { hasText: 'Agenderen' })).toHaveCount(0);
	await secretariaat.getByRole('button', { name: 'Late indiening toestaan' }).click();
	await expect(secretariaat.getByRole('main').getByRole('status')).toContainText(
		'late indiening is toegestaan'
	);
	await expect(secretariaat.getByText('het secretariaat heeft toestemming gegeven')).toBeVisible();
	await expect(secretariaat.locator('summary', { hasText: 'Agenderen' })).toBeVisible();

	// The English page speaks English.
	await vng.goto(url.replace('/agendapunten/', '/en/agendapunten/'));
	await expect(vng.getByRole('heading', { level: 2, name: 'What you can do' })).toBeVisible();
	await expect(vng.locator('.oho-eyebrow')).toContainText('Submitted');
	await expectNoAxeViolations(vng);
});
