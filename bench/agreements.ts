/**
 * `npm run bench:agreements` (part of `npm run bench`): the agreements issue's load test, on
 * PostgreSQL.
 *
 * 5,000 agreements with 50,000 progress reports (bench/agreements-data.ts). The production build
 * (`server.js`) serves them; autocannon puts 20 connections for 20 seconds on each of: the register
 * filtered on "overdue for my party" in the API, the same while a progress report is committed every
 * 100 ms (what an answer kept until the next event costs when the state keeps changing), the party dashboard's counts in the API (both with
 * a VNG medewerker's Bearer token), the signed-in register page with the same filters, the same
 * token's own account (/api/v1/me: what a signed-in API request costs with next to no work of its own) and
 * a trivial route (/healthz), in one run. Prints requests per second, p50, p99, the CPU time per
 * request of the app and of the PostgreSQL backends serving it, each one's p99 as a multiple of the
 * trivial route's and its throughput as a share of it, against the goal (p99 ≤ 100 ms).
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else DATABASE_URL, else this machine's 127.0.0.1:5432. A fresh
 * database is created for the run and dropped after it. Run `npm run build` first (npm run bench
 * does). BENCH_ONLY=register (or register-writes, dashboard, page, me, trivial, or several: register,trivial) measures
 * those routes alone, e.g. to profile one with BENCH_NODE_ARGS=--cpu-prof.
 */
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { sessionCookieName } from '../src/lib/server/auth/cookie';
import { seedAgreementsLoad } from './agreements-data';
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
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const GOAL_P99_MS = 100;

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(1);
}

const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
const name = `oho_bench_agreements_${Date.now()}`;
await admin.unsafe(`create database ${name}`);
const url = new URL(SERVER_URL);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

interface Target {
	key: string;
	label: string;
	path: string;
	headers: Record<string, string>;
	/** A change committed this often (ms) while the route is measured: a progress report. */
	changeEvery?: number;
	/** What the sanity request's answer must hold; throws when it does not. */
	check?: (body: string) => void;
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
	console.log(`\nAgreements load test on PostgreSQL (${url.host}), database ${name}`);
	const started = performance.now();
	const load = await seedAgreementsLoad(databaseUrl);
	const { counts, expected } = load;
	console.log(
		`  data: ${counts.agreements} agreements at ${counts.meetings} meetings (${counts.decisions} ` +
			`decisions), ${counts.owners} owners, ${counts.ratifications} ratifications, ` +
			`${counts.progress} progress reports; ${expected.overdue} overdue, ${expected.overdueVng} ` +
			`of them VNG's (${((performance.now() - started) / 1000).toFixed(1)} s to generate)`
	);

	server = await startServer(databaseUrl, PORT);
	const base = `http://127.0.0.1:${PORT}`;
	const bearer = { authorization: `Bearer ${load.apiToken}` };
	let firstTitle = '';
	let firstId = '';
	const targets: Target[] = [
		{
			key: 'register',
			label: 'register, overdue, my party',
			path: '/api/v1/agreements?overdue=true&myParty=true',
			headers: bearer,
			check(body) {
				const page = JSON.parse(body) as {
					total: number;
					rows: { id: string; title: string; overdue: boolean; owners: { party: string }[] }[];
				};
				if (page.total !== expected.overdueVng || page.rows.length === 0)
					throw new Error(`the register counts ${page.total}, not ${expected.overdueVng}`);
				const wrong = page.rows.find((r) => !r.overdue || !r.owners.some((o) => o.party === 'vng'));
				if (wrong) throw new Error(`the register shows "${wrong.title}", not overdue for VNG`);
				firstTitle = page.rows[0]!.title;
				firstId = page.rows[0]!.id;
			}
		},
		{
			// The same, while VNG reports progress ten times a second: every answer kept until the
			// next event (events/memo.ts) is then computed again after each change.
			key: 'register-writes',
			label: 'register, a change per 100 ms',
			path: '/api/v1/agreements?overdue=true&myParty=true',
			headers: bearer,
			changeEvery: 100
		},
		{
			key: 'dashboard',
			label: 'party dashboard counts',
			path: '/api/v1/agreements/dashboard/counts',
			headers: bearer,
			check(body) {
				const counts = JSON.parse(body) as { party: string; open: number; overdue: number };
				if (
					counts.party !== 'vng' ||
					counts.open !== expected.openVng ||
					counts.overdue !== expected.overdueVng
				)
					throw new Error(`the dashboard counts ${body}, not ${JSON.stringify(expected)}`);
			}
		},
		{
			key: 'page',
			label: 'register page (signed in)',
			path: '/afspraken?verlopen=ja&mijn-partij=ja',
			// NODE_ENV=production: the cookie has its production name (__Host-…).
			headers: { cookie: `${sessionCookieName(true)}=${load.sessionToken}` },
			check(body) {
				if (!body.includes(firstTitle))
					throw new Error(
						`the register page does not list "${firstTitle}": ${body.slice(0, 2000)}`
					);
			}
		},
		{
			key: 'me',
			label: 'signed-in API (/api/v1/me)',
			path: '/api/v1/me',
			headers: bearer,
			check(body) {
				const me = JSON.parse(body) as { party: string; via: string };
				if (me.party !== 'vng' || me.via !== 'token')
					throw new Error(`/api/v1/me answers for someone else: ${body}`);
			}
		},
		{ key: 'trivial', label: 'trivial route (/healthz)', path: '/healthz', headers: {} }
	];

