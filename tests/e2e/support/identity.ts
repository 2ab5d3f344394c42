import AxeBuilder from '@axe-core/playwright';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, type Page } from '@playwright/test';
import {
	DEMO_EMAIL_DOMAIN,
	DEMO_PASSWORD,
	DEMO_TOTP_KEY
} from '../../../src/lib/server/db/seed-data';

export { DEMO_PASSWORD, DEMO_TOTP_KEY };

export const demoEmail = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

/** A strong password for people the tests invite. */
export const NEW_PASSWORD = 'Vier overheden aan één ronde tafel';

/** An address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(label: string): string {
	return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.example`;
}

/** The WCAG 2.1 A and AA rules, the level the accessibility statement promises. */
export async function expectNoAxeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

const STEP_MS = 30_000;
const usedSteps = new Map<string, number>();

/**
 * A TOTP code the server will accept: the server takes the previous, current or next 30-second
 * step, but never a step at or before the last one it accepted for the person (no replay). So we
 * remember the last step used per key, take the next unused one, and wait for the clock when it
 * would lie beyond the server's window.
 */
export async function totpCode(
	key: string,
	after?: number
): Promise<{ code: string; step: number }> {
	const secret = decodeBase32IgnorePadding(key.replace(/\s+/g, '').toUpperCase());
	const floor = Math.max(after ?? -1, usedSteps.get(key) ?? -1) + 1;
	for (;;) {
		const current = Math.floor(Date.now() / STEP_MS);
		const step = Math.max(current, floor);
		if (step <= current + 1) {
			usedSteps.set(key, step);
			return { code: generateHOTP(secret, BigInt(step), 6), step };
		}
		await new Promise((resolve) => setTimeout(resolve, STEP_MS - (Date.now() % STEP_MS) + 250));
	}
}

/** Email and password on /inloggen; leaves the page wherever the server sends it. */
export async function submitPassword(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/**
 * The second step with a code from the app. A code can be refused as a replay when another
 * worker (or a restarted one) used the same step for this person: then take a later step.
 */
export async function submitTotp(page: Page, key: string, after?: number) {
	await expect(page).toHaveURL(/\/inloggen\/tweede-stap/);
	let previous = after;
	for (let attempt = 0; attempt < 3; attempt++) {
		const { code, step } = await totpCode(key, previous);
		await page.getByLabel('Code uit uw app', { exact: true }).fill(code);
		await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
		const passed = await page
			.waitForURL((url) => !url.pathname.endsWith('/tweede-stap'), { timeout: 4_000 })
			.then(() => true)
			.catch(() => false);
		if (passed) return;
		previous = step;
	}
}

/** Signs a demo account in, through the second step when it has one; ends on /mijn-werk. */
export async function signIn(page: Page, email: string, totpKey?: string) {
	await submitPassword(page, email);
	if (totpKey) await submitTotp(page, totpKey);
	await expect(page).toHaveURL(/\/mijn-werk$/);
}
