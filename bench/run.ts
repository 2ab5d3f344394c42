/**
 * `npm run bench`: figures for the foundation, on the embedded engine and (with DATABASE_URL) on
 * PostgreSQL. Later issues add their own benchmarks beside this one.
 *   - cold start: open + migrate + seed an empty database
 *   - the home page's query (organisations): p50 / p99 / max over 2,000 runs
 *   - session validation (every signed-in request): p50 / p99 / max over 2,000 runs
 */
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '../src/lib/server/db/database';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { organisations, people } from '../src/lib/server/db/schema';
import { seedDatabase } from '../src/lib/server/db/seed';
import { createSession, validateSessionToken } from '../src/lib/server/auth/session';
import { listOrganisations } from '../src/lib/server/organisations/queries';

const RUNS = 2_000;
const policy = { idleMs: 7_200_000, maxMs: 43_200_000 };

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, work: () => Promise<unknown>) {
	for (let i = 0; i < 50; i++) await work(); // warm-up
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await work();
		samples.push(performance.now() - started);
	}
	samples.sort((a, b) => a - b);
	const f = (ms: number) => `${ms.toFixed(3)} ms`;
	console.log(
		`  ${label.padEnd(28)} p50 ${f(percentile(samples, 50))}  p99 ${f(percentile(samples, 99))}  max ${f(samples.at(-1)!)}`
	);
}

async function benchEngine(name: string, options: OpenOptions, cleanup: () => Promise<void>) {
	console.log(`\n${name}`);
	const started = performance.now();
	const handle: DatabaseHandle = await openDatabase(options);
	await migrateDatabase(handle, './drizzle');
	await seedDatabase(handle.db);
	console.log(`  cold start (open, migrate, seed) ${(performance.now() - started).toFixed(0)} ms`);
	try {
		await time('organisations query', () => listOrganisations(handle.db));
		const [vng] = await handle.db.select().from(organisations).where(eq(organisations.slug, 'vng'));
		const [person] = await handle.db
			.insert(people)
			.values({
				email: `bench.${Date.now()}@example.nl`,
				name: 'Bench',
				organisationId: vng!.id,
				role: 'medewerker'
			})
			.returning();
		const { token } = await createSession(handle.db, person!.id, policy, {
			twoFactorVerified: true
		});
		await time('session validation', () => validateSessionToken(handle.db, token, policy));
	} finally {
		await handle.close();
		await cleanup();
	}
}

const dataDir = mkdtempSync(join(tmpdir(), 'oho-bench-'));
await benchEngine('embedded (PGlite, on disk)', { engine: 'pglite', dataDir }, async () =>
	rmSync(dataDir, { recursive: true, force: true })
);

if (process.env.DATABASE_URL) {
	const postgres = (await import('postgres')).default;
	const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
	const name = `oho_bench_${Date.now()}`;
	await admin.unsafe(`create database ${name}`);
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	await benchEngine('PostgreSQL', { engine: 'postgres', url: url.toString() }, async () => {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	});
} else {
	console.log('\n(PostgreSQL: set DATABASE_URL to include it)');
}
