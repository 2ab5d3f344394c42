/**
 * `npm run bench:finance` (part of `npm run bench`): the finance issue's load test, on PostgreSQL.
 *
 * 2,000 arrangements with 5 ledger entries of 10 years each and 20 circulars
 * (bench/finance-data.ts). The production build (`server.js`) serves them; autocannon puts 20
 * connections for 20 seconds on each of: the totals API (/api/v1/finance/totals) now and as known
 * at a past day, the same while an entry is recorded every 100 ms (the answer kept until the next
 * event is then computed again after each change), the signed-in totals page (/financien/totalen)
 * now and as known then, and a trivial route (/healthz), in one run. Prints requests per second,
 * p50, p99, the CPU time per request of the app and of the PostgreSQL backends, each p99 as a
 * multiple of the trivial route's and its throughput as a share of it, against the goals
 * (p99 ≤ 100 ms and ≥ 50% of the trivial route's throughput).
 *
 * The changes are recorded in this process through the verb (recordEntry, by a Financiën
 * medewerker) on the same database: each writes its event, which ends what the server remembered.
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else DATABASE_URL, else this machine's 127.0.0.1:5432. A fresh
 * database is created for the run and dropped after it. Run `npm run build` first (npm run bench
 * does). BENCH_ONLY=api (or api-asof, api-writes, api-asof-writes, page, page-asof, trivial, or
 * several) measures those alone.
 */
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { sessionCookieName } from '../src/lib/server/auth/cookie';
import { withDatabase } from '../src/lib/server/db';
import { openDatabase } from '../src/lib/server/db/database';
import { recordEntry } from '../src/lib/server/finance';
import { endOfAmsterdamDay } from '../src/lib/time';
import { seedFinanceLoad } from './finance-data';
import {
	CONNECTIONS,
	DURATION_S,
	databaseCpu,
	databaseDelta,
	run,
	startServer
} from './agreements-load';
import { cpuSeconds } from './follow-setup';

const SERVER_URL =
	process.env.BENCH_POSTGRES_URL ??
	process.env.DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const GOAL_P99_MS = 100;
const GOAL_SHARE = 50;
const DAY = 86_400_000;

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(1);
}

const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
const name = `oho_bench_finance_${Date.now()}`;
await admin.unsafe(`create database ${name}`);
const url = new URL(SERVER_URL);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

interface Target {
	key: string;
	label: string;
	path: string;
	headers: Record<string, string>;
	/** An entry recorded this often (ms) while the route is measured. */
	changeEvery?: number;
	check?: (body: string) => void;
}

