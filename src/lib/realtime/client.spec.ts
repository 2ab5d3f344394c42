import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeClient } from './client.svelte';
import { REALTIME_PATH, type PresentPerson, type RealtimeEvent } from './protocol';

function event(id: number): RealtimeEvent {
	return {
		id,
		type: 'agenda_item.submitted.v1',
		occurredAt: '2026-11-30T10:00:00Z',
		subjectType: 'agenda_item',
		subjectId: `item-${id}`,
		meetingId: 'meeting-1',
		actorPersonId: 'p-ipo',
		actorOrganisationId: 'org-ipo',
		payload: { title: `Punt ${id}` }
	};
}

/**
 * A server that behaves as the app's may under load: it joins the socket to its rooms before it
 * says welcome, so a live event (5) arrives first; the log holds 3 and 4 as well.
 */
async function serverWithEarlyEvent() {
	const log = [event(3), event(4), event(5)];
	const http = createServer();
	const io = new Server(http, { path: REALTIME_PATH });
	const replays: number[] = [];
	io.on('connection', (socket) => {
		socket.on('replay', ({ since }: { since: number }, ack: (answer: unknown) => void) => {
			replays.push(since);
			ack({
				ok: true,
				events: log.filter((e) => e.id > since),
				lastEventId: 5,
				tooFarBehind: false
			});
		});
		socket.emit('event', event(5));
		setTimeout(
			() => socket.emit('welcome', { personId: 'p', organisationId: 'o', lastEventId: 5 }),
			50
		);
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
		replays,
		close: () => new Promise((resolve) => io.close(resolve))
	};
}

/** A server of the test's own; `onConnection` plays the app's part. */
async function serverWith(onConnection: (socket: import('socket.io').Socket, n: number) => void) {
	const http = createServer();
	const io = new Server(http, { path: REALTIME_PATH });
	let connections = 0;
	io.on('connection', (socket) => onConnection(socket, ++connections));
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
		close: () => new Promise((resolve) => io.close(resolve))
	};
}

const person = (personId: string, name: string, party: string | null): PresentPerson => ({
	personId,
	name,
	party
});
const welcome = { personId: 'p', organisationId: 'o', lastEventId: 0 };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the browser client', () => {
	// The client listens for the browser's `online` event; in Node there is no window.
	const globals = globalThis as { window?: unknown };
	globals.window ??= { addEventListener() {}, removeEventListener() {} };

	it('holds a live event that comes before the welcome, so the replay still brings the older ones', async () => {
		const server = await serverWithEarlyEvent();
		cleanups.push(server.close);
		const client = new RealtimeClient();
		cleanups.push(() => client.stop());
		const applied: number[] = [];
		client.onEvent((e) => applied.push(e.id));

		client.start(2, server.url);
		await expect.poll(() => applied.length, { timeout: 5_000 }).toBe(3);
		expect(applied).toEqual([3, 4, 5]);
		expect(server.replays).toEqual([2]);
		await expect.poll(() => client.state).toBe('connected');
	});

	it('keeps presence from the follow’s answer and the deltas after it', async () => {
		const meetingId = 'meeting-1';
		const ipo = person('p-ipo', 'Karin Smit', 'ipo');
		const vng = person('p-vng', 'Fatima El Amrani', 'vng');
		const secretariaat = person('p-sec', 'Jan de Vries', null);
		const server = await serverWith((socket) => {
			socket.on('replay', (_request, ack) =>
				ack({ ok: true, events: [], lastEventId: 0, tooFarBehind: false })
			);
			socket.on('meeting:follow', (_request, ack) => {
				// A delta before the answer is already part of it: the client must not need it.
				socket.emit('presence', { meetingId, joined: [secretariaat], left: [] });
				ack({ ok: true, present: [vng] });
				socket.emit('presence', { meetingId, joined: [secretariaat, ipo], left: [] });
				socket.emit('presence', { meetingId, joined: [ipo], left: [vng.personId] });
			});
			socket.emit('welcome', welcome);
		});
		cleanups.push(server.close);
		const client = new RealtimeClient();
		cleanups.push(() => client.stop());
		client.start(0, server.url);
		const unfollow = client.followMeeting(meetingId);
		await expect
			.poll(() => client.presence.get(meetingId)?.map((p) => p.name))
			.toEqual([secretariaat.name, ipo.name]);
		unfollow();
		expect(client.presence.has(meetingId)).toBe(false);
	});

	it('replays from below the newest event it saw: an older one still on its way comes too', async () => {
		// Process B sends its own 12 at once; A's 11 is still crossing when the connection drops.
		const replays: number[] = [];
		const server = await serverWith((socket, n) => {
			const log = n === 1 ? [] : [event(11), event(12)];
			socket.on('replay', ({ since }: { since: number }, ack) => {
				replays.push(since);
				ack({
					ok: true,
					events: log.filter((e) => e.id > since),
					lastEventId: 12,
					tooFarBehind: false
				});
				if (n === 1) {
					socket.emit('event', event(12));
					setTimeout(() => socket.conn.close(), 20); // the network, not the server, ends it
				}
			});
			socket.emit('welcome', welcome);
		});
		cleanups.push(server.close);
		const client = new RealtimeClient();
		cleanups.push(() => client.stop());
		const applied: number[] = [];
		client.onEvent((e) => applied.push(e.id));
		client.start(10, server.url);
		await expect.poll(() => applied.length, { timeout: 5_000 }).toBe(2);
		expect(applied).toEqual([12, 11]);
		expect(replays).toEqual([10, 10]);
	});
});
