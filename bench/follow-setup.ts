/**
 * What bench:realtime and bench:live share: a meeting with submitted items, people of the four
 * parties with sessions, the writer's API token, clients that follow the meeting, and the
 * figures' arithmetic. The app runs as real processes (tests/support/app-processes.ts).
 */
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { FollowingClient } from '../tests/support/following-client';

export const PEOPLE = 50;
export const ITEMS = 20;

export interface Setup {
	meetingId: string;
	writerToken: string;
	itemIds: string[];
	versions: Map<string, number>;
	cookies: string[];
	/** The people the cookies belong to, cookie n to person n % length. */
	personIds: string[];
}

export type Client = InstanceType<typeof FollowingClient>;

/**
 * A meeting with ITEMS submitted items, `peopleCount` participants and `sessions` session
 * cookies (spread over the people in turn).
 */
export async function seedFollowers(
	databaseUrl: string,
	sessions: number,
	peopleCount = PEOPLE
): Promise<Setup> {
	process.env.DATABASE_URL = databaseUrl;
	const { resetConfig } = await import('../src/lib/server/config');
	resetConfig();
	const { useDb, closeDatabase } = await import('../src/lib/server/db');
	const { createPerson } = await import('../tests/integration/identity/fixtures');
	const { createTeam, openMeetingFor, submitted } =
		await import('../tests/integration/agenda/fixtures');
	const { createApiToken } = await import('../src/lib/server/identity/account');
	const { createSession } = await import('../src/lib/server/auth/session');
	const { sessionPolicy } = await import('../src/lib/server/identity/context');
	const { sessionCookieName } = await import('../src/lib/server/auth/cookie');

	const team = await createTeam();
	const meeting = await openMeetingFor(team, 60);
	const writer = { ...team.vngMedewerker, via: 'session' as const };
	const { token } = await createApiToken(writer, { name: 'Bench', scope: 'write' }, {});
	const itemIds: string[] = [];
	const versions = new Map<string, number>();
	for (let n = 0; n < ITEMS; n++) {
		const item = await submitted(team.vngMedewerker, meeting.id, { title: `Bench-punt ${n + 1}` });
		itemIds.push(item.id);
		versions.set(item.id, item.version);
	}
	const db = await useDb();
	const parties = ['vng', 'ipo', 'uvw', 'bzk'] as const;
	const people = [];
	for (let n = 0; n < peopleCount; n++) {
		people.push(await createPerson('medewerker', parties[n % 4]));
	}
	const cookies: string[] = [];
	for (let n = 0; n < sessions; n++) {
		const { token: session } = await createSession(
			db,
			people[n % peopleCount]!.actor.personId,
			sessionPolicy(),
			{ twoFactorVerified: true }
		);
		cookies.push(`${sessionCookieName(true)}=${session}`);
	}
	await closeDatabase();
	console.log(
		`  set up: ${peopleCount} people, ${sessions} sessions, a meeting with ${ITEMS} submitted items`
	);
	const personIds = people.map((person) => person.actor.personId);
	return { meetingId: meeting.id, writerToken: token, itemIds, versions, cookies, personIds };
}

/** The newest event id: clients start from the log's present, not from its beginning. */
export async function newestEventId(databaseUrl: string): Promise<number> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	const [row] = await sql<{ id: string }[]>`select coalesce(max(id), 0) as id from event`;
	await sql.end();
	return Number(row!.id);
}

/**
 * `count` clients in batches of 50; signed in, they follow the meeting (unless `follow` is
 * false: bench:realtime measures the joins on their own). Resolves once the joins' presence
 * updates are quiet for a second, and then `settleSeconds` more.
 */
