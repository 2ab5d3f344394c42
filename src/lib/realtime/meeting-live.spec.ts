import { describe, expect, it } from 'vitest';
import { snapshotOf } from '$lib/agenda/meeting-view';
import { MeetingLive, type WireApproval } from './meeting-live.svelte';
import type { LiveItemRow } from './event-payloads';
import { itemLiveEvent, liveEvent, liveItemRow } from './test-events';

const meeting = {
	id: 'm1',
	title: 'Overhedenoverleg',
	status: 'agenda_in_afstemming',
	startsAt: new Date('2027-03-01T09:00:00Z'),
	endsAt: new Date('2027-03-01T10:00:00Z')
};

const row = (id: string, overrides: Partial<LiveItemRow> = {}) =>
	liveItemRow(id, { status: 'geagendeerd', position: 1, minutes: 20, ...overrides });

/** An event as the server writes it: an item's with its fields beside the row. */
function event(type: string, payload: Record<string, unknown>, subjectType = 'agenda_item') {
	const { row: itemRow, ...extra } = payload;
	return itemRow
		? itemLiveEvent(type, itemRow as LiveItemRow, extra)
		: liveEvent(type, payload, { type: subjectType });
}

function live() {
	return new MeetingLive({
		meeting,
		items: [row('a'), row('b', { status: 'ingediend', position: null })],
		approvals: []
	});
}

describe('the meeting page applies events in place', () => {
	it('an item event with its row: changed, placed, moved away', () => {
		const state = live();
		expect(
			state.apply(event('agenda_item.updated.v1', { row: row('a', { title: 'Nieuw' }) }))
		).toBe(true);
		expect(state.view.agenda.map((item) => item.title)).toEqual(['Nieuw']);
		state.apply(event('agenda_item.placed.v1', { row: row('b', { position: 2, minutes: 50 }) }));
		expect(state.view.agenda.map((item) => item.id)).toEqual(['a', 'b']);
		expect(state.view.timing).toMatchObject({ totalMinutes: 70, exceeds: true, overBy: 10 });
		expect(state.view.todo.secretariaat).toContain(
			'De agenda duurt 10 minuten langer dan de vergadering.'
		);
		state.apply(event('agenda_item.deferred.v1', { row: row('b', { meetingId: 'm2' }) }));
		expect(state.items.map((item) => item.id)).toEqual(['a']);
	});

	it('a new item of another party appears; one without its row cannot be applied', () => {
		const state = live();
		state.apply(event('agenda_item.submitted.v1', { row: row('c', { status: 'ingediend' }) }));
		expect(state.view.otherItems.map((item) => item.id)).toEqual(['b', 'c']);
		expect(state.apply(event('agenda_item.submitted.v1', { title: 'zonder rij' }))).toBe(false);
	});

	it("a party's akkoord holds until the agenda changes; a reset says so too", () => {
		const state = live();
		const agreed: WireApproval = {
			party: 'ipo',
			decision: 'akkoord',
			reason: null,
			itemPositions: {},
			decidedAt: '2027-02-01T10:00:00.000Z',
			decidedByName: 'Bestuurder IPO',
			resetAt: null,
			agendaSnapshot: snapshotOf(state.view.agenda)
		};
		state.apply(
			event(
				'agenda.approval_recorded.v1',
				{ party: 'ipo', decision: 'akkoord', reason: null, fingerprint: 'f', approval: agreed },
				'meeting'
			)
		);
		const ipo = () => state.view.approvals.find((entry) => entry.party === 'ipo')!;
		expect(ipo().state).toBe('akkoord');
		expect(ipo().approval?.decidedAt).toBeInstanceOf(Date);
		state.apply(event('agenda_item.updated.v1', { row: row('a', { minutes: 30 }) }));
		expect(ipo().state).toBe('opnieuw_beoordelen');
		expect(ipo().changes.map((change) => change.kind)).toEqual(['minuten']);
		// Back as it was, the akkoord matches again; a reset from the server outweighs that.
		state.apply(event('agenda_item.updated.v1', { row: row('a', { minutes: 20 }) }));
		expect(ipo().state).toBe('akkoord');
		state.apply(
			event(
				'agenda.approval_reset.v1',
				{ party: 'ipo', resetAt: '2027-02-02T10:00:00.000Z' },
				'meeting'
			)
		);
		expect(ipo().state).toBe('opnieuw_beoordelen');
		expect(state.view.todo.parties.ipo).toEqual(['De gewijzigde agenda opnieuw beoordelen']);
	});

	it("a reorder moves the items; comments and the list's steps change nothing here; the meeting itself reloads", () => {
		const state = live();
		state.apply(event('agenda_item.placed.v1', { row: row('b', { position: 2 }) }));
		state.apply(
			event('agenda.reordered.v1', { order: ['b', 'a'], positions: { a: 2, b: 1 } }, 'meeting')
		);
		expect(state.view.agenda.map((item) => item.id)).toEqual(['b', 'a']);
		expect(state.apply(event('comment.added.v1', { itemId: 'a' }, 'comment'))).toBe(true);
		expect(state.apply(event('decision_list.verified.v1', { party: 'vng' }, 'decision_list'))).toBe(
			true
		);
		expect(state.apply(event('publication.published.v1', { number: 1 }, 'publication'))).toBe(true);
		expect(state.apply(event('meeting.adopted.v1', { title: 'x' }, 'meeting'))).toBe(false);
		expect(state.apply(event('agenda.something_new.v1', {}, 'meeting'))).toBe(false);
	});

	it("an older event that arrives after a newer one (another process's) does not undo it", () => {
		const state = live();
		const newer = event('agenda_item.updated.v1', { row: row('a', { title: 'Nieuwste' }) });
		const older = {
			...event('agenda_item.updated.v1', { row: row('a', { title: 'Oud' }) }),
			id: 1
		};
		expect(state.apply(newer)).toBe(true);
		expect(state.apply(older)).toBe(true);
		expect(state.view.agenda.map((item) => item.title)).toEqual(['Nieuwste']);
	});
});

