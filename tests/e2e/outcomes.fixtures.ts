import type { Browser, Page } from '@playwright/test';
import { startOfAmsterdamDay } from '../../src/lib/time';
import { api, expect, signedIn, uniqueTitle } from './meetings.fixtures';

/*
 * A meeting of the test's own, held as the table holds one: it began today (meeting mode opens on
 * the meeting's day), VNG proposed two items (the second vertrouwelijk), the four parties agreed
 * the agenda, and the secretariaat recorded a decision on each in meeting mode and closed it. The
 * outcomes story and the public side's fixtures both start here.
 */

const HOUR = 3_600_000;
const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

export const bestuurders = ['rijk', 'vng', 'ipo', 'uvw'] as const;
export type PartyCode = (typeof bestuurders)[number];

/** A browser context of its own, signed in as `local` (e.g. bestuurder.vng). */
export async function personPage(browser: Browser, baseURL: string | undefined, local: string) {
	const context = await browser.newContext({ baseURL });
	return signedIn(await context.newPage(), local);
}

/** A JSON call with any method (the shared helper knows GET, POST and PATCH). */
export async function send(
	page: Page,
	method: string,
	path: string,
	body?: unknown,
	version?: number
) {
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
export async function listAction(
	page: Page,
	meetingId: string,
	name: string,
	fields: [string, string][]
) {
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

export interface HeldMeetingOptions {
	/** The four bestuurders, signed in (one each of rijk, vng, ipo, uvw). */
	parties: Page[];
	browser: Browser;
	baseURL?: string;
	/** The meeting's title before its unique suffix. */
	title: string;
	/** The first item's title, with the test's own word in it. */
	firstItem: (word: string) => string;
	secondItem: string;
	/** The decision recorded on each item (the PUT /items/{id}/decision body). */
	decision: (word: string) => Record<string, unknown>;
	/** The word the first item and its decision carry, for finding them again. */
	word: string;
}

/** A meeting held today with one openbaar and one vertrouwelijk item, each decided. */
export async function heldMeeting(secretariaat: Page, options: HeldMeetingOptions) {
	const { parties, browser, baseURL, word } = options;
	const now = Date.now();
	const dayStart = startOfAmsterdamDay(amsterdamDate.format(new Date(now))).getTime();
	const startsAt = new Date(Math.max(dayStart, now - HOUR));
	let meeting = await api(secretariaat, 'POST', '/meetings', {
		kind: 'overhedenoverleg',
		title: uniqueTitle(options.title),
		startsAt: startsAt.toISOString(),
		endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
		location: 'Den Haag',
		chair: 'Minister van BZK'
	});
	meeting = await api(secretariaat, 'POST', `/meetings/${meeting.id}/open`, undefined, 1);
	const vng = await personPage(browser, baseURL, 'medewerker.vng');
	const items = [];
	for (const [title, confidentiality] of [
		[options.firstItem(word), 'openbaar'],
		[options.secondItem, 'vertrouwelijk']
	] as const) {
		const draft = await api(vng, 'POST', '/items', {
			title: uniqueTitle(title),
			summary: 'Voor de e2e-test van de uitkomsten.',
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
	for (const party of parties)
		await api(party, 'POST', `/meetings/${meeting.id}/approvals`, { decision: 'akkoord' });
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/adopt`, undefined, meeting.version);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/session`);
	for (const item of items)
		await send(secretariaat, 'PUT', `/items/${item.id}/decision`, options.decision(word));
	meeting = await api(secretariaat, 'GET', `/meetings/${meeting.id}`);
	await api(secretariaat, 'POST', `/meetings/${meeting.id}/hold`, undefined, meeting.version);
	return { meeting, items, word };
}
