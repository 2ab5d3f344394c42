/**
 * Faults, with real app processes (`node server.js`), this machine's PostgreSQL and Redis, and TCP
 * proxies a test can cut. PostgreSQL only: several processes cannot share the embedded engine
 * (vite.config.ts runs this file when DATABASE_URL is set, as the PostgreSQL pass of CI does).
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../../src/lib/server/config';
import { closeDatabase, useDb } from '../../../src/lib/server/db';
import { agendaItems, events } from '../../../src/lib/server/db/schema';
import { createApiToken } from '../../../src/lib/server/identity/account';
import { lastEventId } from '../../../src/lib/server/realtime/rooms';
import {
	createDatabase,
	REDIS_SERVER,
	startApp,
	startProxy,
	type AppProcess
} from '../../support/app-processes';
import { FollowingClient } from '../../support/following-client';
import { createTeam, openMeetingFor, type Team } from '../agenda/fixtures';
import { eventually, sessionCookie } from './harness';

let database: Awaited<ReturnType<typeof createDatabase>>;
let team: Team;
let writerToken: string;
let readerTokens: string[];
let meetingId: string;
const apps: AppProcess[] = [];
const clients: FollowingClient[] = [];
const previousUrl = process.env.DATABASE_URL;
const redis = new URL(REDIS_SERVER);

async function app(
	options: { redisUrl?: string; databaseUrl?: string; env?: Record<string, string> } = {}
) {
	const started = await startApp({ databaseUrl: database.url, ...options });
	apps.push(started);
	return started;
}

async function follower(url: string, token: string, since: number) {
	const client = new FollowingClient({ token }, since);
	clients.push(client);
	await client.connect(url);
	return client;
}

/** Drafts and submits an item through a process's API, as the writer. */
async function submitThrough(process: AppProcess, title: string) {
	const headers = { authorization: `Bearer ${writerToken}`, 'content-type': 'application/json' };
	const drafted = await fetch(`${process.url}/api/v1/items`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ title, summary: 'Fouttest.', purpose: 'informatie', meetingId })
	});
	expect(drafted.status, await drafted.clone().text()).toBe(201);
	const item = (await drafted.json()) as { id: string; version: number };
	const submitted = await fetch(`${process.url}/api/v1/items/${item.id}/submit`, {
		method: 'POST',
		headers: { ...headers, 'if-match': `"${item.version}"` }
	});
	expect(submitted.status).toBe(200);
	return item.id;
}

/** What a participant may see after `since`, from the log itself. */
async function participantEventIds(since: number): Promise<number[]> {
	const db = await useDb();
	const rows = await db
		.select({ id: events.id })
		.from(events)
		.where(and(gt(events.id, since), sql`${events.audience} && array['table', 'public']::text[]`))
		.orderBy(asc(events.id));
	return rows.map((row) => row.id);
}

beforeAll(async () => {
	database = await createDatabase('faults');
	// The first process migrates the new database; this test process then works in it too.
	await app();
	process.env.DATABASE_URL = database.url;
	resetConfig();
	team = await createTeam();
	const session = (actor: Team[keyof Team]) => ({ ...actor, via: 'session' as const });
	writerToken = (
		await createApiToken(session(team.vngMedewerker), { name: 'Schrijver', scope: 'write' }, {})
	).token;
	readerTokens = [];
	for (const actor of [team.ipoMedewerker, team.uvwBestuurder, team.bzkMedewerker]) {
		readerTokens.push(
			(await createApiToken(session(actor), { name: 'Lezer', scope: 'read' }, {})).token
		);
	}
	meetingId = (await openMeetingFor(team)).id;
	await apps.pop()!.stop();
}, 120_000);

afterAll(async () => {
	for (const client of clients) client.close();
	for (const started of apps) await started.kill();
	await closeDatabase();
	process.env.DATABASE_URL = previousUrl;
	resetConfig();
	await database.drop();
}, 60_000);

