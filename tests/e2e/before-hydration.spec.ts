import { type Page } from '@playwright/test';
import { expect, signedIn, test } from './meetings.fixtures';

/*
 * What a person does on a page before its scripts have run stays when they have: a box ticked on
 * the server's page is not cleared by the page waking up (components/disclosure.ts). The scripts are
 * held back until the person acted, so the order is certain, not a race.
 */

test.describe.configure({ timeout: 120_000 });

const liveState = (page: Page) => page.locator('p', { hasText: 'Live bijwerken:' });

async function holdScripts(page: Page): Promise<() => void> {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

test('a status ticked in the register before the page woke up is still ticked, and filters', async ({
	page
}) => {
	await signedIn(page, 'medewerker.vng');
	const release = await holdScripts(page);
	await page.goto('/afspraken', { waitUntil: 'domcontentloaded' });
	const vertraagd = page.getByRole('checkbox', { name: 'Vertraagd' });
	await vertraagd.check();
	release();
	await expect(liveState(page)).toHaveText(/Live bijwerken: Live$/);
	await expect(vertraagd).toBeChecked();
	await page.getByRole('button', { name: 'Afspraken tonen' }).click();
	await expect(page).toHaveURL(/[?&]status=vertraagd/);
	await expect(vertraagd).toBeChecked();
	// Wiping the filters clears the box the page had ticked.
	await page.getByRole('link', { name: 'Alle filters wissen' }).click();
	await expect(page).not.toHaveURL(/status=/);
	await expect(vertraagd).not.toBeChecked();
});
