import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftItem, submitItem, updateItem } from '../../../src/lib/server/agenda';
import { transaction, useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { appendEvents } from '../../../src/lib/server/events';
import { createApiToken, endSession } from '../../../src/lib/server/identity/account';
import { setDisabled } from '../../../src/lib/server/identity/people';
import { lastEventId } from '../../../src/lib/server/realtime/rooms';
import {
	REPLAY_LIMIT,
	type FollowItemAck,
	type FollowMeetingAck,
	type ReplayAck,
	type SimpleAck
} from '../../../src/lib/realtime/protocol';
import { useProcessDatabase } from '../process-env';
import { createTeam, itemInput, openMeetingFor, type Team } from '../agenda/fixtures';
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

useProcessDatabase();

let team: Team;
let server: Awaited<ReturnType<typeof startRealtime>>;
const open: Listener[] = [];
async function signedIn(actor: Team[keyof Team]) {
	const listener = await signedInClient(server.url, actor);
	open.push(listener);
	return listener;
}

beforeAll(async () => {
	team = await createTeam();
	server = await startRealtime();
});
afterAll(async () => {
	for (const listener of open) listener.close();
	await server.stop();
});

describe('the handshake', () => {
	it('allowed: a session cookie from the app’s own page; the welcome names the person', async () => {
		await draftItem(team.vngMedewerker, itemInput());
		const newest = await lastEventId(await useDb());
		const listener = await signedIn(team.vngMedewerker);
		const welcome = await listener.welcome;
		expect(welcome.personId).toBe(team.vngMedewerker.personId);
		expect(newest).toBeGreaterThan(0);
		expect(welcome.lastEventId).toBe(newest);
	});

	it('denied: no cookie, a cookie from another site, a session still at its second step', async () => {
		const anonymous = client(server.url, { origin: server.url });
		const noCookie = await refusal(anonymous);
		expect(noCookie.message).toBe('U bent niet (meer) ingelogd. Log opnieuw in.');
		expect(noCookie.data?.code).toBe('unauthorized');

		const { cookie } = await sessionCookie(team.vngMedewerker);
		const elsewhere = await refusal(client(server.url, { cookie, origin: 'https://evil.example' }));
		expect(elsewhere.data?.code).toBe('origin');
		expect(elsewhere.message).toMatch(/hoort niet bij het Overhedenoverleg/);
		const noOrigin = await refusal(client(server.url, { cookie }));
		expect(noOrigin.data?.code).toBe('origin');

		const halfway = await sessionCookie(team.secretariaat, false);
		const secondStep = await refusal(
			client(server.url, { cookie: halfway.cookie, origin: server.url })
		);
		expect(secondStep.data?.code).toBe('unauthorized');
	});

	it('allowed: a machine client with an API token; denied: a made-up token', async () => {
		const session = { ...team.ipoMedewerker, via: 'session' as const };
		const { token } = await createApiToken(session, { name: 'Koppeling IPO', scope: 'read' }, {});
		const machine = client(server.url, {}, { token });
		open.push(machine);
		expect((await machine.welcome).personId).toBe(team.ipoMedewerker.personId);
		const fake = await refusal(
			client(server.url, {}, { token: 'oho_00000000-0000-4000-8000-000000000000.xyz' })
		);
		expect(fake.data?.code).toBe('unauthorized');
	});
});

describe('delivery follows visibility', () => {
	it('a concept reaches its own organisation only; once submitted, every participant', async () => {
		const vng = await signedIn(team.vngBestuurder);
		const ipo = await signedIn(team.ipoMedewerker);
		const secretariaat = await signedIn(team.secretariaat);
		const meeting = await openMeetingFor(team);

		const concept = await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
		await updateItem(team.vngMedewerker, concept.id, {
			...itemInput({ meetingId: meeting.id, title: 'Geheim concept van VNG' }),
			expectedVersion: concept.version
		});
		await eventually(() => vng.events.filter((e) => e.subjectId === concept.id).length === 2);
		expect(vng.events.find((e) => e.subjectId === concept.id)?.type).toBe('agenda_item.drafted.v1');

		await submitItem(team.vngMedewerker, concept.id);
		await eventually(() => ipo.events.some((e) => e.subjectId === concept.id));
		await eventually(() => secretariaat.events.some((e) => e.subjectId === concept.id));
		// The other party and the secretariat got the submission, and nothing from before it.
		for (const other of [ipo, secretariaat]) {
			const about = other.events.filter((e) => e.subjectId === concept.id);
			expect(about.map((e) => e.type)).toEqual(['agenda_item.submitted.v1']);
		}
		// An audit event of IPO's own, so that the log surely holds one the replay must leave out.
		const session = { ...team.ipoMedewerker, via: 'session' as const };
		await createApiToken(session, { name: 'Audit in de log', scope: 'read' }, {});
		const db = await useDb();
		const audit = await db
			.select({ id: events.id })
			.from(events)
			.where(like(events.type, 'auth.%'));
		expect(audit.length).toBeGreaterThan(0);
		// Asked for everything, the replay does not hand the concept's history to IPO either.
		const replay = await emitWithAck<ReplayAck>(ipo, 'replay', { since: 0 });
		// A refused replay would make every check below vacuous: it must be an answer.
		if (!replay.ok) throw new Error(`replay refused: ${replay.error.message}`);
		expect(replay.tooFarBehind).toBe(false);
		expect(replay.events.filter((e) => e.subjectId === concept.id).map((e) => e.type)).toEqual([
			'agenda_item.submitted.v1'
		]);
		// Nor does it hand over audit events (logins, tokens).
		expect(replay.events.filter((e) => e.type.startsWith('auth.'))).toEqual([]);
	});

	it('nothing is sent of a transaction that rolls back', async () => {
		const listener = await signedIn(team.uvwMedewerker);
		const marker = `rollback-${Date.now()}`;
		await expect(
			transaction(async (tx) => {
				await appendEvents(tx, { actor: null }, [
					{
						type: 'test.rolled_back.v1',
						subjectType: 'test',
						subjectId: marker,
						audience: { kind: 'table' }
					}
				]);
				throw new Error('undone');
			})
		).rejects.toThrow('undone');
		await transaction((tx) =>
			appendEvents(tx, { actor: null }, [
				{
					type: 'test.committed.v1',
					subjectType: 'test',
					subjectId: marker,
					audience: { kind: 'table' }
				}
			])
		);
		await eventually(() => listener.events.some((e) => e.type === 'test.committed.v1'));
		expect(listener.events.filter((e) => e.subjectId === marker).map((e) => e.type)).toEqual([
			'test.committed.v1'
		]);
	});
});

describe('replay', () => {
	it('allowed: every visible event after an id, in order, each once', async () => {
		const listener = await signedIn(team.bzkMedewerker);
		const { lastEventId } = await listener.welcome;
		const meeting = await openMeetingFor(team);
		const item = await submitItem(
			team.bzkMedewerker,
			(await draftItem(team.bzkMedewerker, itemInput({ meetingId: meeting.id }))).id
		);
		const answer = await emitWithAck<ReplayAck>(listener, 'replay', { since: lastEventId });
		expect(answer.ok).toBe(true);
		if (!answer.ok) return;
		const ids = answer.events.map((e) => e.id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(new Set(ids).size).toBe(ids.length);
		expect(answer.events.filter((e) => e.subjectId === item.id).map((e) => e.type)).toEqual([
			'agenda_item.drafted.v1',
			'agenda_item.submitted.v1'
		]);
		expect(answer.tooFarBehind).toBe(false);
	});

	it('too far behind: no events, and the client is told to reload', async () => {
		const listener = await signedIn(team.finMedewerker);
		const { lastEventId } = await listener.welcome;
		const db = await useDb();
		await db.insert(events).values(
			Array.from({ length: REPLAY_LIMIT + 1 }, (_, index) => ({
				type: 'test.filler.v1',
				subjectType: 'test',
				subjectId: String(index),
				audience: ['table']
			}))
		);
		const answer = await emitWithAck<ReplayAck>(listener, 'replay', { since: lastEventId });
		expect(answer).toMatchObject({ ok: true, tooFarBehind: true, events: [] });
	});

	it('denied: a bad request gets an error acknowledgement', async () => {
		const listener = await signedIn(team.uvwBestuurder);
		for (const bad of [{ since: 'gisteren' }, { since: -1 }, {}, 'x', { since: 1, extra: true }]) {
			const answer = await emitWithAck<ReplayAck>(listener, 'replay', bad);
			expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
		}
		const unknown = await emitWithAck<SimpleAck>(listener, 'agenda:delete', { all: true });
		expect(unknown).toMatchObject({
			ok: false,
			error: { code: 'invalid_message', message: 'Onbekend bericht: agenda:delete.' }
		});
	});
});

describe('following a meeting: presence as deltas', () => {
	/** The presence messages a listener receives from now on. */
	function deltas(listener: Listener) {
		const received: Array<{ joined: string[]; left: string[]; whole: boolean }> = [];
		listener.socket.on('presence', (message) =>
			received.push({
				joined: message.joined.map((p) => p.personId),
				left: message.left,
				// The old protocol's whole list must not come back.
				whole: 'present' in message
			})
		);
		return received;
	}
	const follow = (listener: Listener, meetingId: string) =>
		emitWithAck<FollowMeetingAck>(listener, 'meeting:follow', { meetingId });

	it('allowed: the follower gets the whole list once, in its answer; the others who came and who left', async () => {
		const meeting = await openMeetingFor(team);
		const vng = await signedIn(team.vngMedewerker);
		const ipo = await signedIn(team.ipoBestuurder);
		const first = await follow(vng, meeting.id);
		expect(first.ok && first.present.map((p) => p.personId)).toEqual([team.vngMedewerker.personId]);
		const toVng = deltas(vng);
		const second = await follow(ipo, meeting.id);
		// By party, then name; the follower is in it at once.
		expect(second.ok && second.present.map((p) => p.name)).toEqual([
			team.ipoBestuurder.name,
			team.vngMedewerker.name
		]);
		await eventually(() => toVng.length === 1);
		expect(toVng).toEqual([{ joined: [team.ipoBestuurder.personId], left: [], whole: false }]);
		ipo.close();
		await eventually(() => toVng.length === 2);
		expect(toVng[1]).toEqual({ joined: [], left: [team.ipoBestuurder.personId], whole: false });
	});

	it('a second tab of the same person brings no "joined"; closing one of two no "left"', async () => {
		const meeting = await openMeetingFor(team);
		const watcher = await signedIn(team.secretariaat);
		await follow(watcher, meeting.id);
		const seen = deltas(watcher);
		const person = team.uvwBestuurder.personId;
		const mentions = () =>
			seen.filter((d) => d.joined.includes(person) || d.left.includes(person)).length;

		const firstTab = await signedIn(team.uvwBestuurder);
		await follow(firstTab, meeting.id);
		await eventually(() => mentions() === 1);
		const secondTab = await signedIn(team.uvwBestuurder);
		const answer = await follow(secondTab, meeting.id);
		expect(answer.ok && answer.present.filter((p) => p.personId === person)).toHaveLength(1);
		// Someone else comes after the second tab: their "joined" is a batch at or after the second
		// tab's, so a "joined" for the second tab would have come by then.
		const other = await signedIn(team.finMedewerker);
		await follow(other, meeting.id);
		await eventually(() => seen.some((d) => d.joined.includes(team.finMedewerker.personId)));
		expect(mentions()).toBe(1);

		const firstId = firstTab.socket.id!;
		firstTab.close();
		await eventually(() => !server.realtime.io.of('/').sockets.has(firstId));
		await emitWithAck<SimpleAck>(other, 'meeting:unfollow', { meetingId: meeting.id });
		await eventually(() => seen.some((d) => d.left.includes(team.finMedewerker.personId)));
		expect(mentions()).toBe(1);

		secondTab.close();
		await eventually(() => seen.some((d) => d.left.includes(person)));
		expect(seen.every((d) => !d.whole)).toBe(true);
	});

	it('denied: a meeting that does not exist, or a malformed id', async () => {
		const listener = await signedIn(team.vngBestuurder);
		const missing = await emitWithAck<FollowMeetingAck>(listener, 'meeting:follow', {
			meetingId: '00000000-0000-4000-8000-00000000dead'
		});
		expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
		const malformed = await emitWithAck<FollowMeetingAck>(listener, 'meeting:follow', {
			meetingId: '1 or 1=1'
		});
		expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
	});
});

describe('following an item: who is editing', () => {
	it('allowed: an editor’s name reaches the other followers once however many tabs, and goes with the last', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitItem(
			team.vngMedewerker,
			(await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }))).id
		);
		const tabs = [await signedIn(team.vngBestuurder), await signedIn(team.vngBestuurder)];
		const second = await signedIn(team.secretariaat);
		const reader = await signedIn(team.uvwMedewerker);
		for (const tab of [...tabs, second]) {
			await emitWithAck<FollowItemAck>(tab, 'item:follow', { itemId: item.id });
		}
		const followed = await emitWithAck<FollowItemAck>(reader, 'item:follow', { itemId: item.id });
		expect(followed).toEqual({ ok: true, editing: [] });
		const seen: Array<{ joined: string[]; left: string[] }> = [];
		reader.socket.on('editing', (message) =>
			seen.push({ joined: message.joined.map((p) => p.name), left: message.left })
		);
		const editing = (tab: Listener, on: boolean) =>
			emitWithAck<SimpleAck>(tab, 'item:editing', { itemId: item.id, editing: on });
		const editor = team.vngBestuurder;
		const about = (name: string) => seen.filter((d) => d.joined.includes(name));

		expect(await editing(tabs[0]!, true)).toEqual({ ok: true });
		await eventually(() => about(editor.name).length === 1);
		await editing(tabs[1]!, true);
		await editing(tabs[0]!, false);
		// A later editor's "joined" comes in a batch at or after those two changes.
		await editing(second, true);
		await eventually(() => about(team.secretariaat.name).length === 1);
		expect(about(editor.name)).toHaveLength(1);
		expect(seen.flatMap((d) => d.left)).toEqual([]);
		await editing(tabs[1]!, false);
		await eventually(() => seen.some((d) => d.left.includes(editor.personId)));
	});

	it('denied: another party’s concept cannot be followed; editing needs following first', async () => {
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const ipo = await signedIn(team.ipoMedewerker);
		const refused = await emitWithAck<FollowItemAck>(ipo, 'item:follow', { itemId: concept.id });
		expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
		const editing = await emitWithAck<SimpleAck>(ipo, 'item:editing', {
			itemId: concept.id,
			editing: true
		});
		expect(editing).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
	});
});

