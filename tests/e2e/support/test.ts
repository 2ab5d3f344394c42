import { test as base, expect } from '@playwright/test';

/**
 * Playwright's `test`, closing the browser contexts a test opened itself (`browser.newContext()`)
 * when it ends. Playwright leaves them open until the worker stops; signed-in pages keep a live
 * connection and reload on changes, so leftovers would slow every later test of the worker.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
	closeOwnContexts: [
		async ({ browser }, use) => {
			const before = new Set(browser.contexts());
			await use();
			for (const context of browser.contexts()) {
				if (!before.has(context)) await context.close().catch(() => undefined);
			}
		},
		{ auto: true }
	]
});

export { expect };
