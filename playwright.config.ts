import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * e2e tests run against the production build (`server.js`), on the embedded database in a fresh
 * temporary folder, or on PostgreSQL when DATABASE_URL is set. Browsers cannot be downloaded on
 * this machine: Playwright drives Debian's Chromium (override with CHROMIUM_PATH).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'oho-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: true,
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], channel: undefined },
			testIgnore: /.*\.mobile\.spec\.ts/
		},
		{
			name: 'mobile',
			use: { ...devices['Pixel 7'], channel: undefined },
			testMatch: /.*\.mobile\.spec\.ts/
		}
	],
	webServer: {
		command: 'npm run build && node server.js',
		url: `http://localhost:${port}/readyz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			DATA_DIR: dataDir,
			LOG_LEVEL: 'warn',
			// The e2e stories sign in with the demo accounts, on either engine.
			DEMO: 'true',
			...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {})
		}
	}
});