describe('an ended session or a disabled account ends its sockets at once', () => {
	it('ending the session disconnects its socket, not the person’s other sessions', async () => {
		const first = await sessionCookie(team.rijkBestuurder);
		const second = await sessionCookie(team.rijkBestuurder);
		const ended = client(server.url, { cookie: first.cookie, origin: server.url });
		const kept = client(server.url, { cookie: second.cookie, origin: server.url });
		open.push(ended, kept);
		await Promise.all([ended.welcome, kept.welcome]);
		const gone = disconnected(ended);
		await endSession(team.rijkBestuurder, first.sessionId, {});
		expect(await gone).toBe('io server disconnect');
		expect(kept.socket.connected).toBe(true);
	});

	it('disabling the account disconnects its browser and its machine client', async () => {
		const person = (await createTeam()).uvwMedewerker;
		const browser = await signedIn(person);
		const { token } = await createApiToken(
			{ ...person, via: 'session' },
			{ name: 'Koppeling', scope: 'read' },
			{}
		);
		const machine = client(server.url, {}, { token });
		open.push(machine);
		await machine.welcome;
		const both = Promise.all([disconnected(browser), disconnected(machine)]);
		await setDisabled(team.beheerder, person.personId, true, {});
		expect(await both).toEqual(['io server disconnect', 'io server disconnect']);
	});
});
