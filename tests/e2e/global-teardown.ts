import { execFileSync } from 'node:child_process';

/** Drops the PostgreSQL database that playwright.config.ts made for this e2e run, if any. */
export default function globalTeardown() {
	const name = process.env.E2E_DATABASE_NAME;
	const server = process.env.DATABASE_URL;
	if (!name || !server) return;
	execFileSync(process.execPath, ['scripts/ci-database.mjs', 'drop', server, name], {
		stdio: 'inherit'
	});
}
