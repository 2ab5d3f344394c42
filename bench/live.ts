/**
 * `npm run bench:live`: the live-state issue's benchmark, on PostgreSQL.
 *
 * 1,000 simulated browsers, signed in as participants (sessions of 50 people), follow one meeting
 * of the production build and do what the browser's live layer does when an event arrives: an
 * event that carries the changed row as the meeting page shows it (`payload.row`) is applied in
 * place; any other event for the page makes the browser reload the page's data 150 ms after the
 * last event of a burst (LiveLayer.svelte: `invalidate('app:live')`, a GET of the page's
 * `__data.json`). One writer changes agenda items through the API 20 times a second for 30 s.
 *
 * For every client and write: the time from the start of the write request until that client holds
 * the new state (applied, or a data reload that started after the event arrived has answered).
 * Printed: p50, p99, max, updates lost (not held 20 s after the writes stopped), failed reloads,
 * the server's CPU seconds per write, and the same clients' bare socket.io fan-out as baseline.
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else DATABASE_URL, else 127.0.0.1:5432. BENCH_CLIENTS,
 * BENCH_DURATION (seconds), BENCH_RATE (writes a second), BENCH_SETTLE (seconds of quiet after the
 * joins), BENCH_DRAIN (seconds to wait for the last updates). Needs `npm run build`.
 */
import {
	connectClients,
	cpuSeconds,
	fmt,
	ITEMS,
	newestEventId,
	pct,
	seedFollowers,
	verdict,
	writeThroughApi,
	type Client,
	type Setup,
	startBareBaseline
} from './follow-setup';

if (process.env.BENCH_POSTGRES_URL) process.env.DATABASE_URL = process.env.BENCH_POSTGRES_URL;
const { createDatabase, freePort, startApp } = await import('../tests/support/app-processes');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SETTLE_S = Number(process.env.BENCH_SETTLE ?? 10);
const DRAIN_S = Number(process.env.BENCH_DRAIN ?? 20);
/** LiveLayer.svelte waits this long after the last event of a burst before it reloads. */
const RELOAD_DEBOUNCE_MS = 150;

interface Run {
	label: string;
	latencies: number[];
	expected: number;
	held: number;
	reloads: number;
	failedReloads: number;
	applied: number;
	cpuPerWrite: number;
	/** This benchmark's own CPU (the simulated browsers) per write: where the machine's limit is. */
	clientCpuPerWrite: number;
	writes: number;
}

const database = await createDatabase('bench_live');
const cleanups: Array<() => Promise<void>> = [async () => database.drop()];
try {
	console.log(
		`\nLive-state benchmark on PostgreSQL: ${CLIENTS} simulated browsers, ${RATE} writes/s for ${DURATION_S} s`
	);
	const first = await startApp({ databaseUrl: database.url, env: { NODE_ENV: 'production' } });
	const setup = await seedFollowers(database.url, CLIENTS);
	await first.stop();

	const app = await startApp({ databaseUrl: database.url, env: { NODE_ENV: 'production' } });
	cleanups.push(() => app.kill());
	const since = await newestEventId(database.url);
	const clients = await connectClients(CLIENTS, () => app.url, setup, {
		signedIn: true,
		since,
		settleSeconds: SETTLE_S
	});
	const live = await measure('app, browsers as LiveLayer', clients, setup, app.url, app.child.pid!);
	for (const client of clients) client.close();
	await app.stop();

	// The bare socket.io fan-out to the same number of clients: the floor for delivering an event.
	const bare = await startBareBaseline(await freePort());
	cleanups.push(bare.kill);
	const bareUrl = bare.url;
	const bareClients = await connectClients(CLIENTS, () => bareUrl, setup, {
		signedIn: false,
		since: 0,
		settleSeconds: 1
	});
	const baseline = await measureBare(bareClients, bareUrl, bare.pid);
	for (const client of bareClients) client.close();
	bare.stop();

	console.log('\nResults (write start → the client holds the new state)');
	for (const run of [live, baseline]) {
		console.log(
			`  ${run.label.padEnd(30)} p50 ${fmt(pct(run.latencies, 50))}  p99 ${fmt(pct(run.latencies, 99))}  max ${fmt(pct(run.latencies, 100))}  lost ${run.expected - run.held} of ${run.expected}  CPU/write ${(run.cpuPerWrite * 1000).toFixed(1)} ms (clients ${(run.clientCpuPerWrite * 1000).toFixed(1)} ms)`
		);
	}
	console.log(
		`  app: ${live.applied} updates applied in place, ${live.reloads} data reloads (${live.failedReloads} failed)`
	);
	const ratio = pct(live.latencies, 99) / pct(baseline.latencies, 99);
	console.log(`  p99 app / bare socket.io: ${ratio.toFixed(2)}`);
	console.log('\nGoals');
	console.log(
		`  p99 ≤ 250 ms at ${CLIENTS} followers: ${verdict(pct(live.latencies, 99) <= 250)} (${pct(live.latencies, 99).toFixed(1)} ms)`
	);
	console.log(`  p99 ≤ 2× the bare fan-out's p99: ${verdict(ratio <= 2)}`);
	console.log(`  0 lost: ${verdict(live.expected === live.held)}`);
	console.log(
		`  no page load per follower: ${verdict(live.reloads === 0)} (${(live.reloads / Math.max(1, live.writes)).toFixed(1)} reloads per write)`
	);
} catch (error) {
	console.error('\nThe benchmark failed:', error);
	process.exitCode = 1;
} finally {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
	process.exit(process.exitCode ?? 0);
}

