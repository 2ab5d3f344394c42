import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeClient } from './client.svelte';
import { REALTIME_PATH, type RealtimeEvent } from './protocol';

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

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the browser client', () => {
	it('holds a live event that comes before the welcome, so the replay still brings the older ones', async () => {
		// The client listens for the browser's `online` event; in Node there is no window.
		const globals = globalThis as { window?: unknown };
		globals.window ??= { addEventListener() {}, removeEventListener() {} };
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
});
