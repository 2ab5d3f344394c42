/**
 * `npm run bench:writers`: do writers on different meetings wait for each other? On PostgreSQL
 * (DATABASE_URL names the server; a database is made for the run and dropped after), 1 writer and
 * then 4 writers, each on a meeting of its own, do what the secretariaat and a proposer do all
 * day: change an item's text (updateItem) and move an item on the agenda (placeItem), one whole
 * verb after another, as fast as they can. Twice: the writers as concurrent work in one process
 * (like concurrent requests to one app process), and each writer a process of its own (like
 * several app processes, so that one JavaScript thread does not bound the figure).
 * Printed per round: writes per second, the latency of a write, the CPU cores busy on the machine,
 * and how many connections were seen waiting for the event-order lock; then the ratio of 4
 * writers' total to 1 writer's. Last, one writer alone and beside bulk imports on another meeting
 * (many rows with their events in one transaction, as finance will have): with the order lock
 * held from the first append to the commit, each import stopped every other writer.
 *
 * The ideal ratio is 4 on 4 free cores; this machine has 2, shared by Node and PostgreSQL (and
 * whatever else runs), so read it beside a run on the code before a change: copy this file into a
 * worktree of that commit and run `npx tsx bench/writers.ts` there.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServerDatabase } from '../tests/support/server-database';

const SECONDS = Number(process.env.WRITERS_SECONDS ?? 8);
const ROUNDS = Number(process.env.WRITERS_ROUNDS ?? 2);
const MEETINGS = 4;
const ITEMS_PER_MEETING = 6;
/** The rows of one bulk import, each with its event, in one transaction. */
const IMPORT_CHANGES = 300;

