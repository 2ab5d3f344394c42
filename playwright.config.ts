import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailSinkPorts } from './tests/e2e/support/mail';

/**
 * e2e tests run against the production build (`server.js`), on the embedded database in a fresh
 * temporary folder, or on PostgreSQL when DATABASE_URL is set. Browsers cannot be downloaded on
 * this machine: Playwright drives Debian's Chromium (override with CHROMIUM_PATH).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'oho-e2e-'));
/** The app sends its mail to a sink the tests can read (tests/e2e/support/mail.ts). */
const mailSink = mailSinkPorts(port);

/**
 * On PostgreSQL the e2e server gets a database of its own, created here and dropped by the global
 * teardown: the integration tests before it leave their rows in DATABASE_URL's database, and the
 * e2e stories expect exactly the demo data. Made once, in the runner; workers inherit the address.
 */
function e2eDatabaseUrl(): string | undefined {
	const server = process.env.DATABASE_URL;
	if (!server) return undefined;
	if (!process.env.E2E_DATABASE_URL) {
		const name = `oho_e2e_${Date.now()}_${process.pid}`;
		const script = 'scripts/ci-database.mjs';
		execFileSync(process.execPath, [script, 'create', server, name], { stdio: 'inherit' });
		process.env.E2E_DATABASE_NAME = name;
		process.env.E2E_DATABASE_URL = execFileSync(process.execPath, [script, 'url', server, name])
			.toString()
			.trim();
	}
	return process.env.E2E_DATABASE_URL;
}
const databaseUrl = e2eDatabaseUrl();

/**
 * E2E_SUBSET=engine: the stories that touch the database engine in ways the integration tests do
 * not (start-up and health, live delivery, the whole agenda story). .ci/run uses it for its
 * PostgreSQL pass: the pages are the same on either engine, the full suite ran on the embedded
 * one, and every verb, query and fault runs on PostgreSQL in the integration tests.
 */
const engineSubset = /(health|realtime|agenda-story)\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests/e2e',
	...(process.env.E2E_SUBSET === 'engine' ? { testMatch: engineSubset } : {}),
	globalTeardown: './tests/e2e/global-teardown.ts',
	fullyParallel: true,
	forbidOnly: true,
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	// Generous: axe on a busy two-core machine can take long; a real hang still fails.
	timeout: 60_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		// Traces and failure screenshots cost every test time on two cores, and CI keeps no
		// artifacts after the run: record them on a developer's machine only.
		trace: process.env.CI ? 'off' : 'retain-on-failure',
		screenshot: process.env.CI ? 'off' : 'only-on-failure',
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
	webServer: [
		{
			// Started first: the app's mail goes here from its first step.
			command: 'node tests/e2e/support/mail-sink.mjs',
			url: `http://127.0.0.1:${mailSink.http}/`,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				MAIL_SINK_SMTP_PORT: String(mailSink.smtp),
				MAIL_SINK_HTTP_PORT: String(mailSink.http)
			}
		},
		{
			// E2E_PREBUILT=1: the build in build/ is current (.ci/run builds once for both engines).
			command:
				process.env.E2E_PREBUILT === '1' ? 'node server.js' : 'npm run build && node server.js',
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
				// Every test signs in from 127.0.0.1: the per-IP limit would trip; per account stays strict.
				RATE_LIMIT_PER_IP: '100000',
				// Mail goes to the sink above, where the tests read what arrived.
				SMTP_URL: `smtp://127.0.0.1:${mailSink.smtp}`,
				...(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
			}
		}
	]
});
