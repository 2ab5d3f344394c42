import { expect, test } from './meetings.fixtures';
import { api, plannedMeeting, signedIn, uniqueTitle } from './meetings.fixtures';
import { expectNoAxeViolations } from './support/identity';

/*
 * Co-sponsoring findable (issue 12): VNG asks IPO while its item is still a concept, the request
 * goes out when VNG submits, and IPO finds it on Mijn voorstellen with the one way to answer; a
 * concept nobody else saw can be discarded, after a confirmation that names it.
 */

test('a concept asks IPO; the request goes out at submission and IPO answers from Mijn voorstellen', async ({
	secretariaat,
	browser,
	baseURL
}) => {
	// Three people, two screen widths, five accessibility checks.
	test.setTimeout(150_000);
	await secretariaat.goto('/vergaderingen');
	const meeting = await plannedMeeting(secretariaat, uniqueTitle('Mede-indienen'), { open: true });
	const vng = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'medewerker.vng'
	);
	const title = uniqueTitle('Jeugdzorg samen');
	const concept = await api(vng, 'POST', '/items', {
		title,
		summary: 'Voor de e2e-test.',
		purpose: 'bespreking',
		meetingId: meeting.id
	});
	await vng.goto(`/agendapunten/${concept.id}`);
	const sponsors = vng.getByRole('region', { name: 'Mede-indieners' });
	await expect(sponsors).toContainText('zodra u het punt indient');

	// Asked on the concept: the wording says when the request goes out.
	await sponsors.getByLabel('Partij').selectOption('ipo');
	await sponsors.getByRole('button', { name: 'Vraag als mede-indiener' }).click();
	await expect(sponsors.getByRole('status')).toContainText(
		'IPO wordt gevraagd mede-indiener te worden zodra u het punt indient.'
	);
	await expect(sponsors.getByRole('listitem')).toHaveText([
		/IPO wordt gevraagd mede-indiener te worden zodra u het punt indient/
	]);
	// A second party, taken back before the submission.
	await sponsors.getByLabel('Partij').selectOption('uvw');
	await sponsors.getByRole('button', { name: 'Vraag als mede-indiener' }).click();
	const takeBack = sponsors.getByRole('button', {
		name: 'Verzoek aan Unie van Waterschappen terugnemen'
	});
	await takeBack.click();
	await expect(sponsors.getByRole('status')).toContainText(
		'Het verzoek aan Unie van Waterschappen is teruggenomen.'
	);
	await expect(sponsors.getByRole('listitem')).toHaveCount(1);
	await expectNoAxeViolations(vng);

	// IPO cannot see the concept, so nothing is asked of it yet.
	const ipo = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'medewerker.ipo'
	);
	const hidden = await ipo.goto(`/agendapunten/${concept.id}`);
	expect(hidden?.status()).toBe(404);

	await vng.getByRole('button', { name: 'Indienen', exact: true }).click();
	await expect(vng.getByRole('region', { name: 'Wat u kunt doen' })).toContainText(
		'Het agendapunt is ingediend.'
	);
	await expect(sponsors).toContainText('IPO: gevraagd, nog geen antwoord');

	// IPO finds the request on Mijn voorstellen, with the one action.
	await ipo.goto('/mijn-voorstellen');
	const requests = ipo.getByRole('region', { name: 'Gevraagd om mede in te dienen' });
	const card = requests.getByRole('listitem').filter({ hasText: title });
	await expect(card).toContainText('Gevraagd door VNG');
	await expect(
		ipo.getByRole('heading', { name: 'Punten die uw partij mede indient' })
	).toBeVisible();
	await expectNoAxeViolations(ipo);
	await ipo.setViewportSize({ width: 390, height: 844 });
	await expect(card).toBeVisible();
	const { scrollWidth, innerWidth } = await ipo.evaluate(() => ({
		scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
		innerWidth: window.innerWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
	await expectNoAxeViolations(ipo);
	await ipo.setViewportSize({ width: 1280, height: 900 });

	await card
		.getByRole('link', { name: new RegExp(`^Mede-indienen of afzien\\W+${title}$`) })
		.click();
	await expect(ipo).toHaveURL(new RegExp(`/agendapunten/${concept.id}$`));
	const actions = ipo.getByRole('region', { name: 'Wat u kunt doen' });
	await actions.getByRole('button', { name: 'Mede-indienen', exact: true }).click();
	await expect(actions.getByRole('status')).toBeVisible();

	// Answered: it leaves the requests and is among the items IPO co-sponsors.
	await ipo.goto('/mijn-voorstellen');
	await expect(
		ipo
			.locator('section', {
				has: ipo.getByRole('heading', { name: 'Punten die uw partij mede indient' })
			})
			.getByRole('row', { name: new RegExp(title) })
	).toBeVisible();
	await expect(requests.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
});

test('a concept is discarded after a confirmation that names it', async ({ browser, baseURL }) => {
	const vng = await signedIn(
		await (await browser.newContext({ baseURL })).newPage(),
		'medewerker.vng'
	);
	const title = uniqueTitle('Weg ermee');
	const concept = await api(vng, 'POST', '/items', {
		title,
		summary: 'Voor de e2e-test.',
		purpose: 'informatie'
	});
	await vng.goto(`/agendapunten/${concept.id}`);
	const actions = vng.getByRole('region', { name: 'Wat u kunt doen' });
	await actions.getByText('Concept verwijderen').click();
	await expect(actions).toContainText(
		`Weet u zeker dat u het concept „${title}” wilt verwijderen?`
	);
	await expectNoAxeViolations(vng);
	await actions.getByRole('button', { name: 'Ja, verwijder dit concept' }).click();

	await expect(vng).toHaveURL(/\/mijn-voorstellen$/);
	await expect(vng.getByRole('status').filter({ hasText: 'verwijderd' })).toHaveText(
		`Het concept „${title}” is verwijderd.`
	);
	await expect(vng.getByRole('heading', { name: 'Voorstellen van uw organisatie' })).toBeVisible();
	await expect(vng.getByRole('row', { name: new RegExp(title) })).toHaveCount(0);
	await expectNoAxeViolations(vng);
	expect((await vng.goto(`/agendapunten/${concept.id}`))?.status()).toBe(404);
});
