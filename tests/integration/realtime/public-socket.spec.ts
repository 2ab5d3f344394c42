import { randomUUID } from 'node:crypto';
import { Manager } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { draftItem } from '../../../src/lib/server/agenda';
import { resetConfig } from '../../../src/lib/server/config';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { createApiToken } from '../../../src/lib/server/identity/account';
import { TOO_MANY } from '../../../src/lib/server/realtime/public';
import { lastEventId } from '../../../src/lib/server/realtime/rooms';
import { REALTIME_PATH, type ReplayAck } from '../../../src/lib/realtime/protocol';
import { PUBLIC_NAMESPACE } from '../../../src/lib/realtime/public-protocol';
import { parsePayload } from '../../../src/lib/realtime/event-payloads';
import { createTeam, itemInput, type Team } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { correctFirst, publishedListWith } from '../publications/fixtures';
import {
	client,
	disconnected,
	emitWithAck,
	eventually,
	refusal,
	sessionCookie,
	signedInClient,
	startRealtime,
	type Listener
} from './harness';

/*
 * The public pages' socket (issue 13): anonymous, read-only, the public audience only, a few per
 * address. Whatever else the table does goes to the signed-in sockets; the public one hears the
 * publications, projected for the public, and nothing before them.
 */

useProcessDatabase();

let team: Team;
let server: Awaited<ReturnType<typeof startRealtime>>;
const open: Listener[] = [];
const tag = randomUUID().slice(0, 8);

/** A visitor's socket on the public namespace: no cookie, no token, unless a test sends one. */
function visitor(headers: Record<string, string> = {}, auth: Record<string, unknown> = {}) {
	const listener = client(`${server.url}${PUBLIC_NAMESPACE}`, headers, auth);
	open.push(listener);
	return listener;
}

async function connected(listener: Listener) {
	await listener.welcome;
	return listener;
}

const typesOf = (listener: Listener) => listener.events.map((event) => event.type);

beforeAll(async () => {
	team = await createTeam();
	server = await startRealtime();
}, 60_000);
afterEach(() => {
	for (const name of ['PUBLIC_SOCKETS_PER_IP', 'ADDRESS_HEADER', 'XFF_DEPTH'])
		delete process.env[name];
	resetConfig();
});
afterAll(async () => {
	for (const listener of open) listener.close();
	await server.stop();
});