describe('meeting mode on the meeting page', () => {
	const decision = (id: string, dealtOrder: number, outcome = 'aangenomen') => ({
		id,
		meetingId: 'm1',
		itemId: 'a',
		agendaNumber: 1,
		itemTitle: 'Jeugdzorg',
		outcome,
		dicta: ['vast te stellen.'],
		explanation: null,
		hamerstuk: false,
		dealtOrder,
		commitments: [],
		carriedOver: null,
		recordedAt: '2027-03-01T09:10:00.000Z',
		version: 1
	});

	it('a decision appears, a correction replaces it, in the order dealt with; an older one does not undo it', () => {
		const state = live();
		const second = liveEvent(
			'decision.recorded.v1',
			{ itemId: 'b', decision: decision('d2', 2) },
			{ type: 'decision' }
		);
		const first = liveEvent(
			'decision.recorded.v1',
			{ itemId: 'a', decision: decision('d1', 1) },
			{ type: 'decision' }
		);
		expect(state.apply(second)).toBe(true);
		expect(state.apply(first)).toBe(true);
		expect(state.decisions.map((d) => d.id)).toEqual(['d1', 'd2']);
		const corrected = liveEvent(
			'decision.recorded.v1',
			{ itemId: 'a', decision: { ...decision('d1', 1, 'verworpen'), version: 2 } },
			{ type: 'decision' }
		);
		state.apply(corrected);
		state.apply(first); // arrives late from another process
		expect(state.decisions.map((d) => d.outcome)).toEqual(['verworpen', 'aangenomen']);
	});

	it('the item dealt with now follows the secretariaat; a malformed decision reloads', () => {
		const state = live();
		expect(
			state.apply(
				liveEvent('meeting.current_item_changed.v1', { currentItemId: 'a' }, { type: 'meeting' })
			)
		).toBe(true);
		expect(state.currentItemId).toBe('a');
		expect(
			state.apply(
				liveEvent(
					'decision.recorded.v1',
					{ itemId: 'a', decision: { id: 'x' } },
					{ type: 'decision' }
				)
			)
		).toBe(false);
	});
});
