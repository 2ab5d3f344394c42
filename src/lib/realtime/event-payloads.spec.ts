import { describe, expect, it } from 'vitest';
import { isItemEvent, parsePayload } from './event-payloads';
import type { RealtimeEvent } from './protocol';

const event = (type: string, payload: Record<string, unknown>): RealtimeEvent => ({
	id: 1,
	type,
	occurredAt: '2027-02-01T10:00:00.000Z',
	subjectType: 'comment',
	subjectId: 'c1',
	meetingId: null,
	actorPersonId: null,
	actorOrganisationId: null,
	payload
});

const comment = {
	id: 'c1',
	parentId: null,
	authorId: 'p1',
	authorName: 'Lotte Mulder',
	body: 'Doen de provincies mee?',
	createdAt: '2027-02-01T10:00:00.000Z',
	editedAt: null,
	deletedAt: null
};

describe('parsePayload', () => {
	it('gives the payload typed by its event type, without fields it does not describe', () => {
		const parsed = parsePayload(
			event('comment.added.v1', { itemId: 'i1', parentId: null, comment, later: true })
		);
		expect(parsed?.type).toBe('comment.added.v1');
		if (parsed?.type !== 'comment.added.v1') throw new Error('not a comment');
		expect(parsed.payload).toEqual({ itemId: 'i1', parentId: null, comment });
		expect(isItemEvent(parsed)).toBe(false);
	});

	it('answers null for a payload that does not fit its type, or a type not described', () => {
		expect(parsePayload(event('comment.added.v1', { itemId: 'i1', parentId: null }))).toBeNull();
		const badTime = { ...comment, createdAt: 'gisteren' };
		expect(parsePayload(event('comment.edited.v1', { itemId: 'i1', comment: badTime }))).toBeNull();
		expect(parsePayload(event('meeting.opened.v1', {}))).toBeNull();
		expect(parsePayload(event('toString', {}))).toBeNull();
	});
});

const notification = {
	id: 'n1',
	kind: 'agenda_awaits_approval',
	subject: 'Uw akkoord gevraagd: agenda van Overhedenoverleg voorjaar',
	body: 'De agenda is in afstemming.',
	link: '/vergaderingen/m1',
	createdAt: '2027-02-01T10:00:00.000Z',
	readAt: null
};

describe('the notification events', () => {
	it('parse with the notification in both languages, the read ones and the mail choices', () => {
		const en = { subject: 'Your approval is asked', body: 'The agenda is being agreed.' };
		const created = parsePayload(event('notification.created.v1', { notification, en }));
		expect(created).toEqual({ type: 'notification.created.v1', payload: { notification, en } });
		const read = { ids: ['n1'], all: false, unread: 2 };
		expect(parsePayload(event('notification.read.v1', read))?.payload).toEqual(read);
		const choices = { language: 'en', digest: true, muted: ['item_treated'] };
		expect(parsePayload(event('notification.preferences_changed.v1', choices))?.payload).toEqual(
			choices
		);
	});

	it('answer null for a notification without its texts, a read count missing, a strange language', () => {
		const en = { subject: 'Your approval is asked', body: 'The agenda is being agreed.' };
		const { subject: _, ...noSubject } = notification;
		expect(
			parsePayload(event('notification.created.v1', { notification: noSubject, en }))
		).toBeNull();
		expect(
			parsePayload(
				event('notification.created.v1', { notification: { ...notification, readAt: 'nooit' }, en })
			)
		).toBeNull();
		expect(parsePayload(event('notification.read.v1', { ids: ['n1'], all: false }))).toBeNull();
		expect(
			parsePayload(
				event('notification.preferences_changed.v1', { language: 'fr', digest: false, muted: [] })
			)
		).toBeNull();
	});
});