describe('the public socket hears publications, and nothing else', () => {
	it('allowed: an anonymous socket gets the publication, after everything it may not hear', async () => {
		const anonymous = await connected(visitor());
		const secretariaat = await signedInClient(server.url, team.secretariaat);
		open.push(secretariaat);
		// An organisation's concept first, then a whole meeting held and its list published: every
		// event before the publication is for the table or an organisation.
		await draftItem(team.vngMedewerker, itemInput({ title: `Concept ${tag}` }));
		const published = await publishedListWith(
			team,
			[
				{ word: `openbaar${tag}`, by: team.vngMedewerker },
				{ word: `geheim${tag}`, by: team.ipoMedewerker, confidential: true }
			],
			{ title: `Overhedenoverleg ${tag}` }
		);
		await eventually(() => anonymous.events.length > 0);
		// The signed-in socket heard the rest first: the ordering proves the anonymous one was passed over.
		await eventually(() => typesOf(secretariaat).includes('publication.published.v1'));
		expect(typesOf(secretariaat).indexOf('publication.published.v1')).toBeGreaterThan(10);
		expect(typesOf(anonymous)).toEqual(['publication.published.v1']);

		const [event] = anonymous.events;
		expect(event).toMatchObject({
			subjectType: 'publication',
			subjectId: published.meeting.id,
			meetingId: published.meeting.id,
			actorPersonId: null,
			actorOrganisationId: null
		});
		const parsed = parsePayload(event!);
		if (parsed?.type !== 'publication.published.v1') throw new Error('not a publication');
		expect(parsed.payload.version).toMatchObject({ number: 1, reason: null, note: null });
		expect(parsed.payload.list?.decisions.map((d) => d.itemTitle)).toEqual([
			expect.stringContaining(`openbaar${tag}`)
		]);
		expect(parsed.payload.list?.confidentialItems).toBe(1);
		const text = JSON.stringify(event);
		expect(text).not.toContain(`geheim${tag}`);
		expect(text).not.toContain(team.secretariaat.personId);
		// Nothing beyond what the catalogue describes: the projection parsed it, keys and all.
		expect(Object.keys(event!.payload).sort()).toEqual(
			['list', 'meetingId', 'number', 'title', 'version'].sort()
		);

		// A correction: the decision's change is the table's, the new version everyone's.
		await correctFirst(team, published, `gecorrigeerd${tag}`);
		await eventually(() => anonymous.events.length === 2);
		expect(typesOf(anonymous)).toEqual(['publication.published.v1', 'publication.published.v1']);
		const corrected = parsePayload(anonymous.events[1]!);
		if (corrected?.type !== 'publication.published.v1') throw new Error('not a publication');
		expect(corrected.payload.version).toMatchObject({
			number: 2,
			reason: 'Correctie procedurele fout',
			reasonCode: 'c_c77c86e0',
			note: `Het eerste besluit is verbeterd (gecorrigeerd${tag}).`
		});
		expect(JSON.stringify(corrected.payload.list)).toContain(`gecorrigeerd${tag}`);
	}, 120_000);

	it('a cookie or a token sent along does not widen it: still the public audience only', async () => {
		const { cookie } = await sessionCookie(team.secretariaat);
		const withCookie = await connected(visitor({ cookie, origin: server.url }));
		const session = { ...team.secretariaat, via: 'session' as const };
		const { token } = await createApiToken(session, { name: `Publiek ${tag}`, scope: 'read' }, {});
		const withToken = await connected(visitor({ authorization: `Bearer ${token}` }, { token }));
		const since = await lastEventId(await useDb());

		// Table events first (a meeting held, decided and adopted), an organisation's concept, then the publication.
		await draftItem(team.secretariaat, itemInput({ title: `Concept secretariaat ${tag}` }));
		const published = await publishedListWith(team, [
			{ word: `breed${tag}`, by: team.vngMedewerker }
		]);
		for (const listener of [withCookie, withToken]) {
			await eventually(() => listener.events.length > 0);
			expect(typesOf(listener)).toEqual(['publication.published.v1']);
			expect(listener.events[0]!.subjectId).toBe(published.meeting.id);
		}

		// The replay too: asked for everything since before, only the publication comes.
		const replay = await emitWithAck<ReplayAck>(withCookie, 'replay', { since });
		if (!replay.ok) throw new Error(`replay refused: ${replay.error.message}`);
		expect(replay.events.map((event) => event.type)).toEqual(['publication.published.v1']);
		expect(replay.events[0]!.actorPersonId).toBeNull();
	}, 120_000);
});

describe('what a visitor may send', () => {
	it('allowed: a replay of the public events, each as it went live', async () => {
		const anonymous = await connected(visitor());
		const answer = await emitWithAck<ReplayAck>(anonymous, 'replay', { since: 0 });
		if (!answer.ok) throw new Error(`replay refused: ${answer.error.message}`);
		expect(answer.tooFarBehind).toBe(false);
		const db = await useDb();
		const all = await db
			.select({ id: events.id, type: events.type, audience: events.audience })
			.from(events);
		// Public publications; a public event of a type the public catalogue does not describe would
		// not go (publications/live.spec.ts), but this file writes none.
		const publicIds = all
			.filter((row) => row.audience.includes('public') && row.type === 'publication.published.v1')
			.map((row) => row.id);
		expect(publicIds.length).toBeGreaterThanOrEqual(3);
		expect(answer.events.map((event) => event.id)).toEqual(publicIds.sort((a, b) => a - b));
		expect(all.length).toBeGreaterThan(publicIds.length * 10);
		expect(answer.lastEventId).toBe(await lastEventId(db));
		for (const event of answer.events) {
			expect(event.actorPersonId).toBeNull();
			expect(parsePayload(event)?.type).toBe('publication.published.v1');
		}
	});

	it('denied: every other message, and a bad replay, get a problem and change nothing', async () => {
		const anonymous = await connected(visitor());
		const meeting = await emitWithAck<ReplayAck>(anonymous, 'meeting:follow', {
			meetingId: randomUUID()
		});
		expect(meeting).toEqual({
			ok: false,
			error: { code: 'invalid_message', message: expect.stringMatching(/alleen om een replay/) }
		});
		for (const name of ['item:follow', 'item:editing', 'publish', 'agenda:submit']) {
			const answer = await emitWithAck<ReplayAck>(anonymous, name, { itemId: randomUUID() });
			expect(answer.ok).toBe(false);
		}
		for (const bad of [{}, { since: -1 }, { since: 'gisteren' }, { since: 1, more: true }]) {
			const answer = await emitWithAck<ReplayAck>(anonymous, 'replay', bad);
			expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
		}
		// Still connected and still answered: a refused message ends nothing.
		expect((await emitWithAck<ReplayAck>(anonymous, 'replay', { since: 0 })).ok).toBe(true);
	});

	it('the signed-in namespace still refuses an anonymous socket', async () => {
		const refused = await refusal(client(server.url, { origin: server.url }));
		expect(refused.data?.code).toBe('unauthorized');
	});
});

