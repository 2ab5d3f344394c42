/**
 * `npm run bench:realtime`: the real-time issue's benchmark, on PostgreSQL.
 *
 * 1,000 socket.io clients, signed in as participants (session cookies of 50 people), follow one
 * meeting of the production build (`server.js`). One writer changes agenda items through the API
 * 20 times a second for 30 seconds. For every client, the time from the start of the write request
 * to the receipt of its event: p50, p99, max, events lost, and the server's memory per connection.
 * The same fan-out from a bare socket.io server (bench/realtime-bare.ts) is the baseline. Then 100
 * and 1,000 clients split over two processes with Redis: the delivery to the other process's half.
 * Before each app phase the clients join the meeting all at once: the time until every client's
 * presence list holds everyone (as a page shows it: the follow's answer with the deltas applied),
 * and the server CPU spent until then.
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else DATABASE_URL, else 127.0.0.1:5432; Redis: TEST_REDIS_URL,
 * else 127.0.0.1:6379. BENCH_CLIENTS, BENCH_DURATION (seconds), BENCH_RATE (writes a second),
 * BENCH_SETTLE (seconds to wait once the joins' presence updates are quiet, before measuring),
 * BENCH_PEOPLE (distinct people behind the clients; as many as clients unless set).
 * Needs `npm run build` (npm run bench:realtime does it).
 */
import { readFileSync } from 'node:fs';
import {
	connectClients as connect,
	fmt,
	ITEMS,
	measureJoin,
	newestEventId,
	pct,
	seedFollowers,
	verdict,
	writeThroughApi,
	type Client,
	type JoinRun,
	type Setup,
	type Write,
	startBareBaseline
} from './follow-setup';

if (process.env.BENCH_POSTGRES_URL) process.env.DATABASE_URL = process.env.BENCH_POSTGRES_URL;
const { createDatabase, freePort, REDIS_SERVER, startApp } =
	await import('../tests/support/app-processes');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 20);
/** Seconds of quiet after the presence updates of the joins, before measuring. */
const SETTLE_S = Number(process.env.BENCH_SETTLE ?? 15);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? CLIENTS);

interface Run {
	label: string;
	latencies: number[];
	/** The latencies by the 5-second window their write started in: a stall shows where it was. */
	windows: number[][];
	expected: number;
	received: number;
}

