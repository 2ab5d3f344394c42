import { describe, expect, it } from 'vitest';
import type { LiveAttachment, LiveComment, LiveItemRow } from './event-payloads';
import { ItemLive, type ItemLiveStart } from './item-live.svelte';
import { itemLiveEvent, liveEvent, liveItemRow } from './test-events';

const row = (overrides: Partial<LiveItemRow> = {}) =>
	liveItemRow('i1', {
		title: 'Jeugdzorg',
		version: 2,
		coSponsors: [{ party: 'ipo', status: 'uitgenodigd' }],
		...overrides
	});

function comment(id: string, overrides: Partial<LiveComment> = {}): LiveComment {
	return {
		id,
		parentId: null,
		authorId: 'p-ipo',
		authorName: 'Medewerker IPO',
		body: `Reactie ${id}`,
		createdAt: '2027-02-01T10:00:00.000Z',
		editedAt: null,
		deletedAt: null,
		...overrides
	};
}

function attachment(id: string, organisationId: string): LiveAttachment {
	return {
		id,
		itemId: 'i1',
		filename: `${id}.pdf`,
		mediaType: 'application/pdf',
		size: 1200,
		sha256: 'ab'.repeat(32),
		uploadedBy: 'p-vng',
		uploadedByOrganisationId: organisationId,
		uploaderName: 'Medewerker VNG',
		uploadedAt: '2027-02-01T11:00:00.000Z'
	};
}

const commentEvent = (type: string, body: LiveComment, extra: Record<string, unknown> = {}) =>
	liveEvent(
		`comment.${type}.v1`,
		{ itemId: 'i1', comment: body, ...extra },
		{ type: 'comment', id: body.id, actor: 'p-ipo' }
	);
const added = (body: LiveComment) => commentEvent('added', body, { parentId: body.parentId });

type Page = ItemLiveStart<LiveItemRow & { summary: string }>;

function live(overrides: Partial<Page> = {}) {
	return new ItemLive({
		item: { ...row(), summary: 'Tekst' },
		comments: [],
		attachments: [],
		revisionCount: 2,
		viewer: { organisationId: 'org-uvw', party: 'uvw' },
		mayInvite: false,
		mayDeleteNew: { own: true, others: false },
		...overrides
	});
}

