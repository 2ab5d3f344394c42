/**
 * Two app processes (`node server.js`) on this machine's PostgreSQL and Redis, both written to at
 * once: no client loses an event to the race between a process's own events (sent at once) and
 * the other's (sent through Redis), and presence counts a person once across processes.
 * PostgreSQL only (vite.config.ts, serverOnly): several processes cannot share the embedded engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { resetConfig } from '../../../src/lib/server/config';
import { closeDatabase, useDb } from '../../../src/lib/server/db';
import { createApiToken } from '../../../src/lib/server/identity/account';
import { lastEventId, visibleEventsSince } from '../../../src/lib/server/realtime/rooms';
import type { PresenceDelta } from '../../../src/lib/realtime/protocol';
import {
	createDatabase,
	REDIS_SERVER,
	startApp,
	startProxy,
	type AppProcess,
	type Proxy
} from '../../support/app-processes';
import { FollowingClient } from '../../support/following-client';
import { createTeam, openMeetingFor, submitted, type Team } from '../agenda/fixtures';
import { eventually } from './harness';

let database: Awaited<ReturnType<typeof createDatabase>>;
let team: Team;
let meetingId: string;
const tokens = new Map<string, string>();
const apps: AppProcess[] = [];
const proxies: Proxy[] = [];
const clients: FollowingClient[] = [];
const previousUrl = process.env.DATABASE_URL;
const redis = new URL(REDIS_SERVER);

async function app(redisUrl: string) {
	const started = await startApp({ databaseUrl: database.url, redisUrl });
	apps.push(started);
	return started;
}

async function tokenFor(actor: Actor, scope: 'read' | 'write' = 'read') {
	const key = `${actor.personId}:${scope}`;
	if (!tokens.has(key)) {
		const session = { ...actor, via: 'session' as const };
		tokens.set(key, (await createApiToken(session, { name: 'Test', scope }, {})).token);
	}
	return tokens.get(key)!;
}

async function follower(actor: Actor, url: string, since = 0) {
	const client = new FollowingClient({ token: await tokenFor(actor) }, since);
	clients.push(client);
	await client.connect(url);
	return client;
}

/** A small seeded generator: the same drops in the same order on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	database = await createDatabase('cross_process');
	// The first process migrates the new database; this test process then works in it too.
	const first = await startApp({ databaseUrl: database.url });
	process.env.DATABASE_URL = database.url;
	resetConfig();
	team = await createTeam();
	meetingId = (await openMeetingFor(team)).id;
	await first.stop();
}, 120_000);

afterAll(async () => {
	for (const client of clients) client.close();
	for (const started of apps) await started.kill();
	for (const proxy of proxies) await proxy.close();
	await closeDatabase();
	process.env.DATABASE_URL = previousUrl;
	resetConfig();
	await database.drop();
}, 60_000);

describe('two processes writing at once while clients drop and come back', () => {
	it('each client ends with every event it may see exactly once, in id order', async () => {
		// A slow link to Redis (100 ms each way): the other process's events come some 200 ms
		// after its own, so a client that drops has nearly always missed one it must replay.
		const proxy = await startProxy(
			{ host: redis.hostname, port: Number(redis.port || 6379) },
			{ latencyMs: 100 }
		);
		proxies.push(proxy);
		const viaProxy = `redis://127.0.0.1:${proxy.port}`;
		const processes = [await app(viaProxy), await app(viaProxy)];
		const [a, b] = processes as [AppProcess, AppProcess];
		const writer = team.vngMedewerker;
		const writeToken = await tokenFor(writer, 'write');
		const items: Array<{ id: string; version: number }> = [];
		for (let n = 0; n < 4; n++) items.push(await submitted(writer, meetingId));
		const since = await lastEventId(await useDb());

		// VNG's readers also see VNG's concepts (drafts); the others only what is submitted.
		const readers = [
			team.vngBestuurder,
			team.vngBestuurder,
			team.ipoMedewerker,
			team.ipoMedewerker,
			team.uvwBestuurder,
			team.bzkMedewerker
		];
		const next = random(11);
		const following = [];
		for (const reader of readers)
			following.push(await follower(reader, next() < 0.5 ? a.url : b.url, since));

		const headers = { authorization: `Bearer ${writeToken}`, 'content-type': 'application/json' };
		const json = async (response: Response, status: number) => {
			expect(response.status, await response.clone().text()).toBe(status);
			return (await response.json()) as { id: string; version: number };
		};
		// Each client must drop at least three times while the writes go on. How long a write
		// takes depends on the machine, so the writers go on past their minimum until every
		// client has dropped often enough (the limit only stops a broken run).
		const dropped = following.map(() => 0);
		const keepWriting = (n: number, minimum: number) =>
			n < minimum || (Math.min(...dropped) < 3 && n < minimum * 10);
		// Through A: new concepts, submitted (two events each, the first VNG's own).
		const throughA = async () => {
			for (let n = 0; keepWriting(n, 15); n++) {
				const drafted = await json(
					await fetch(`${a.url}/api/v1/items`, {
						method: 'POST',
						headers,
						body: JSON.stringify({
							title: `Via A ${n}`,
							summary: 'Uitvaltest.',
							purpose: 'informatie',
							meetingId
						})
					}),
					201
				);
				await json(
					await fetch(`${a.url}/api/v1/items/${drafted.id}/submit`, {
						method: 'POST',
						headers: { ...headers, 'if-match': `"${drafted.version}"` }
					}),
					200
				);
			}
		};
		// Through B, at the same time: the titles of submitted items.
		const throughB = async () => {
			const versions = new Map(items.map((item) => [item.id, item.version]));
			for (let n = 0; keepWriting(n, 30); n++) {
				const item = items[n % items.length]!;
				const changed = await json(
					await fetch(`${b.url}/api/v1/items/${item.id}`, {
						method: 'PATCH',
						headers: { ...headers, 'if-match': `"${versions.get(item.id)}"` },
						body: JSON.stringify({ title: `Via B ${n}` })
					}),
					200
				);
				versions.set(item.id, changed.version);
			}
		};
		let writing = true;
		const writes = Promise.all([throughA(), throughB()]).finally(() => (writing = false));
		// Each client drops after a while, stays away a moment, and comes back to either process.
		const drops = following.map((client, index) =>
			(async () => {
				while (writing) {
					await pause(100 + next() * 400);
					client.close();
					await pause(next() * 150);
					await client.connect(next() < 0.5 ? a.url : b.url);
					dropped[index]!++;
				}
			})()
		);
		await writes;
		await Promise.all(drops);
		expect(Math.min(...dropped)).toBeGreaterThan(2);

		const db = await useDb();
		for (const [index, client] of following.entries()) {
			const visible = await visibleEventsSince(db, readers[index]!, since, 10_000);
			const expected = visible.map((event) => event.id);
			expect(expected.length).toBeGreaterThan(30);
			await eventually(() => client.applied.length >= expected.length, 20_000).catch(
				() => undefined
			);
			const got = client.applied.map((event) => event.id);
			const missing = expected.filter((id) => !got.includes(id));
			expect(
				got,
				`client ${index} missed ${missing.join(',')} after ${dropped[index]} drops; ` +
					`replays ${JSON.stringify(client.replays.map((r) => r.since))}`
			).toEqual(expected);
		}
		for (const started of processes) await started.stop();
		apps.length = 0;
	}, 180_000);
});

describe('presence across two processes', () => {
	it('a person present through both counts once: no "joined" for the second tab, no "left" until the last', async () => {
		const processes = [await app(REDIS_SERVER), await app(REDIS_SERVER)];
		const [a, b] = processes as [AppProcess, AppProcess];
		const watchers = [
			await follower(team.secretariaat, a.url),
			await follower(team.bzkMedewerker, b.url)
		];
		const seen = watchers.map(() => [] as PresenceDelta[]);
		for (const [index, watcher] of watchers.entries()) {
			expect((await watcher.followMeeting(meetingId)).ok).toBe(true);
			watcher.socket!.on('presence', (delta) => seen[index]!.push(delta));
		}
		const everyone = (check: (deltas: PresenceDelta[]) => boolean) =>
			eventually(() => seen.every(check), 10_000);
		const joined = (personId: string) => (deltas: PresenceDelta[]) =>
			deltas.some((d) => d.joined.some((p) => p.personId === personId));
		const left = (personId: string) => (deltas: PresenceDelta[]) =>
			deltas.some((d) => d.left.includes(personId));
		const mentions = (personId: string) =>
			seen.map(
				(deltas) =>
					deltas.filter(
						(d) => d.left.includes(personId) || d.joined.some((p) => p.personId === personId)
					).length
			);
		const person = team.uvwBestuurder;

		const onA = await follower(person, a.url);
		await onA.followMeeting(meetingId);
		await everyone(joined(person.personId));
		const onB = await follower(person, b.url);
		await onB.followMeeting(meetingId);
		// Someone else comes after the second tab, through B: B's batch for them comes at or after
		// its batch for the second tab, and A hears of both in that order.
		const other = await follower(team.finMedewerker, b.url);
		await other.followMeeting(meetingId);
		await everyone(joined(team.finMedewerker.personId));
		expect(mentions(person.personId)).toEqual([1, 1]);

		// The tab on A goes; the person stays through B.
		await onA.socket!.timeout(5_000).emitWithAck('meeting:unfollow', { meetingId });
		// A third person comes through A after that: A's word about them reaches B after its word
		// about the tab, and each process looks at a meeting's people one batch at a time.
		const third = await follower(team.ipoBestuurder, a.url);
		await third.followMeeting(meetingId);
		await everyone(joined(team.ipoBestuurder.personId));
		expect(mentions(person.personId)).toEqual([1, 1]);

		onB.close();
		await everyone(left(person.personId));
		expect(mentions(person.personId)).toEqual([2, 2]);
		for (const started of processes) await started.stop();
		apps.length = 0;
	}, 120_000);
});