type Agenda = typeof import('../src/lib/server/agenda');
type Actor = import('../src/lib/server/access').Actor;
interface Desk {
	proposer: Actor;
	secretariaat: Actor;
	items: Array<{ id: string; version: number }>;
}
interface Tally {
	writes: number;
	latencies: number[];
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * One writer at one meeting's desk until `until` (epoch ms, so processes share it): by turns a
 * text change of the next item and a move of the next item to another place on the agenda. Each
 * is a whole verb in one transaction: gate, checks, revision or reordering, event, approvals.
 */
async function write(agenda: Agenda, desk: Desk, until: number): Promise<Tally> {
	const tally: Tally = { writes: 0, latencies: [] };
	while (Date.now() < until) {
		const n = tally.writes;
		const item = desk.items[n % desk.items.length]!;
		const started = performance.now();
		if (n % 2 === 0) {
			const saved = await agenda.updateItem(desk.proposer, item.id, {
				expectedVersion: item.version,
				title: `Bench-punt ${item.id.slice(0, 8)}, wijziging ${n}`
			});
			item.version = saved.version;
		} else {
			await agenda.placeItem(desk.secretariaat, item.id, {
				position: 1 + (n % ITEMS_PER_MEETING),
				minutes: 10 + (n % 30)
			});
		}
		tally.latencies.push(performance.now() - started);
		tally.writes++;
	}
	return tally;
}

/** A writer process: gets its desk, warms up, then writes each round it is told to. */
async function child(): Promise<void> {
	const agenda = await import('../src/lib/server/agenda');
	const { closeDatabase } = await import('../src/lib/server/db');
	let desk: Desk | undefined;
	process.on('message', (message: { desk?: Desk; until?: number; stop?: true }) => {
		void (async () => {
			if (message.desk) {
				desk = message.desk;
				await write(agenda, desk, Date.now() + 1500);
				process.send!({ ready: true });
			} else if (message.until) {
				process.send!({ tally: await write(agenda, desk!, message.until) });
			} else if (message.stop) {
				await closeDatabase();
				process.exit(0);
			}
		})();
	});
}

/** Cores busy on the whole machine between two readings of /proc/stat. */
function cpuMeter() {
	const read = () => {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
		const ticks = fields.slice(1).map(Number);
		return { total: ticks.reduce((a, b) => a + b, 0), idle: ticks[3]! + ticks[4]! };
	};
	const start = read();
	return () => {
		const end = read();
		const total = end.total - start.total;
		return total ? ((total - (end.idle - start.idle)) / total) * availableParallelism() : 0;
	};
}

async function main(): Promise<void> {
	const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const database = await createServerDatabase(server, 'writers');
	process.env.DATABASE_URL = database.url;
	const { resetConfig } = await import('../src/lib/server/config');
	resetConfig();
	const { closeDatabase, transaction, useDb } = await import('../src/lib/server/db');
	const { agendaItems } = await import('../src/lib/server/db/schema');
	const { rows } = await import('../src/lib/server/db/migrate');
	const { appendEvents } = await import('../src/lib/server/events');
	const agenda = await import('../src/lib/server/agenda');
	const fixtures = await import('../tests/integration/agenda/fixtures');
	const { eq, sql } = await import('drizzle-orm');
	const children: ChildProcess[] = [];

	/** Every 25 ms, the connections of this database waiting for an advisory lock. */
	function sampleLockWaits() {
		let samples = 0;
		let waiting = 0;
		let stopped = false;
		const done = (async () => {
			const db = await useDb();
			while (!stopped) {
				const result = await db.execute(sql`
					select count(*)::int as n from pg_stat_activity
					where datname = current_database() and wait_event_type = 'Lock'
						and wait_event = 'advisory'`);
				samples++;
				waiting += rows<{ n: number }>(result)[0]?.n ?? 0;
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		})();
		return async () => {
			stopped = true;
			await done;
			return samples ? waiting / samples : 0;
		};
	}

	/** Bulk imports on one meeting, one after another until `until`, each one transaction. */
	async function importWhile(desk: Desk, until: number) {
		const durations: number[] = [];
		while (Date.now() < until) {
			const started = performance.now();
			await transaction(async (tx) => {
				for (let n = 0; n < IMPORT_CHANGES; n++) {
					const item = desk.items[n % desk.items.length]!;
					await appendEvents(tx, { actor: null }, [
						{
							type: 'bench.imported.v1',
							subjectType: 'agenda_item',
							subjectId: item.id,
							audience: { kind: 'audit' },
							payload: { n }
						}
					]);
					await tx
						.update(agendaItems)
						.set({ summary: `Geïmporteerd, regel ${n}` })
						.where(eq(agendaItems.id, item.id));
				}
			});
			durations.push(performance.now() - started);
		}
		const each = durations.sort((a, b) => a - b);
		console.log(
			`    beside it: ${each.length} imports of ${IMPORT_CHANGES} changes, p50 ${percentile(each, 50).toFixed(0)} ms each`
		);
	}

	async function round(writers: number, run: (until: number) => Promise<Tally[]>) {
		const stopSampling = sampleLockWaits();
		const cpu = cpuMeter();
		const started = performance.now();
		const tallies = await run(Date.now() + SECONDS * 1000);
		const elapsed = (performance.now() - started) / 1000;
		const cores = cpu();
		const waiting = await stopSampling();
		const latencies = tallies.flatMap((tally) => tally.latencies).sort((a, b) => a - b);
		const perSecond = tallies.reduce((sum, tally) => sum + tally.writes, 0) / elapsed;
		console.log(
			`  ${writers} writer${writers > 1 ? 's' : ' '} ${perSecond.toFixed(1).padStart(6)} writes/s` +
				` (${tallies.map((tally) => tally.writes).join(' + ')} in ${elapsed.toFixed(1)} s)` +
				`  p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms` +
				`  max ${(latencies.at(-1) ?? NaN).toFixed(0)} ms` +
				`  cores busy ${cores.toFixed(2)}  waiting for the order lock ${waiting.toFixed(2)}`
		);
		return perSecond;
	}

	async function compare(label: string, run: (writers: number, until: number) => Promise<Tally[]>) {
		console.log(`\n${label}`);
		const one: number[] = [];
		const four: number[] = [];
		for (let r = 0; r < ROUNDS; r++) {
			one.push(await round(1, (until) => run(1, until)));
			four.push(await round(4, (until) => run(4, until)));
		}
		const mean = (values: number[]) => values.reduce((sum, n) => sum + n, 0) / values.length;
		console.log(
			`  ratio: 4 writers ${mean(four).toFixed(1)}/s ÷ 1 writer ${mean(one).toFixed(1)}/s = ${(mean(four) / mean(one)).toFixed(2)}`
		);
	}

	try {
		const commit = execFileSync('git', ['log', '-1', '--format=%h %s'], { encoding: 'utf8' });
		console.log(`bench:writers on PostgreSQL; code ${commit.trim().slice(0, 90)}`);
		console.log(
			`  ${MEETINGS} meetings, ${ITEMS_PER_MEETING} placed items each; ${ROUNDS} rounds of ${SECONDS} s;` +
				` ${availableParallelism()} cores, shared with PostgreSQL (the ideal ratio, 4, needs 4 free)`
		);
		const team = await fixtures.createTeam();
		const proposers = [
			team.vngMedewerker,
			team.ipoMedewerker,
			team.uvwMedewerker,
			team.bzkMedewerker
		];
		const desks: Desk[] = [];
		for (let m = 0; m < MEETINGS; m++) {
			const meeting = await fixtures.openMeetingFor(team, 60 + m);
			const proposer = proposers[m % proposers.length]!;
			const items = [];
			for (let i = 0; i < ITEMS_PER_MEETING; i++) {
				const item = await fixtures.placedItem(team, proposer, meeting.id);
				items.push({ id: item.id, version: item.version });
			}
			desks.push({ proposer, secretariaat: team.secretariaat, items });
		}

		await write(agenda, desks[0]!, Date.now() + 1500); // warm-up: connections, JIT
		await compare('writers in one process (concurrent requests to one app process)', (n, until) =>
			Promise.all(desks.slice(0, n).map((desk) => write(agenda, desk, until)))
		);

		const script = fileURLToPath(import.meta.url);
		for (const desk of desks) {
			const writer = fork(script, ['--child'], { execArgv: ['--import', 'tsx'] });
			children.push(writer);
			await new Promise<void>((resolve, reject) => {
				writer.once('message', () => resolve());
				writer.once('exit', (code) => reject(new Error(`writer process exited (${code})`)));
				writer.send({ desk });
			});
		}
		const ask = (n: number, until: number) =>
			Promise.all(
				children.slice(0, n).map(
					(writer) =>
						new Promise<Tally>((resolve) => {
							writer.once('message', (message: { tally: Tally }) => resolve(message.tally));
							writer.send({ until });
						})
				)
			);
		await compare('each writer a process of its own (several app processes)', ask);

		// What the order lock held to commit did to the platform: an import stalled every writer.
		console.log(
			`\na writer on one meeting (a process of its own), alone and beside bulk imports on another`
		);
		await round(1, (until) => ask(1, until));
		await round(
			1,
			async (until) => (await Promise.all([ask(1, until), importWhile(desks[3]!, until)]))[0]
		);
	} finally {
		for (const writer of children) writer.send({ stop: true });
		await Promise.all(
			children.map((writer) => new Promise((resolve) => writer.once('exit', resolve)))
		);
		await closeDatabase();
		await database.drop();
	}
}

if (process.argv.includes('--child')) await child();
else await main();
