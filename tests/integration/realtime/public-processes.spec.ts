/**
 * The public socket across app processes (`node server.js`, PostgreSQL and Redis): a publication
 * committed by one process reaches a visitor connected to the other, completed with its version
 * and snapshot and projected for the public, through the same path as every event. PostgreSQL
 * only (vite.config.ts, serverOnly): several processes cannot share the embedded engine.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../../src/lib/server/config';
import { closeDatabase } from '../../../src/lib/server/db';
import { createApiToken } from '../../../src/lib/server/identity/account';
import { parsePayload } from '../../../src/lib/realtime/event-payloads';
import { PUBLIC_NAMESPACE } from '../../../src/lib/realtime/public-protocol';
import {
	createDatabase,
	REDIS_SERVER,
	startApp,
	type AppProcess
} from '../../support/app-processes';
import { createTeam, type Team } from '../agenda/fixtures';
import { adoptedListWith } from '../publications/fixtures';
import { client, eventually, signedInClient, type Listener } from './harness';

let database: Awaited<ReturnType<typeof createDatabase>>;
let team: Team;
let adopted: Awaited<ReturnType<typeof adoptedListWith>>;
const apps: AppProcess[] = [];
const listeners: Listener[] = [];
const previousUrl = process.env.DATABASE_URL;
const word = `overdeprocessen${randomUUID().slice(0, 8)}`;
const secret = `geheimtussenprocessen${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
	database = await createDatabase('public_processes');
	// The first process migrates the new database; this test process then works in it too.
	const first = await startApp({ databaseUrl: database.url });
	process.env.DATABASE_URL = database.url;
	resetConfig();
	team = await createTeam();
	adopted = await adoptedListWith(team, [
		{ word, by: team.vngMedewerker },
		{ word: secret, by: team.ipoMedewerker, confidential: true }
	]);
	await first.stop();
}, 180_000);

afterAll(async () => {
	for (const listener of listeners) listener.close();
	for (const started of apps) await started.kill();
	await closeDatabase();
	process.env.DATABASE_URL = previousUrl;
	resetConfig();
	await database.drop();
}, 60_000);

describe('a publication on one process', () => {
	it('reaches a visitor on the other, with its version and nothing else', async () => {
		const [a, b] = [
			await startApp({ databaseUrl: database.url, redisUrl: REDIS_SERVER }),
			await startApp({ databaseUrl: database.url, redisUrl: REDIS_SERVER })
		] as [AppProcess, AppProcess];
		apps.push(a, b);
		const visitor = client(`${b.url}${PUBLIC_NAMESPACE}`, {});
		listeners.push(visitor);
		await visitor.welcome;
		// A signed-in reader on B as well: it hears the table's events of the publication too.
		const reader = await signedInClient(b.url, team.bzkMedewerker);
		listeners.push(reader);

		const session = { ...team.secretariaat, via: 'session' as const };
		const { token } = await createApiToken(session, { name: 'Publiceren', scope: 'write' }, {});
		const response = await fetch(
			`${a.url}/api/v1/meetings/${adopted.meeting.id}/decision-list/publish`,
			{
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ publicItemIds: [adopted.items[0]!.id] })
			}
		);
		expect(response.status, await response.clone().text()).toBeLessThan(300);

		await eventually(() => visitor.events.length > 0, 10_000);
		await eventually(
			() => reader.events.some((event) => event.type === 'publication.published.v1'),
			10_000
		);
		expect(reader.events.map((event) => event.type)).toContain('decision_list.published.v1');
		expect(visitor.events.map((event) => event.type)).toEqual(['publication.published.v1']);
		const parsed = parsePayload(visitor.events[0]!);
		if (parsed?.type !== 'publication.published.v1') throw new Error('not a publication');
		expect(parsed.payload.version?.number).toBe(1);
		expect(JSON.stringify(parsed.payload.list)).toContain(word);
		expect(visitor.events[0]!.actorPersonId).toBeNull();
		expect(JSON.stringify(visitor.events)).not.toContain(secret);
	}, 120_000);
});
