/**
 * `npm run bench:agenda` (part of `npm run bench`): the agenda issue's load test, on PostgreSQL.
 *
 * A meeting of 40 items, 400 comments and 60 attachments amid 200 other meetings and 5,000 other
 * items. The production build (`server.js`) serves it; autocannon puts 50 connections for 20
 * seconds on each of: the signed-in meeting page, the meeting's agenda in the API, and a trivial
 * route (/healthz). Prints requests per second, p50, p99 and the CPU time per request (user +
 * system, from /proc) of the app process and of the PostgreSQL backends serving it (when the
 * server runs on this machine) for each, and each one's throughput as a share of the trivial
 * route's, against the goals.
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else DATABASE_URL, else this machine's 127.0.0.1:5432. A fresh
 * database is created for the run and dropped after it. Run `npm run build` first (npm run bench
 * does). To compare with the code before a change, run this file from a built copy of that code
 * (say `git archive` of the old commit, with node_modules linked): back to back, same machine load.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { sessionCookieName } from '../src/lib/server/auth/cookie';
import { seedAgendaLoad } from './agenda-data';
import { cpuSeconds } from './follow-setup';

const SERVER_URL =
	process.env.BENCH_POSTGRES_URL ??
	process.env.DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
/** Extra flags for the server's node, e.g. BENCH_NODE_ARGS=--cpu-prof to profile it. */
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(1);
}

const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
const name = `oho_bench_agenda_${Date.now()}`;
await admin.unsafe(`create database ${name}`);
const url = new URL(SERVER_URL);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

let server: ChildProcess | undefined;
try {
	console.log(`\nAgenda load test on PostgreSQL (${url.host}), database ${name}`);
	const started = performance.now();
	const load = await seedAgendaLoad(databaseUrl);
	console.log(
		`  data: ${load.counts.meetings} meetings, ${load.counts.items} items, ` +
			`${load.counts.comments} comments, ${load.counts.attachments} attachments ` +
			`(${((performance.now() - started) / 1000).toFixed(1)} s to generate)`
	);

	server = await startServer(databaseUrl);
	const base = `http://127.0.0.1:${PORT}`;
	const targets: { key: string; label: string; path: string; headers: Record<string, string> }[] = [
		{
			key: 'page',
			label: 'meeting page (signed in)',
			path: `/vergaderingen/${load.meetingId}`,
			// NODE_ENV=production: the cookie has its production name (__Host-…).
			headers: { cookie: `${sessionCookieName(true)}=${load.sessionToken}` }
		},
		{
			key: 'api',
			label: 'agenda in the API',
			path: `/api/v1/meetings/${load.meetingId}/agenda`,
			headers: { authorization: `Bearer ${load.apiToken}` }
		},
		{ key: 'trivial', label: 'trivial route (/healthz)', path: '/healthz', headers: {} }
	];

	// A request each first: a wrong route or a refused session must fail the bench, not be measured.
	for (const target of targets) {
		const response = await fetch(base + target.path, {
			headers: target.headers,
			redirect: 'manual'
		});
		const body = await response.text();
		if (response.status !== 200) {
			throw new Error(`${target.path} answered ${response.status}: ${body.slice(0, 300)}`);
		}
		console.log(`  ${target.label}: ${(body.length / 1024).toFixed(1)} KB`);
		if (target.path.startsWith('/vergaderingen') && !body.includes(load.firstItemTitle)) {
			throw new Error(`the meeting page does not show the agenda: ${body.slice(0, 2000)}`);
		}
	}

	// BENCH_ONLY=api (or page, trivial) measures one route alone, e.g. to profile it
	// (BENCH_NODE_ARGS=--cpu-prof): the profile then holds that route's requests only.
	const only = process.env.BENCH_ONLY;
	const measured = only ? targets.filter((t) => t.key === only) : targets;
	const results = [];
	for (const target of measured) {
		await run(base + target.path, target.headers, 3); // warm-up
		const cpuBefore = await cpuSeconds(server.pid!);
		const databaseBefore = await databaseCpu();
		const result = await run(base + target.path, target.headers, DURATION_S);
		const cpu = (await cpuSeconds(server.pid!)) - cpuBefore;
		const databaseUsed = databaseDelta(databaseBefore, await databaseCpu());
		// Milliseconds of CPU per answered request, the app's and PostgreSQL's: what a route costs,
		// whatever the machine's other load does to its throughput.
		const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, result.requests.total);
		const cpuMs = perRequest(cpu);
		const dbMs = databaseUsed === null ? null : perRequest(databaseUsed);
		results.push({ ...target, result, cpuMs, dbMs });
	}

	const trivial = results.find((r) => r.key === 'trivial')?.result.requests.average ?? NaN;
	console.log(
		`\n  ${CONNECTIONS} connections, ${DURATION_S} s each, one app process (Node ${process.version})`
	);
	console.log(
		`  ${'route'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ` +
			`${'CPU/req'.padStart(9)} ${'PG/req'.padStart(9)} ${'share'.padStart(7)}  errors`
	);
	for (const { label, result, cpuMs, dbMs } of results) {
		const share = (result.requests.average / trivial) * 100;
		console.log(
			`  ${label.padEnd(28)} ${result.requests.average.toFixed(0).padStart(8)} ` +
				`${(result.latency.p50.toFixed(1) + ' ms').padStart(8)} ${(result.latency.p99.toFixed(1) + ' ms').padStart(8)} ` +
				`${(cpuMs.toFixed(2) + ' ms').padStart(9)} ${(dbMs === null ? '-' : dbMs.toFixed(2) + ' ms').padStart(9)} ${(Number.isFinite(share) ? share.toFixed(0) + '%' : '-').padStart(7)}  ` +
				`${result.errors + result.non2xx}`
		);
	}
	// Not process.exit: the server must be stopped and the database dropped (finally, below).
	if (!only) printGoals(results, trivial);
} finally {
	server?.kill('SIGTERM');
	if (server) await new Promise((resolve) => server!.once('exit', resolve));
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
}