describe('a few sockets per address', () => {
	const publicSockets = () => server.realtime.io.of(PUBLIC_NAMESPACE).sockets.size;

	it('the next one over the limit is refused calmly, and admitted once one closes', async () => {
		// The earlier tests' visitors came from this address too.
		for (const listener of open.splice(0)) listener.close();
		await eventually(() => publicSockets() === 0);
		process.env.PUBLIC_SOCKETS_PER_IP = '3';
		resetConfig();
		const three = [visitor(), visitor(), visitor()];
		for (const listener of three) await connected(listener);
		const fourth = await refusal(visitor());
		expect(fourth.message).toBe(TOO_MANY);
		expect(fourth.data?.code).toBe('too_many');

		three[0]!.close();
		await eventually(() => publicSockets() === 2);
		const again = await connected(visitor());
		expect(again.socket.connected).toBe(true);
		// One closed by the server (say, a process shutting down) frees its place as well.
		const gone = disconnected(three[1]!);
		server.realtime.io.of(PUBLIC_NAMESPACE).sockets.get(three[1]!.socket.id!)?.disconnect(true);
		await gone;
		await connected(visitor());
		await refusal(visitor());
	});

	it('a signed-in page’s public socket shares its connection, and frees its place on leaving', async () => {
		for (const listener of open.splice(0)) listener.close();
		await eventually(() => publicSockets() === 0);
		process.env.PUBLIC_SOCKETS_PER_IP = '1';
		resetConfig();
		// One connection, two namespaces, as the browser has it on a public page while signed in.
		const { cookie } = await sessionCookie(team.vngMedewerker);
		const manager = new Manager(server.url, {
			path: REALTIME_PATH,
			transports: ['websocket'],
			extraHeaders: { cookie, origin: server.url },
			reconnection: false
		});
		const welcomed = (socket: ReturnType<Manager['socket']>) =>
			new Promise((resolve) => socket.once('welcome' as never, resolve));
		const signedIn = manager.socket('/');
		const publicOne = manager.socket(PUBLIC_NAMESPACE);
		const both = Promise.all([welcomed(signedIn), welcomed(publicOne)]);
		try {
			await both;
			expect((await refusal(visitor())).data?.code).toBe('too_many');
			// Off the public pages: the public socket goes, the connection stays for the signed-in one.
			publicOne.disconnect();
			await eventually(() => publicSockets() === 0);
			expect(signedIn.connected).toBe(true);
			await connected(visitor());
		} finally {
			signedIn.close();
			publicOne.close();
		}
	});

	it('behind a trusted proxy: the address it names, not what the client wrote before it', async () => {
		process.env.PUBLIC_SOCKETS_PER_IP = '2';
		process.env.ADDRESS_HEADER = 'X-Forwarded-For';
		resetConfig();
		const first = { 'x-forwarded-for': '203.0.113.7' };
		await connected(visitor(first));
		await connected(visitor(first));
		// A forged address left of the proxy's own entry does not make a new one.
		const forged = await refusal(visitor({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }));
		expect(forged.data?.code).toBe('too_many');
		// Another address has places of its own.
		await connected(visitor({ 'x-forwarded-for': '203.0.113.8' }));
		// Two proxies trusted: the second entry from the right is the client, whichever proxy it took.
		process.env.XFF_DEPTH = '2';
		resetConfig();
		await connected(visitor({ 'x-forwarded-for': '203.0.113.20, 192.0.2.1' }));
		await connected(visitor({ 'x-forwarded-for': '10.0.0.1, 203.0.113.20, 192.0.2.2' }));
		const third = await refusal(visitor({ 'x-forwarded-for': '203.0.113.20, 192.0.2.3' }));
		expect(third.data?.code).toBe('too_many');
	});
});