	const only = process.env.BENCH_ONLY?.split(',');
	const measured = only ? targets.filter((t) => only.includes(t.key)) : targets;
	// A request each first: a wrong route, a refused token or a wrong answer fails the bench. The
	// register's always, since the page's check needs its first row.
	for (const target of targets.filter((t) => t.key === 'register' || measured.includes(t))) {
		const response = await fetch(base + target.path, {
			headers: target.headers,
			redirect: 'manual'
		});
		const body = await response.text();
		if (response.status !== 200) {
			throw new Error(`${target.path} answered ${response.status}: ${body.slice(0, 300)}`);
		}
		target.check?.(body);
		console.log(`  ${target.label}: ${(body.length / 1024).toFixed(1)} KB`);
	}

	const results = [];
	for (const target of measured) {
		await run(base + target.path, target.headers, 3); // warm-up
		const cpuBefore = await cpuSeconds(server.pid!);
		const databaseBefore = await databaseCpu(admin, url, name);
		let changes = 0;
		let refused: string | undefined;
		const writer = target.changeEvery
			? setInterval(() => {
					void fetch(`${base}/api/v1/agreements/${firstId}/progress`, {
						method: 'POST',
						headers: { ...bearer, 'content-type': 'application/json' },
						body: JSON.stringify({ text: `Voortgang ${++changes}.`, percent: changes % 100 })
					}).then(async (response) => {
						if (response.status !== 201)
							refused ??= `a progress report answered ${response.status}: ${await response.text()}`;
					});
				}, target.changeEvery)
			: undefined;
		const result = await run(base + target.path, target.headers, DURATION_S);
		clearInterval(writer);
		// Thrown here, inside the try: the server is stopped and the database dropped.
		if (refused) throw new Error(refused);
		if (writer) console.log(`  ${target.label}: ${changes} changes while measured`);
		const cpu = (await cpuSeconds(server.pid!)) - cpuBefore;
		const databaseUsed = databaseDelta(databaseBefore, await databaseCpu(admin, url, name));
		// Milliseconds of CPU per answered request, the app's and PostgreSQL's: what a route costs,
		// whatever the machine's other load does to its throughput.
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
		`  ${'route'.padEnd(28)} ${'req/s'.padStart(7)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ` +
			`${'CPU/req'.padStart(9)} ${'PG/req'.padStart(9)} ${'p99 ×'.padStart(7)} ${'share'.padStart(6)}  errors`
	);
	const ms = (value: number) => `${value.toFixed(1)} ms`;
	for (const { label, result, cpuMs, dbMs } of results) {
		// How many times the trivial route's p99, and what share of its throughput.
		const times = trivial ? result.latency.p99 / Math.max(trivial.latency.p99, 1) : NaN;
		const share = trivial ? (result.requests.average / trivial.requests.average) * 100 : NaN;
		console.log(
			`  ${label.padEnd(28)} ${result.requests.average.toFixed(0).padStart(7)} ` +
				`${ms(result.latency.p50).padStart(9)} ${ms(result.latency.p99).padStart(9)} ` +
				`${(cpuMs.toFixed(2) + ' ms').padStart(9)} ${(dbMs === null ? '-' : dbMs.toFixed(2) + ' ms').padStart(9)} ` +
				`${(Number.isFinite(times) ? times.toFixed(1) + '×' : '-').padStart(7)} ` +
				`${(Number.isFinite(share) ? share.toFixed(0) + '%' : '-').padStart(6)}  ` +
				`${result.errors + result.non2xx}`
		);
	}
	console.log('\n  goals');
	for (const { key, label, result } of results) {
		if (key === 'trivial' || key === 'me') continue;
		const met = result.latency.p99 <= GOAL_P99_MS && result.errors + result.non2xx === 0;
		console.log(
			`  ${label} p99 ≤ ${GOAL_P99_MS} ms: ${ms(result.latency.p99)}, ${met ? 'met' : 'NOT met'}`
		);
	}
	// Not process.exit: the server must be stopped and the database dropped (finally, below).
} finally {
	server?.kill('SIGTERM');
	if (server) await new Promise((resolve) => server!.once('exit', resolve));
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
}