/**
 * CPU seconds so far of the PostgreSQL backends serving the bench's database, by pid; null when
 * the server is not on this machine (its processes are not in /proc).
 */
async function databaseCpu(): Promise<Map<number, number> | null> {
	if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
	const rows = await admin<{ pid: number }[]>`
		select pid from pg_stat_activity where datname = ${name}`;
	const seconds = new Map<number, number>();
	for (const { pid } of rows) {
		// A backend may end between the query and the read; none readable: another machine's.
		await cpuSeconds(pid).then(
			(used) => seconds.set(pid, used),
			() => undefined
		);
	}
	return rows.length > 0 && seconds.size === 0 ? null : seconds;
}

/** What the backends used between two readings; one that appeared in between, all it used. */
function databaseDelta(
	before: Map<number, number> | null,
	after: Map<number, number> | null
): number | null {
	if (!before || !after) return null;
	let used = 0;
	for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
	return used;
}

interface Measured {
	key: string;
	result: autocannon.Result;
}

function printGoals(results: Measured[], trivial: number) {
	const page = results.find((r) => r.key === 'page')!.result;
	const api = results.find((r) => r.key === 'api')!.result;
	const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
	console.log('\n  goals');
	console.log(
		`  meeting page p99 ≤ 100 ms: ${page.latency.p99.toFixed(1)} ms, ${goal(page.latency.p99 <= 100)}`
	);
	const pageShare = page.requests.average / trivial;
	const apiShare = api.requests.average / trivial;
	console.log(
		`  meeting page ≥ 25% of trivial: ${(pageShare * 100).toFixed(0)}%, ${goal(pageShare >= 0.25)}`
	);
	console.log(`  API ≥ 50% of trivial: ${(apiShare * 100).toFixed(0)}%, ${goal(apiShare >= 0.5)}`);
}

function run(target: string, headers: Record<string, string>, duration: number) {
	return autocannon({ url: target, connections: CONNECTIONS, duration, headers });
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
	// A server left on the port (say, by an interrupted run) would answer for ours with another database.
	const stale = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
		() => true,
		() => false
	);
	if (stale) throw new Error(`port ${PORT} is already in use; set BENCH_PORT or stop that process`);
	const child = spawn(process.execPath, [...nodeArgs, 'server.js'], {
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${PORT}`,
			DEMO: 'false',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server.js exited with ${child.exitCode}`);
		try {
			const response = await fetch(`http://127.0.0.1:${PORT}/readyz`);
			if (response.ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	child.kill('SIGKILL');
	throw new Error('server.js did not become ready within 60 s');
}
