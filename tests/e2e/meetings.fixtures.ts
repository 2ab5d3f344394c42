import { test as base, expect } from './support/test';
import { type BrowserContext, type Page } from '@playwright/test';
import { DEMO_TOTP_KEY, demoEmail, signIn } from './support/identity';

/*
 * Shared set-up for the meeting specs. The secretariaat signs in once per worker (a TOTP step is
 * accepted once), the others sign in per test. Every test that changes something plans its own
 * meeting, so the tests never depend on each other or on the demo meetings' state.
 */

type State = Awaited<ReturnType<BrowserContext['storageState']>>;

export const test = base.extend<{ secretariaat: Page }, { secretariaatState: State }>({
	secretariaatState: [
		async ({ browser }, use, workerInfo) => {
			const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
			const page = await context.newPage();
			await signIn(page, demoEmail('secretariaat'), DEMO_TOTP_KEY);
			await use(await context.storageState());
			await context.close();
		},
		// Signing in may have to wait for the next 30-second step.
		{ scope: 'worker', timeout: 90_000 }
	],
	secretariaat: async ({ browser, secretariaatState, baseURL }, use) => {
		const context = await browser.newContext({ baseURL, storageState: secretariaatState });
		await use(await context.newPage());
		await context.close();
	}
});
export { expect };

/** A page signed in as a demo person without a second step (medewerker, bestuurder). */
export async function signedIn(page: Page, local: string): Promise<Page> {
	await signIn(page, demoEmail(local));
	return page;
}

/** A call to the JSON API with the page's session (same origin, so the CSRF guard lets it by). */
export async function api(
	page: Page,
	method: 'GET' | 'POST' | 'PATCH',
	path: string,
	body?: unknown,
	version?: number
) {
	const origin = new URL(page.url().startsWith('http') ? page.url() : 'http://x').origin;
	const response = await page.request.fetch(`/api/v1${path}`, {
		method,
		headers: {
			origin,
			'content-type': 'application/json',
			...(version === undefined ? {} : { 'if-match': `"${version}"` })
		},
		data: body === undefined ? undefined : JSON.stringify(body)
	});
	const json = await response.json().catch(() => null);
	expect(response.status(), JSON.stringify(json)).toBeLessThan(300);
	return json as { id: string; version: number; title: string };
}

let counter = 0;
/** A title no other test uses. */
export function uniqueTitle(label: string): string {
	counter += 1;
	return `${label} ${Date.now().toString(36)}${counter}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** The secretariaat plans a meeting through the API, some weeks ahead, two hours long. */
export async function plannedMeeting(page: Page, title: string, options: { open?: boolean } = {}) {
	const start = new Date(Date.now() + (40 + Math.floor(Math.random() * 200)) * DAY);
	start.setUTCHours(9, 0, 0, 0);
	let meeting = await api(page, 'POST', '/meetings', {
		kind: 'overhedenoverleg',
		title,
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString(),
		location: 'Den Haag',
		chair: 'Minister-president'
	});
	if (options.open) meeting = await api(page, 'POST', `/meetings/${meeting.id}/open`, undefined, 1);
	return meeting;
}

/** A medewerker drafts and submits an item for the meeting, through the API. */
export async function submittedItem(page: Page, meetingId: string, title: string) {
	const item = await api(page, 'POST', '/items', {
		title,
		summary: 'Voor de e2e-test.',
		purpose: 'bespreking',
		meetingId
	});
	return api(page, 'POST', `/items/${item.id}/submit`, undefined, item.version);
}

/** A form POST to a page action, as a browser would send it (for the denied cases). */
export async function postAction(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	return page.request.post(path, { form, headers: { origin }, maxRedirects: 0 });
}