describe('two processes with Redis', () => {
	it('a change made through one reaches the clients of the other', async () => {
		const a = await app({ redisUrl: REDIS_SERVER });
		const b = await app({ redisUrl: REDIS_SERVER });
		const since = await lastEventId(await useDb());
		const onB = await follower(b.url, readerTokens[0]!, since);
		const onA = await follower(a.url, readerTokens[1]!, since);
		const itemId = await submitThrough(a, 'Via proces A');
		await eventually(
			() =>
				onB.applied.some((e) => e.subjectId === itemId && e.type === 'agenda_item.submitted.v1'),
			5_000
		);
		await eventually(
			() =>
				onA.applied.some((e) => e.subjectId === itemId && e.type === 'agenda_item.submitted.v1'),
			5_000
		);
		expect(onB.duplicates + onB.outOfOrder).toBe(0);
		for (const started of [a, b]) await started.stop();
		apps.length = 0;
	}, 120_000);

	it('installations sharing one Redis under their own REDIS_PREFIX do not hear each other', async () => {
		const a = await app({
			redisUrl: REDIS_SERVER,
			env: { REDIS_PREFIX: 'oho-other-installation' }
		});
		const b = await app({ redisUrl: REDIS_SERVER });
		const since = await lastEventId(await useDb());
		const onB = await follower(b.url, readerTokens[0]!, since);
		const throughA = await submitThrough(a, 'Andere installatie');
		const throughB = await submitThrough(b, 'Deze installatie');
		await eventually(() => onB.applied.some((e) => e.subjectId === throughB), 5_000);
		// A's change came first: on a shared channel it would have reached B's client before B's own.
		expect(onB.applied.map((e) => e.subjectId)).not.toContain(throughA);
		for (const started of [a, b]) await started.stop();
		apps.length = 0;
	}, 120_000);

	it('a process is killed while clients follow; changes go on through the other; every client ends with every event once, in order', async () => {
		const a = await app({ redisUrl: REDIS_SERVER });
		const b = await app({ redisUrl: REDIS_SERVER });
		const since = await lastEventId(await useDb());
		const onA = await Promise.all(readerTokens.map((token) => follower(a.url, token, since)));
		const onB = await Promise.all(readerTokens.map((token) => follower(b.url, token, since)));

		for (let n = 1; n <= 3; n++) await submitThrough(b, `Voor de val ${n}`);
		// A dies; its clients find B (the load balancer's part) and catch up from their last id.
		const lost = onA.map((client) => client.disconnected());
		await a.kill();
		await Promise.all(lost);
		const afterTheFall: string[] = [];
		const writes = (async () => {
			for (let n = 1; n <= 6; n++) afterTheFall.push(await submitThrough(b, `Na de val ${n}`));
		})();
		// Move A's clients once a change has gone out without them (B's own clients have it), so
		// that only their catch-up can bring it; the rest of the writes overlap the move.
		await eventually(() => onB[0]!.applied.some((e) => afterTheFall.includes(e.subjectId)), 10_000);
		for (const client of onA) {
			client.socket?.close();
			await client.connect(b.url);
		}
		await writes;

		const expected = await participantEventIds(since);
		expect(expected.length).toBe(9); // nine submissions; a draft is VNG's own
		for (const [index, client] of [...onA, ...onB].entries()) {
			await eventually(() => client.applied.length >= expected.length, 30_000).catch(() => {
				const got = client.applied.map((e) => e.id);
				throw new Error(
					`client ${index} (${index < onA.length ? 'moved from A' : 'on B'}) has ${got.join(',')} of ${expected.join(',')}; ` +
						`resyncs ${client.resyncs}, duplicates ${client.duplicates}, last ${client.last}, failure ${String(client.failure)}, ` +
						`replays ${JSON.stringify(client.replays)}`
				);
			});
			expect(client.applied.map((e) => e.id)).toEqual(expected);
			expect(client.outOfOrder).toBe(0);
		}
		await b.stop();
		apps.length = 0;
	}, 120_000);

	it('Redis goes away and comes back: each process serves its own, then the replay fills the gap', async () => {
		const proxy = await startProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
		const viaProxy = `redis://127.0.0.1:${proxy.port}`;
		const a = await app({ redisUrl: viaProxy, env: { LOG_LEVEL: 'info' } });
		const b = await app({ redisUrl: viaProxy, env: { LOG_LEVEL: 'info' } });
		const since = await lastEventId(await useDb());
		const onA = await follower(a.url, readerTokens[0]!, since);
		const onB = await follower(b.url, readerTokens[1]!, since);

		await proxy.cut();
		const throughA = await submitThrough(a, 'Zonder Redis, via A').catch((error: unknown) => {
			throw new Error(`${String(error)}\nA: ${a.output()}`);
		});
		const throughB = await submitThrough(b, 'Zonder Redis, via B');
		// Each process still serves its own clients.
		await eventually(() => onA.applied.some((e) => e.subjectId === throughA), 5_000);
		await eventually(() => onB.applied.some((e) => e.subjectId === throughB), 5_000);
		// A's change, made before B's, has not reached B: B's later one has, so A's would have
		// come first had it crossed (a Redis hop against a whole draft-and-submit), not after a wait.
		const missed = onA.applied.find((e) => e.subjectId === throughA)!.id;
		expect(
			onB.applied.map((e) => e.id),
			`B's client: resyncs ${onB.resyncs}, replays ${JSON.stringify(onB.replays)}\nA: ${a.output()}\nB: ${b.output()}`
		).not.toContain(missed);

		await proxy.restore();
		// Back: the processes tell their clients to replay; and delivery crosses over again.
		await eventually(() => onB.resyncs > 0, 20_000).catch(() => {
			throw new Error(
				`no resync reached B's client; failure: ${String(onB.failure)}\nB: ${b.output()}`
			);
		});
		await eventually(() => onB.applied.some((e) => e.subjectId === throughA), 20_000).catch(() => {
			throw new Error(
				`B's client: ${onB.resyncs} resyncs, failure ${String(onB.failure)}, applied ${onB.applied.map((e) => e.id).join(',')}`
			);
		});
		await eventually(() => onA.applied.some((e) => e.subjectId === throughB), 20_000);
		const after = await submitThrough(a, 'Met Redis terug, via A');
		await eventually(() => onB.applied.some((e) => e.subjectId === after), 10_000);
		// The one that missed B during the gap arrived late, by the replay. (A late live copy may
		// follow when A's Redis client sends what it queued; the client applies each id once.)
		expect(onB.replays.slice(1).some((replay) => replay.ids.includes(missed))).toBe(true);
		// Every event once.
		const expected = await participantEventIds(since);
		for (const client of [onA, onB]) {
			expect(client.applied.map((e) => e.id).toSorted((x, y) => x - y)).toEqual(expected);
		}
		for (const started of [a, b]) await started.stop();
		apps.length = 0;
		await proxy.close();
	}, 120_000);
});

