/**
 * What bench:realtime and bench:live share: a meeting with submitted items, people of the four
 * parties with sessions, the writer's API token, clients that follow the meeting, and the
 * figures' arithmetic. The app runs as real processes (tests/support/app-processes.ts).
 */
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
}

export type Client = InstanceType<typeof FollowingClient>;

/** A meeting with ITEMS submitted items, PEOPLE participants and `sessions` session cookies. */
export async function seedFollowers(databaseUrl: string, sessions: number): Promise<Setup> {
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
	for (let n = 0; n < PEOPLE; n++) people.push(await createPerson('medewerker', parties[n % 4]));
	const cookies: string[] = [];
	for (let n = 0; n < sessions; n++) {
		const { token: session } = await createSession(
			db,
			people[n % PEOPLE]!.actor.personId,
			sessionPolicy(),
			{ twoFactorVerified: true }
		);
		cookies.push(`${sessionCookieName(true)}=${session}`);
	}
	await closeDatabase();
	console.log(
		`  set up: ${PEOPLE} people, ${sessions} sessions, a meeting with ${ITEMS} submitted items`
	);
	return { meetingId: meeting.id, writerToken: token, itemIds, versions, cookies };
}

/** The newest event id: clients start from the log's present, not from its beginning. */
export async function newestEventId(databaseUrl: string): Promise<number> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	const [row] = await sql<{ id: string }[]>`select coalesce(max(id), 0) as id from event`;
	await sql.end();
	return Number(row!.id);
}

/**
 * `count` clients in batches of 50; signed in, they follow the meeting. Resolves once the joins'
 * presence updates are quiet for a second, and then `settleSeconds` more.
 */
export async function connectClients(
	count: number,
	urlFor: (index: number) => string,
	setup: Setup,
	options: { signedIn: boolean; since: number; settleSeconds: number }
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
	if (options.signedIn) {
		await Promise.all(
			clients.map((client) =>
				client.socket!.timeout(30_000).emitWithAck('meeting:follow', { meetingId: setup.meetingId })
			)
		);
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