describe('the item page applies events in place', () => {
	it("an item's row: a new title and version, a new place and minutes", () => {
		const state = live({ item: { ...row({ status: 'geagendeerd' }), summary: 'Tekst' } });
		const retitled = row({ status: 'geagendeerd', title: 'Jeugdzorg (herzien)', version: 3 });
		expect(state.apply(itemLiveEvent('agenda_item.updated.v1', retitled))).toBe(true);
		expect(state.item).toMatchObject({
			title: 'Jeugdzorg (herzien)',
			version: 3,
			summary: 'Tekst'
		});
		expect(state.revisionCount).toBe(3);
		const moved = {
			...retitled,
			position: 2,
			minutes: 45,
			carriedBy: ['vng' as const, 'ipo' as const]
		};
		expect(state.apply(itemLiveEvent('agenda_item.placed.v1', moved))).toBe(true);
		expect(state.item).toMatchObject({ position: 2, minutes: 45, carriedBy: ['vng', 'ipo'] });
		expect(
			state.apply(
				liveEvent(
					'agenda.reordered.v1',
					{ order: ['x', 'i1'], positions: { x: 1, i1: 3 } },
					{ type: 'meeting' }
				)
			)
		).toBe(true);
		expect(state.item.position).toBe(3);
	});

	it('a comment appears, gets a reply, is edited and deleted; the page says who did it', () => {
		const state = live();
		expect(state.apply(added(comment('c1')))).toBe(true);
		expect(
			state.apply(added(comment('c2', { parentId: 'c1', createdAt: '2027-02-01T10:05:00.000Z' })))
		).toBe(true);
		expect(
			state.comments.map((thread) => [thread.id, thread.replies.map((reply) => reply.id)])
		).toEqual([['c1', ['c2']]]);
		expect(state.comments[0]!.createdAt).toBeInstanceOf(Date);
		expect(state.lastChange).toMatchObject({
			kind: 'comment_added',
			name: 'Medewerker IPO',
			byPersonId: 'p-ipo'
		});
		const edited = comment('c1', { body: 'Tweede versie', editedAt: '2027-02-01T10:10:00.000Z' });
		expect(state.apply(commentEvent('edited', edited))).toBe(true);
		expect(state.comments[0]).toMatchObject({ body: 'Tweede versie', replies: [{ id: 'c2' }] });
		const deleted = { ...edited, body: '', deletedAt: '2027-02-01T10:20:00.000Z' };
		expect(state.apply(commentEvent('deleted', deleted, { authorId: 'p-ipo' }))).toBe(true);
		expect(state.comments[0]!.deletedAt).toBeInstanceOf(Date);
		expect(state.comments[0]!.body).toBe('');
		expect(state.lastChange?.kind).toBe('comment_deleted');
	});

	it('an attachment arrives with what the viewer may do with it, and goes again', () => {
		const state = live();
		state.apply(
			liveEvent(
				'attachment.uploaded.v1',
				{
					itemId: 'i1',
					filename: 'a.pdf',
					mediaType: 'application/pdf',
					size: 1200,
					sha256: 'ab'.repeat(32),
					attachment: attachment('a', 'org-uvw')
				},
				{ type: 'attachment', id: 'a' }
			)
		);
		const other = attachment('b', 'org-vng');
		state.apply(
			liveEvent(
				'attachment.uploaded.v1',
				{
					itemId: 'i1',
					filename: other.filename,
					mediaType: other.mediaType,
					size: other.size,
					sha256: other.sha256,
					attachment: other
				},
				{ type: 'attachment', id: 'b' }
			)
		);
		expect(state.attachments.map((row) => [row.id, row.mayDelete])).toEqual([
			['a', true],
			['b', false]
		]);
		const gone = liveEvent(
			'attachment.deleted.v1',
			{ itemId: 'i1', filename: 'a.pdf', size: 1200, sha256: 'ab'.repeat(32), uploadedBy: 'p-vng' },
			{ type: 'attachment', id: 'a' }
		);
		expect(state.apply(gone)).toBe(true);
		expect(state.attachments.map((row) => row.id)).toEqual(['b']);
		expect(state.lastChange).toMatchObject({ kind: 'attachment_deleted', name: 'a.pdf' });
	});

	it('an older event arriving after a newer one does not undo it', () => {
		const state = live();
		const newer = itemLiveEvent('agenda_item.updated.v1', row({ title: 'Nieuwste', version: 3 }));
		const older = {
			...itemLiveEvent('agenda_item.updated.v1', row({ title: 'Oud', version: 2 })),
			id: newer.id - 1
		};
		expect(state.apply(newer)).toBe(true);
		expect(state.apply(older)).toBe(true);
		expect(state.item.title).toBe('Nieuwste');
		const deleted = commentEvent(
			'deleted',
			comment('c1', { body: '', deletedAt: '2027-02-01T10:20:00.000Z' }),
			{ authorId: 'p-ipo' }
		);
		const lateAdd = { ...added(comment('c1')), id: deleted.id - 1 };
		state.apply(deleted);
		state.apply(lateAdd);
		expect(state.comments[0]!.deletedAt).not.toBeNull();
	});

	it('a comment already deleted when the page loaded stays deleted when its late event comes', () => {
		const trace = {
			...comment('c1'),
			body: '',
			createdAt: new Date('2027-02-01T10:00:00Z'),
			editedAt: null,
			deletedAt: new Date('2027-02-01T10:20:00Z'),
			replies: []
		};
		const state = live({ comments: [trace] });
		expect(state.apply(added(comment('c1')))).toBe(true);
		expect(state.comments[0]!.body).toBe('');
	});

	it('answers false for what it cannot apply', () => {
		const state = live();
		// A new status changes what the viewer may do; only the server knows what.
		expect(
			state.apply(
				itemLiveEvent(
					'agenda_item.placed.v1',
					row({ status: 'geagendeerd', position: 1, minutes: 30 })
				)
			)
		).toBe(false);
		// The summary is not in the row: it is rendered on the server.
		expect(
			state.apply(
				itemLiveEvent('agenda_item.updated.v1', row({ version: 3 }), { changed: ['summary'] })
			)
		).toBe(false);
		// The viewer's own party was asked to co-sponsor: they may now answer.
		const invited = row({
			coSponsors: [
				{ party: 'ipo', status: 'uitgenodigd' },
				{ party: 'uvw', status: 'uitgenodigd' }
			]
		});
		expect(
			state.apply(itemLiveEvent('agenda_item.co_sponsor_invited.v1', invited, { party: 'uvw' }))
		).toBe(false);
		// A reply whose thread is not on the page; an event without its row; what is not described.
		expect(state.apply(added(comment('c9', { parentId: 'unknown' })))).toBe(false);
		expect(
			state.apply(liveEvent('agenda_item.submitted.v1', { title: 'zonder rij' }, { id: 'i1' }))
		).toBe(false);
		expect(state.apply(liveEvent('meeting.adopted.v1', { title: 'x' }, { type: 'meeting' }))).toBe(
			false
		);
		expect(state.item.status).toBe('ingediend');
	});

	it('co-sponsoring of other parties applies in place, unless the viewer may invite', () => {
		const accepted = row({
			coSponsors: [{ party: 'ipo', status: 'geaccepteerd' }],
			carriedBy: ['vng', 'ipo']
		});
		const answer = () =>
			itemLiveEvent('agenda_item.co_sponsor_responded.v1', accepted, {
				party: 'ipo',
				accepted: true
			});
		const bystander = live();
		expect(bystander.apply(answer())).toBe(true);
		expect(bystander.item.carriedBy).toEqual(['vng', 'ipo']);
		expect(live({ mayInvite: true }).apply(answer())).toBe(false);
	});

	it("another item's events change nothing here", () => {
		const state = live();
		expect(
			state.apply(itemLiveEvent('agenda_item.updated.v1', row({ id: 'i2', title: 'Ander' })))
		).toBe(true);
		expect(
			state.apply(
				liveEvent(
					'comment.added.v1',
					{ itemId: 'i2', parentId: null, comment: comment('c5') },
					{ type: 'comment' }
				)
			)
		).toBe(true);
		expect(state.item.title).toBe('Jeugdzorg');
		expect(state.comments).toEqual([]);
	});
});
