/**
 * The machinery of the agreements load test (bench/agreements.ts), the same as bench/agenda.ts
 * uses: the production build on a port of its own, autocannon, and the CPU time of the app process
 * and of the PostgreSQL backends serving the bench's database (from /proc, when the server runs on
 * this machine).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import type postgres from 'postgres';
import { cpuSeconds } from './follow-setup';

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
/** Extra flags for the server's node, e.g. BENCH_NODE_ARGS=--cpu-prof to profile it. */
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

export function run(target: string, headers: Record<string, string>, duration: number) {
	return autocannon({ url: target, connections: CONNECTIONS, duration, headers });
}

export async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
	// A server left on the port (say, by an interrupted run) would answer for ours with another database.
	const stale = await fetch(`http://127.0.0.1:${port}/healthz`).then(
		() => true,
		() => false
	);
	if (stale) throw new Error(`port ${port} is already in use; set BENCH_PORT or stop that process`);
	const child = spawn(process.execPath, [...nodeArgs, 'server.js'], {
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DEMO: 'false',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server.js exited with ${child.exitCode}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/readyz`);
			if (response.ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	child.kill('SIGKILL');
	throw new Error('server.js did not become ready within 60 s');
}

/**
 * CPU seconds so far of the PostgreSQL backends serving a database, by pid; null when the server
 * is not on this machine (its processes are not in /proc).
 */
export async function databaseCpu(
	admin: postgres.Sql,
	url: URL,
	name: string
): Promise<Map<number, number> | null> {
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
export function databaseDelta(
	before: Map<number, number> | null,
	after: Map<number, number> | null
): number | null {
	if (!before || !after) return null;
	let used = 0;
	for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
	return used;
}