const database = await createDatabase('bench_realtime');
const cleanups: Array<() => Promise<void>> = [async () => database.drop()];
try {
	console.log(
		`\nReal-time benchmark on PostgreSQL, ${CLIENTS} clients, ${RATE} writes/s for ${DURATION_S} s`
	);
	const first = await startApp({ databaseUrl: database.url, env: { NODE_ENV: 'production' } });
	const setup = await seedFollowers(database.url, CLIENTS, PEOPLE);
	const joins: JoinRun[] = [];
	await first.stop();

	// One process, no Redis.
	const app = await startApp({ databaseUrl: database.url, env: { NODE_ENV: 'production' } });
	cleanups.push(() => app.kill());
	const rssBefore = rss(app.child.pid!);
	const clients = await connectClients(CLIENTS, () => app.url, setup, { follow: false });
	const perConnection = (rss(app.child.pid!) - rssBefore) / CLIENTS;
	joins.push(await measureJoin('joining, one process', clients, setup, [app.child.pid!]));
	await settle();
	const appItems = { ids: setup.itemIds, versions: setup.versions };
	const one = await measure('one process', clients, appItems, (write) =>
		writeThroughApi(app.url, setup, write)
	);
	for (const client of clients) client.close();
	await app.stop();

	// The bare socket.io baseline, same clients, same rate.
	const bare = await startBareBaseline(await freePort());
	cleanups.push(bare.kill);
	const bareUrl = bare.url;
	const bareClients = await connectClients(CLIENTS, () => bareUrl, setup, { signedIn: false });
	const bareItems = {
		ids: Array.from({ length: ITEMS }, (_, n) => `bare-${n}`),
		versions: new Map<string, number>()
	};
	const baseline = await measure('bare socket.io', bareClients, bareItems, (write) =>
		fetch(`${bareUrl}/emit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				id: write.n,
				type: 'agenda_item.updated.v1',
				subjectId: write.itemId,
				payload: { version: write.version, title: write.title }
			})
		}).then(() => true)
	);
	for (const client of bareClients) client.close();
	bare.stop();

	// Two processes with Redis: write through A, measure the clients on B.
	const cross: Run[] = [];
	for (const count of [100, CLIENTS]) {
		const a = await startApp({
			databaseUrl: database.url,
			redisUrl: REDIS_SERVER,
			env: { NODE_ENV: 'production' }
		});
		const b = await startApp({
			databaseUrl: database.url,
			redisUrl: REDIS_SERVER,
			env: { NODE_ENV: 'production' }
		});
		cleanups.push(
			() => a.kill(),
			() => b.kill()
		);
		const split = await connectClients(count, (index) => (index % 2 === 0 ? a.url : b.url), setup, {
			follow: false
		});
		const pids = [a.child.pid!, b.child.pid!];
		joins.push(await measureJoin(`joining, two processes, ${count} clients`, split, setup, pids));
		await settle();
		const onB = split.filter((_, index) => index % 2 === 1);
		const run = await measure(
			`two processes, ${count} clients (the ${onB.length} on B)`,
			onB,
			appItems,
			(write) => writeThroughApi(a.url, setup, write)
		);
		cross.push(run);
		for (const client of split) client.close();
		await a.stop();
		await b.stop();
	}

	console.log('\nResults');
	const line = (run: Run) => {
		const lost = run.expected - run.received;
		return `${run.label.padEnd(44)} p50 ${fmt(pct(run.latencies, 50))}  p99 ${fmt(pct(run.latencies, 99))}  max ${fmt(pct(run.latencies, 100))}  lost ${lost} of ${run.expected}`;
	};
	console.log(`  ${line(one)}`);
	console.log(`  ${line(baseline)}`);
	for (const run of cross) console.log(`  ${line(run)}`);
	console.log('\n  p99 by 5-second window of the writes');
	for (const run of [one, baseline, ...cross]) {
		const windows = run.windows.map((values) => fmt(pct(values, 99)).trim()).join(', ');
		console.log(`  ${run.label.padEnd(44)} ${windows}`);
	}
	console.log(`  memory per connection (server RSS): ${(perConnection / 1024).toFixed(1)} KB`);
	console.log('\n  Joining at once: until every presence list holds everyone');
	for (const join of joins) {
		console.log(
			`  ${join.label.padEnd(44)} ${join.clients} clients, ${join.people} people: settled ${fmt(join.settledMs)}, ` +
				`answers ${fmt(join.answeredMs)}, server CPU ${join.cpuSeconds.toFixed(2)} s, ` +
				`${join.deltasPerClient.toFixed(1)} presence messages per client`
		);
	}
	const ratio = pct(one.latencies, 99) / pct(baseline.latencies, 99);
	console.log(
		`  p99 app / bare socket.io: ${ratio.toFixed(2)} (p50 ${(pct(one.latencies, 50) / pct(baseline.latencies, 50)).toFixed(2)})`
	);
	console.log('\nGoals');
	console.log(
		`  p99 ≤ 100 ms at ${CLIENTS} clients, one process: ${verdict(pct(one.latencies, 99) <= 100)}`
	);
	console.log(`  at most twice the bare baseline (p99): ${verdict(ratio <= 2)}`);
	console.log(
		`  cross-process p99 ≤ 150 ms: ${verdict(cross.every((run) => pct(run.latencies, 99) <= 150))}`
	);
	const lostTotal = [one, ...cross].reduce((sum, run) => sum + run.expected - run.received, 0);
	console.log(`  0 lost events: ${verdict(lostTotal === 0)}`);
	console.log(
		`  ${CLIENTS} clients joining at once, presence settled ≤ 3 s: ${verdict(joins.every((join) => join.settledMs <= 3_000))}`
	);
} catch (error) {
	console.error('\nThe benchmark failed:', error);
	process.exitCode = 1;
} finally {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
	process.exit(process.exitCode ?? 0);
}

/** Writes at RATE for DURATION_S through `write`; each item's version counts up in `versions`. */
async function measure(
	label: string,
	clients: Client[],
	items: { ids: string[]; versions: Map<string, number> },
	write: (write: Write) => Promise<boolean>
): Promise<Run> {
	const startedAt = new Map<string, number>();
	const latencies: number[] = [];
	const windows: number[][] = [];
	let begin = 0;
	let received = 0;
	for (const client of clients) {
		client.onEvent = (event, at) => {
			if (event.type !== 'agenda_item.updated.v1') return;
			const key = `${event.subjectId}:${String(event.payload.version)}`;
			const t0 = startedAt.get(key);
			if (t0 === undefined) return;
			latencies.push(at - t0);
			(windows[Math.floor((t0 - begin) / 5_000)] ??= []).push(at - t0);
			received++;
		};
	}
	let n = 0;
	let succeeded = 0;
	const pending: Promise<void>[] = [];
	const total = DURATION_S * RATE;
	begin = performance.now();
	for (; n < total; n++) {
		const due = begin + (n * 1000) / RATE;
		const wait = due - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		const itemId = items.ids[n % items.ids.length]!;
		const version = (items.versions.get(itemId) ?? 0) + 1;
		items.versions.set(itemId, version);
		const entry = { n: n + 1, itemId, version, title: `Bench-punt ${(n % ITEMS) + 1} (${n})` };
		startedAt.set(`${itemId}:${version}`, performance.now());
		pending.push(write(entry).then((ok) => void (ok && succeeded++)));
	}
	await Promise.all(pending);
	await new Promise((resolve) => setTimeout(resolve, 3_000)); // the last events drain
	for (const client of clients) client.onEvent = null;
	const run = { label, latencies, windows, expected: succeeded * clients.length, received };
	console.log(`  ${label}: ${succeeded} writes, ${received} deliveries`);
	return run;
}

function rss(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * Clients for one phase; signed-in ones start from the log's present (earlier phases wrote).
 * The app's clients join the meeting afterwards, measured (measureJoin).
 */
async function connectClients(
	count: number,
	urlFor: (index: number) => string,
	setup: Setup,
	{ signedIn = true, follow = true }: { signedIn?: boolean; follow?: boolean }
): Promise<Client[]> {
	const since = signedIn ? await newestEventId(database.url) : 0;
	return connect(count, urlFor, setup, {
		signedIn,
		since,
		follow,
		settleSeconds: follow ? SETTLE_S : 0
	});
}

/** Quiet before measuring the events: the joins' last messages are out. */
function settle() {
	return new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1_000));
}