/** The past day "as known at": two years back, in Amsterdam's calendar (a day is enough here). */
const pastDay = new Date(Date.now() - 730 * DAY).toISOString().slice(0, 10);

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let writerHandle: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
	console.log(`\nFinance load test on PostgreSQL (${url.host}), database ${name}`);
	const started = performance.now();
	const load = await seedFinanceLoad(databaseUrl);
	const { counts } = load;
	console.log(
		`  data: ${counts.arrangements} arrangements, ${counts.entries} entries with ${counts.lines} ` +
			`lines, ${counts.circulars} circulars with ${counts.circularAmounts} processed amounts ` +
			`(${((performance.now() - started) / 1000).toFixed(1)} s to generate); as known at ${pastDay}`
	);
	// "As known at" a day is as known at its end in Amsterdam (moments.ts).
	const pastEnd = endOfAmsterdamDay(pastDay);
	const expectedNow = load.expectedTotal(null);
	const expectedThen = load.expectedTotal(pastEnd.getTime());

	server = await startServer(databaseUrl, PORT);
	const base = `http://127.0.0.1:${PORT}`;
	const bearer = { authorization: `Bearer ${load.apiToken}` };
	const cookie = { cookie: `${sessionCookieName(true)}=${load.sessionToken}` };
	const totalIs = (expected: number) => (body: string) => {
		const totals = JSON.parse(body) as { total: { totalCents: number } };
		if (totals.total.totalCents !== expected)
			throw new Error(`the totals say ${totals.total.totalCents} cents, not ${expected}`);
	};
	const pageHolds = (body: string) => {
		if (!body.includes('<table'))
			throw new Error(`the totals page shows no table: ${body.slice(0, 500)}`);
	};
	const targets: Target[] = [
		{
			key: 'api',
			label: 'totals API, now',
			path: '/api/v1/finance/totals',
			headers: bearer,
			check: totalIs(expectedNow)
		},
		{
			key: 'api-asof',
			label: `totals API, as at ${pastDay}`,
			path: `/api/v1/finance/totals?asOf=${pastDay}`,
			headers: bearer,
			check: totalIs(expectedThen)
		},
		{
			key: 'api-writes',
			label: 'totals API, change/100 ms',
			path: '/api/v1/finance/totals',
			headers: bearer,
			changeEvery: 100
		},
		{
			key: 'api-asof-writes',
			label: 'totals API as at, chg/100ms',
			path: `/api/v1/finance/totals?asOf=${pastDay}`,
			headers: bearer,
			changeEvery: 100
		},
		{
			key: 'page',
			label: 'totals page, now',
			path: '/financien/totalen',
			headers: cookie,
			check: pageHolds
		},
		{
			key: 'page-asof',
			label: `totals page, as at ${pastDay}`,
			path: `/financien/totalen?bekend-op-datum=${pastDay}`,
			headers: cookie,
			check: pageHolds
		},
		{ key: 'trivial', label: 'trivial route (/healthz)', path: '/healthz', headers: {} }
	];

	const only = process.env.BENCH_ONLY?.split(',');
	let measured = only ? targets.filter((t) => only.includes(t.key)) : targets;
	const missing: string[] = [];
	for (const target of measured) {
		const response = await fetch(base + target.path, {
			headers: target.headers,
			redirect: 'manual'
		});
		const body = await response.text();
		if (response.status === 404) {
			missing.push(target.path);
			continue;
		}
		if (response.status !== 200)
			throw new Error(`${target.path} answered ${response.status}: ${body.slice(0, 300)}`);
		target.check?.(body);
		console.log(`  ${target.label}: ${(body.length / 1024).toFixed(1)} KB`);
	}
	if (missing.length) console.log(`  not in this build (404), left out: ${missing.join(', ')}`);
	measured = measured.filter((t) => !missing.includes(t.path));

	// The writer: a Financiën medewerker records entries through the verb, on the same database.
	writerHandle = await openDatabase({ engine: 'postgres', url: databaseUrl, maxConnections: 2 });
	const writerDb = writerHandle.db;
	const fin = {
		personId: load.financeStaff.id,
		name: load.financeStaff.name,
		organisationId: load.financeStaff.organisationId,
		party: 'rijk' as const,
		role: 'medewerker' as const,
		via: 'session' as const,
		scope: 'write' as const
	};

	// Counted over the whole run, so each entry changes something (the same amount twice is refused).
	let written = 0;
	const results = [];
	for (const target of measured) {
		await run(base + target.path, target.headers, 3); // warm-up
		const cpuBefore = await cpuSeconds(server.pid!);
		const databaseBefore = await databaseCpu(admin, url, name);
		let changes = 0;
		let refused: string | undefined;
		let busy = false;
		const writer = target.changeEvery
			? setInterval(() => {
					if (busy) return;
					busy = true;
					changes++;
					const n = ++written;
					const id = load.arrangementIds[n % load.arrangementIds.length]!;
					withDatabase(writerDb, () =>
						recordEntry(fin, id, {
							reason: `bijgesteld (bench ${n})`,
							amounts: [{ year: 2027, amountCents: n * 100_000 }]
						})
					)
						.catch((error: unknown) => {
							refused ??= `an entry was refused: ${String(error)}`;
						})
						.finally(() => {
							busy = false;
						});
				}, target.changeEvery)
			: undefined;
		const result = await run(base + target.path, target.headers, DURATION_S);
		clearInterval(writer);
		if (refused) throw new Error(refused);
		if (writer) console.log(`  ${target.label}: ${changes} changes while measured`);
		const cpu = (await cpuSeconds(server.pid!)) - cpuBefore;
		const databaseUsed = databaseDelta(databaseBefore, await databaseCpu(admin, url, name));
		const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, result.requests.total);
		results.push({
			...target,
			result,
			cpuMs: perRequest(cpu),
			dbMs: databaseUsed === null ? null : perRequest(databaseUsed)
		});
	}

	const trivial = results.find((r) => r.key === 'trivial')?.result;
	console.log(
		`\n  ${CONNECTIONS} connections, ${DURATION_S} s each, one app process (Node ${process.version})`
	);
	console.log(
		`  ${'route'.padEnd(30)} ${'req/s'.padStart(7)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ` +
			`${'CPU/req'.padStart(9)} ${'PG/req'.padStart(9)} ${'p99 ×'.padStart(7)} ${'share'.padStart(6)}  errors`
	);
	const ms = (value: number) => `${value.toFixed(1)} ms`;
	const shareOf = (average: number) => (trivial ? (average / trivial.requests.average) * 100 : NaN);
	for (const { label, result, cpuMs, dbMs } of results) {
		const times = trivial ? result.latency.p99 / Math.max(trivial.latency.p99, 1) : NaN;
		const share = shareOf(result.requests.average);
		console.log(
			`  ${label.padEnd(30)} ${result.requests.average.toFixed(0).padStart(7)} ` +
				`${ms(result.latency.p50).padStart(9)} ${ms(result.latency.p99).padStart(9)} ` +
				`${(cpuMs.toFixed(2) + ' ms').padStart(9)} ${(dbMs === null ? '-' : dbMs.toFixed(2) + ' ms').padStart(9)} ` +
				`${(Number.isFinite(times) ? times.toFixed(1) + '×' : '-').padStart(7)} ` +
				`${(Number.isFinite(share) ? share.toFixed(0) + '%' : '-').padStart(6)}  ` +
				`${result.errors + result.non2xx}`
		);
	}
	console.log('\n  goals');
	for (const { key, label, result } of results) {
		if (key === 'trivial') continue;
		const share = shareOf(result.requests.average);
		const fast = result.latency.p99 <= GOAL_P99_MS && result.errors + result.non2xx === 0;
		const enough = !Number.isFinite(share) || share >= GOAL_SHARE;
		console.log(
			`  ${label}: p99 ${ms(result.latency.p99)} (≤ ${GOAL_P99_MS} ms ${fast ? 'met' : 'NOT met'}), ` +
				`${Number.isFinite(share) ? share.toFixed(0) + '%' : '-'} of trivial ` +
				`(≥ ${GOAL_SHARE}% ${enough ? 'met' : 'NOT met'})`
		);
	}
} finally {
	await writerHandle?.close();
	server?.kill('SIGTERM');
	if (server) await new Promise((resolve) => server!.once('exit', resolve));
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
}