export async function connectClients(
	count: number,
	urlFor: (index: number) => string,
	setup: Setup,
	options: { signedIn: boolean; since: number; settleSeconds: number; follow?: boolean }
): Promise<Client[]> {
	const started = performance.now();
	const clients: Client[] = [];
	for (let start = 0; start < count; start += 50) {
		const batch = [];
		for (let index = start; index < Math.min(count, start + 50); index++) {
			const credentials = options.signedIn ? { cookie: setup.cookies[index]! } : {};
			const client = new FollowingClient(credentials, options.since);
			clients.push(client);
			batch.push(client.connect(urlFor(index)));
		}
		await Promise.all(batch);
	}
	if (options.signedIn && options.follow !== false) {
		await Promise.all(clients.map((client) => client.followMeeting(setup.meetingId)));
	}
	console.log(
		`  ${count} clients connected in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
	let lastPresence = performance.now();
	for (const client of clients)
		client.socket?.on('presence', () => (lastPresence = performance.now()));
	const settleUntil = performance.now() + 30_000;
	while (performance.now() - lastPresence < 1_000 && performance.now() < settleUntil) {
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await new Promise((resolve) => setTimeout(resolve, options.settleSeconds * 1_000));
	console.log(
		`  presence settled ${((performance.now() - started) / 1000).toFixed(1)} s after the first connection`
	);
	return clients;
}

export interface JoinRun {
	label: string;
	clients: number;
	people: number;
	/** From the first follow until every client's list holds everyone. */
	settledMs: number;
	/** Until the last follow's answer. */
	answeredMs: number;
	/** Server CPU seconds from the first follow until settled, over all `pids`. */
	cpuSeconds: number;
	/** Presence messages per client after its answer (the deltas). */
	deltasPerClient: number;
}

/**
 * Every client follows the meeting at once; settled when every client's presence list (the
 * follow's answer with the deltas applied) holds all the people among them.
 */
export async function measureJoin(
	label: string,
	clients: Client[],
	setup: Setup,
	pids: number[]
): Promise<JoinRun> {
	const people = new Set(clients.map((_, n) => setup.personIds[n % setup.personIds.length]!));
	const complete = new Set<Client>();
	let deltas = 0;
	let settled!: () => void;
	const allComplete = new Promise<void>((resolve) => (settled = resolve));
	for (const client of clients) {
		client.onPresence = (meetingId, present) => {
			if (meetingId !== setup.meetingId) return;
			if (present.length === people.size) complete.add(client);
			else complete.delete(client);
			if (complete.size === clients.length) settled();
		};
		client.socket!.on('presence', () => deltas++);
	}
	const cpuBefore = await totalCpu(pids);
	const started = performance.now();
	let answeredMs = 0;
	await Promise.all(
		clients.map((client) =>
			client.followMeeting(setup.meetingId).then((answer) => {
				if (!answer.ok) throw new Error(`follow refused: ${answer.error.message}`);
				answeredMs = performance.now() - started;
			})
		)
	);
	const timeout = setTimeout(() => settled(), 60_000);
	await allComplete;
	clearTimeout(timeout);
	const settledMs = performance.now() - started;
	const cpu = (await totalCpu(pids)) - cpuBefore;
	for (const client of clients) client.onPresence = null;
	if (complete.size < clients.length) {
		console.error(`  ${label}: ${clients.length - complete.size} clients never saw everyone`);
	}
	const run = {
		label,
		clients: clients.length,
		people: people.size,
		settledMs: complete.size === clients.length ? settledMs : Number.POSITIVE_INFINITY,
		answeredMs,
		cpuSeconds: cpu,
		deltasPerClient: deltas / clients.length
	};
	console.log(
		`  ${label}: ${run.clients} clients (${run.people} people) settled in ${fmt(run.settledMs).trim()}, ` +
			`server CPU ${run.cpuSeconds.toFixed(2)} s`
	);
	return run;
}

async function totalCpu(pids: number[]) {
	let sum = 0;
	for (const pid of pids) sum += await cpuSeconds(pid);
	return sum;
}

export interface Write {
	n: number;
	itemId: string;
	version: number;
	title: string;
}

/** One agenda item's title changed through the API, as a secretariaat's client would. */
export async function writeThroughApi(url: string, setup: Setup, write: Write): Promise<boolean> {
	const response = await fetch(`${url}/api/v1/items/${write.itemId}`, {
		method: 'PATCH',
		headers: {
			authorization: `Bearer ${setup.writerToken}`,
			'content-type': 'application/json',
			'if-match': `"${write.version - 1}"`
		},
		body: JSON.stringify({ title: write.title })
	});
	if (response.status === 412) {
		// The previous write to this item is still under way (or failed): go on from the version
		// the server names, or every later write to the item would be refused as well.
		const problem = (await response.json().catch(() => ({}))) as { currentVersion?: number };
		if (typeof problem.currentVersion === 'number')
			setup.versions.set(write.itemId, problem.currentVersion);
		return false;
	}
	if (response.status !== 200) {
		console.error(`  write answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
		return false;
	}
	return true;
}

/** User plus system CPU of a process so far, in seconds (Linux /proc). */
export async function cpuSeconds(pid: number): Promise<number> {
	const { readFileSync } = await import('node:fs');
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	// utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are 12th and 13th.
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function pct(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function fmt(ms: number): string {
	return `${ms.toFixed(1)} ms`.padStart(9);
}

export function verdict(met: boolean): string {
	return met ? 'met' : 'NOT met';
}

/**
 * The bare socket.io server (bench/realtime-bare.ts) on a free port: the baseline both benchmarks
 * measure their fan-out against. `kill` is for the cleanup of a run that failed.
 */
export async function startBareBaseline(port: number) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'bench/realtime-bare.ts'], {
		env: { ...process.env, BARE_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise((resolve) => child.stdout!.once('data', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid!,
		stop: () => void child.kill('SIGTERM'),
		kill: async () => void child.kill('SIGKILL')
	};
}