describe('the database becomes unreachable', () => {
	it('writes answer 503 in Dutch and change nothing, reads fail cleanly, and the app recovers by itself', async () => {
		const server = new URL(database.url);
		const proxy = await startProxy({ host: server.hostname, port: Number(server.port || 5432) });
		const viaProxy = new URL(database.url);
		viaProxy.host = `127.0.0.1:${proxy.port}`;
		const a = await app({ databaseUrl: viaProxy.toString() });
		const headers = { authorization: `Bearer ${writerToken}`, 'content-type': 'application/json' };
		const db = await useDb();
		const before = await db.select({ id: agendaItems.id }).from(agendaItems);

		const { cookie } = await sessionCookie(team.ipoMedewerker);
		await proxy.cut();
		const write = await fetch(`${a.url}/api/v1/items`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ title: 'Tijdens de storing', summary: 'x', purpose: 'informatie' })
		});
		expect(write.status).toBe(503);
		expect(write.headers.get('content-type')).toContain('application/problem+json');
		expect(write.headers.get('retry-after')).toBe('30');
		const problem = (await write.json()) as { title: string; detail: string };
		expect(problem.title).toBe('Tijdelijk niet beschikbaar');
		expect(problem.detail).toContain('Er is niets veranderd');
		const read = await fetch(`${a.url}/api/v1/meetings`, { headers });
		expect(read.status).toBe(503);
		const page = await fetch(`${a.url}/vergaderingen`, {
			headers: { cookie },
			redirect: 'manual'
		});
		expect(page.status).toBe(503);
		expect(await page.text()).toContain('Er is niets veranderd');
		expect((await fetch(`${a.url}/readyz`)).status).toBe(503);
		expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
		const after = await db.select({ id: agendaItems.id }).from(agendaItems);
		expect(after.length).toBe(before.length);
		expect(
			await db.select().from(agendaItems).where(eq(agendaItems.title, 'Tijdens de storing'))
		).toEqual([]);

		await proxy.restore();
		// Recovering by itself: readiness (a query through the pool) comes back without a restart;
		// from then on a write goes through at the first attempt.
		await eventually(
			() =>
				fetch(`${a.url}/readyz`).then(
					(response) => response.status === 200,
					() => false
				),
			20_000
		).catch(() => {
			throw new Error(`readiness did not come back after the database did\nA: ${a.output()}`);
		});
		const retry = await fetch(`${a.url}/api/v1/items`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ title: 'Na de storing', summary: 'x', purpose: 'informatie' })
		});
		expect(retry.status, await retry.clone().text()).toBe(201);
		await a.stop();
		apps.length = 0;
		await proxy.close();
	}, 120_000);
});
