import type { Browser, Page } from '@playwright/test';
import { startOfAmsterdamDay } from '../../src/lib/time';
import { api, expect, signedIn, uniqueTitle } from './meetings.fixtures';

/*
 * A published besluitenlijst of the test's own, built as the table builds one: the secretariaat
 * holds a meeting that began today (meeting mode opens on the meeting's day) with two items of
 * VNG, the second vertrouwelijk; the four parties verify the list on its page; the secretariaat
 * adopts it, publishes the openbare item, and corrects it once after publication.
 */

const HOUR = 3_600_000;
const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
const bestuurders = ['bestuurder.rijk', 'bestuurder.vng', 'bestuurder.ipo', 'bestuurder.uvw'];

async function personPage(browser: Browser, baseURL: string | undefined, local: string) {
	const context = await browser.newContext({ baseURL });
	return signedIn(await context.newPage(), local);
}

/** A JSON call with any method (the shared helper knows GET, POST and PATCH). */
async function send(page: Page, method: string, path: string, body?: unknown, version?: number) {
	const response = await page.request.fetch(`/api/v1${path}`, {
		method,
		headers: {
			origin: new URL(page.url()).origin,
			'content-type': 'application/json',
			...(version === undefined ? {} : { 'if-match': `"${version}"` })
		},
		data: body === undefined ? undefined : JSON.stringify(body)
	});
	expect(response.status(), await response.text()).toBeLessThan(300);
	return response.json();
}

/** A form action of the besluitenlijst page, as its form posts it (repeated names allowed). */
async function listAction(page: Page, meetingId: string, name: string, fields: [string, string][]) {
	const response = await page.request.post(`/vergaderingen/${meetingId}/besluitenlijst?/${name}`, {
		headers: {
			origin: new URL(page.url()).origin,
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: new URLSearchParams(fields).toString(),
		maxRedirects: 0
	});
	expect(response.status(), `${name}: ${await response.text()}`).toBeLessThan(300);
	const text = await response.text();
	expect(text, name).not.toContain('"type":"failure"');
}

/** A held meeting with two decided items (the second vertrouwelijk), published and corrected. */
export async function publishedMeeting(secretariaat: Page, browser: Browser, baseURL?: string) {
	const word = `leeropgave${Date.now().toString(36)}`;
	const now = Date.now();
	const dayStart = startOfAmsterdamDay(amsterdamDate.format(new Date(now))).getTime();
	const startsAt = new Date(Math.max(dayStart, now - HOUR));
	let meeting = await api(secretariaat, 'POST', '/meetings', {
		kind: 'overhedenoverleg',
		title: uniqueTitle('Overhedenoverleg publicatie'),
		startsAt: startsAt.toISOString(),
		endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
		location: 'Den Haag',
		chair: 'Minister van BZK'
	});
	meeting = await api(secretariaat, 'POST', `/meetings/${meeting.id}/open`, undefined, 1);
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	const items = [];
	for (const [title, confidentiality] of [
		[`Jeugdzorg: de ${word}`, 'openbaar'],
		['Vertrouwelijk: de onderhandelingsruimte', 'vertrouwelijk']
	] as const) {
		const draft = await api(vng, 'POST', '/items', {
			title: uniqueTitle(title),
			summary: 'Voor de e2e-test van de publicatie.',
			purpose: 'besluitvorming',
			proposedDecision: '1. in te stemmen met het voorstel.',
			confidentiality,
			meetingId: meeting.id
		});
		const submitted = await api(vng, 'POST', `/items/${draft.id}/submit`, undefined, 1);
		items.push(
			await api(
				secretariaat,
				'POST',
				`/items/${draft.id}/place`,
				{ minutes: 20 },
				submitted.version
			)
		);
	}
	await vng.context().close();
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	meeting = await api(
		secretariaat,
		'POST',
		`/meetings/${meeting.id}/start-alignment`,
		undefined,
		meeting.version
	);
	const parties = [];
	for (const local of bestuurders) parties.push(await personPage(browser, baseURL, local));
	for (const party of parties)
		await api(party, 'POST', `/meetings/${meeting.id}/approvals`, { decision: 'akkoord' });
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/adopt`, undefined, meeting.version);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/session`);
	const decision = (extra: string) => ({
		outcome: 'aangenomen',
		dicta: [
			`de ${word} vast te stellen${extra};`,
			'het BOFv te vragen de verdeling uit te werken.'
		],
		commitments: [
			{ party: 'vng', holder: 'VNG', description: 'Informeert de leden.', dueDate: '2027-03-31' }
		]
	});
	for (const item of items)
		await send(secretariaat, 'PUT', `/items/${item.id}/decision`, decision(''));
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/hold`, undefined, meeting.version);

	const inAWeek = new Date(now + 7 * 24 * HOUR).toISOString().slice(0, 10);
	await listAction(secretariaat, meeting.id, 'start', [['closesOn', inAWeek]]);
	for (const party of parties) await listAction(party, meeting.id, 'verify', []);
	for (const party of parties) await party.context().close();
	await listAction(secretariaat, meeting.id, 'adopt', []);
	await listAction(secretariaat, meeting.id, 'publish', [['publicItemIds', items[0]!.id]]);
	// A correction after publication: version 2, with its reason and note.
	await send(secretariaat, 'PUT', `/items/${items[0]!.id}/decision`, {
		...decision(' met ingang van 2026'),
		version: 1
	});
	await listAction(secretariaat, meeting.id, 'republish', [
		['publicItemIds', items[0]!.id],
		['reasonKind', 'procedureel'],
		['note', 'De ingangsdatum ontbrak in het eerste besluitpunt.']
	]);
	return { meeting, items, word };
}
