import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationInbox, type InboxNotification } from './notification-inbox.svelte';
import { liveEvent } from './test-events';

/*
 * The bell's list applies the person's notification events as the catalogue describes them
 * (event-payloads.ts); one it cannot read makes it read the list from the server again.
 */

const note = (id: string, readAt: string | null = null): InboxNotification => ({
	id,
	kind: 'agenda_awaits_approval',
	subject: `Uw akkoord gevraagd ${id}`,
	body: 'De agenda wacht op uw oordeel.',
	link: '/vergaderingen/m1',
	createdAt: '2027-02-01T10:00:00.000Z',
	readAt
});
const en = { subject: 'Your approval is asked', body: 'The agenda waits for you.' };
const personal = { type: 'notification', id: 'n', meetingId: null };

afterEach(() => vi.unstubAllGlobals());

describe('NotificationInbox', () => {
	it('puts a new notification on top, in the person’s language, once', () => {
		const inbox = new NotificationInbox({ notifications: [note('n1')], unread: 1 }, 'en');
		const created = liveEvent(
			'notification.created.v1',
			{ notification: note('n2'), en },
			personal
		);
		expect(inbox.apply(created)).toMatchObject({ id: 'n2', subject: en.subject });
		expect(inbox.items.map((row) => row.id)).toEqual(['n2', 'n1']);
		expect(inbox.unread).toBe(2);
		// The same event again (a replay after a reconnect) changes nothing.
		expect(inbox.apply(created)).toBeNull();
		expect(inbox.unread).toBe(2);
	});

	it('marks read what another device read, with the server’s count', () => {
		const inbox = new NotificationInbox(
			{ notifications: [note('n1'), note('n2')], unread: 2 },
			'nl'
		);
		const read = liveEvent(
			'notification.read.v1',
			{ ids: ['n1'], all: false, unread: 1 },
			personal
		);
		expect(inbox.apply(read)).toBeNull();
		expect(inbox.items.map((row) => row.readAt)).toEqual([read.occurredAt, null]);
		expect(inbox.unread).toBe(1);
	});

	it('reads the list again for an event it cannot parse, and leaves other events alone', async () => {
		const fetch = vi.fn(async () =>
			Response.json({ notifications: [note('n3')], unread: 1 }, { status: 200 })
		);
		vi.stubGlobal('fetch', fetch);
		const inbox = new NotificationInbox({ notifications: [note('n1')], unread: 1 }, 'nl');
		expect(inbox.apply(liveEvent('agenda.reordered.v1', { order: [], positions: {} }))).toBeNull();
		expect(fetch).not.toHaveBeenCalled();
		const broken = liveEvent('notification.created.v1', { notification: { id: 'n2' } }, personal);
		expect(inbox.apply(broken)).toBeNull();
		expect(inbox.unread).toBe(1);
		expect(fetch).toHaveBeenCalledOnce();
		await vi.waitFor(() => expect(inbox.items.map((row) => row.id)).toEqual(['n3']));
	});
});