/** One simulated browser: which writes it waits for, and its reload timer. */
interface Browser {
	client: Client;
	/** Write keys whose event arrived, not yet held. */
	waiting: Set<string>;
	timer: ReturnType<typeof setTimeout> | undefined;
}

async function measure(
	label: string,
	clients: Client[],
	setup: Setup,
	url: string,
	pid: number
): Promise<Run> {
	const startedAt = new Map<string, number>();
	const run = emptyRun(label);
	const hold = (key: string, at: number) => {
		const t0 = startedAt.get(key);
		if (t0 === undefined) return;
		run.latencies.push(at - t0);
		run.held++;
	};
	const pageData = `${url}/vergaderingen/${setup.meetingId}/__data.json`;
	const browsers: Browser[] = clients.map((client, index) => {
		const browser: Browser = { client, waiting: new Set(), timer: undefined };
		const reload = async () => {
			// What arrived before the request left is in its answer (the event follows the commit).
			const covered = [...browser.waiting];
			run.reloads++;
			const ok = await fetch(pageData, { headers: { cookie: setup.cookies[index]! } }).then(
				async (response) => {
					await response.arrayBuffer();
					return response.ok;
				},
				() => false
			);
			const at = performance.now();
			if (!ok) {
				run.failedReloads++;
				return;
			}
			for (const key of covered) {
				if (browser.waiting.delete(key)) hold(key, at);
			}
		};
		client.onEvent = (event, at) => {
			if (event.type !== 'agenda_item.updated.v1') return;
			const key = `${event.subjectId}:${String(event.payload.version)}`;
			if (!startedAt.has(key)) return;
			if (event.payload.row !== undefined) {
				run.applied++;
				hold(key, at);
				return;
			}
			browser.waiting.add(key);
			clearTimeout(browser.timer);
			browser.timer = setTimeout(() => void reload(), RELOAD_DEBOUNCE_MS);
		};
		return browser;
	});

	const cpuBefore = await cpuSeconds(pid);
	const clientBefore = process.cpuUsage();
	const total = DURATION_S * RATE;
	let succeeded = 0;
	const pending: Promise<void>[] = [];
	const begin = performance.now();
	for (let n = 0; n < total; n++) {
		const wait = begin + (n * 1000) / RATE - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		const itemId = setup.itemIds[n % setup.itemIds.length]!;
		const version = (setup.versions.get(itemId) ?? 0) + 1;
		setup.versions.set(itemId, version);
		const title = `Bench-punt ${(n % ITEMS) + 1} (${n})`;
		startedAt.set(`${itemId}:${version}`, performance.now());
		pending.push(
			writeThroughApi(url, setup, { n: n + 1, itemId, version, title }).then(
				(ok) => void (ok && succeeded++),
				// A write the server could not take (a reset connection under load) is a failed write.
				(error: unknown) => console.error(`  write failed: ${String(error)}`)
			)
		);
	}
	await Promise.all(pending);
	// Wait until every browser holds every update, or DRAIN_S passed.
	const drainUntil = performance.now() + DRAIN_S * 1000;
	run.expected = succeeded * clients.length;
	while (run.held < run.expected && performance.now() < drainUntil) {
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	run.cpuPerWrite = ((await cpuSeconds(pid)) - cpuBefore) / Math.max(1, succeeded);
	run.clientCpuPerWrite = clientSeconds(clientBefore) / Math.max(1, succeeded);
	run.writes = succeeded;
	for (const browser of browsers) {
		clearTimeout(browser.timer);
		browser.client.onEvent = null;
	}
	console.log(
		`  ${label}: ${succeeded} writes, ${run.held} of ${run.expected} updates held, ${run.reloads} reloads`
	);
	return run;
}

/** The bare fan-out: the same clients, an event per write; holding it is receiving it. */
async function measureBare(clients: Client[], url: string, pid: number): Promise<Run> {
	const startedAt = new Map<number, number>();
	const run = emptyRun('bare socket.io fan-out');
	for (const client of clients) {
		client.onEvent = (event, at) => {
			const t0 = startedAt.get(event.id);
			if (t0 === undefined) return;
			run.latencies.push(at - t0);
			run.held++;
		};
	}
	const cpuBefore = await cpuSeconds(pid);
	const clientBefore = process.cpuUsage();
	const total = DURATION_S * RATE;
	const pending: Promise<unknown>[] = [];
	const begin = performance.now();
	for (let n = 1; n <= total; n++) {
		const wait = begin + ((n - 1) * 1000) / RATE - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		startedAt.set(n, performance.now());
		pending.push(
			fetch(`${url}/emit`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					id: n,
					type: 'agenda_item.updated.v1',
					subjectId: `bare-${n % ITEMS}`,
					payload: { version: n, title: `Bench-punt (${n})` }
				})
			})
		);
	}
	await Promise.all(pending);
	run.expected = total * clients.length;
	const drainUntil = performance.now() + DRAIN_S * 1000;
	while (run.held < run.expected && performance.now() < drainUntil) {
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	run.cpuPerWrite = ((await cpuSeconds(pid)) - cpuBefore) / total;
	run.clientCpuPerWrite = clientSeconds(clientBefore) / total;
	run.writes = total;
	for (const client of clients) client.onEvent = null;
	return run;
}

function clientSeconds(since: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1e6;
}

function emptyRun(label: string): Run {
	return {
		label,
		latencies: [],
		expected: 0,
		held: 0,
		reloads: 0,
		failedReloads: 0,
		applied: 0,
		cpuPerWrite: 0,
		clientCpuPerWrite: 0,
		writes: 0
	};
}
