import { describe, expect, it } from 'vitest';
import type { ReviewItem, ReviewRecord } from '$lib/agenda/review-list';
import type { LiveItemRow } from './event-payloads';
import { ReviewLive } from './review-live.svelte';
import { itemLiveEvent, liveEvent } from './test-events';

const item = (id: string, position: number): ReviewItem => ({
	meetingId: 'm1',
	id,
	title: `Punt ${id}`,
	purpose: 'bespreking',
	position,
	minutes: 20,
	version: 1
});

const row = (id: string, overrides: Partial<LiveItemRow> = {}): LiveItemRow => ({
	...item(id, 1),
	purpose: 'bespreking',
	status: 'geagendeerd',
	proposingParty: 'vng',
	proposingOrganisationName: 'VNG',
	lateSubmission: false,
	lateSubmissionApproved: false,
	coSponsors: [],
	carriedBy: ['vng'],
	...overrides
});

const agenda = [item('a', 1), item('b', 2)];

/** VNG's akkoord on the agenda as it is. */
const akkoord: ReviewRecord = {
	meetingId: 'm1',
	party: 'vng',
	decision: 'akkoord',
	reason: null,
	itemPositions: {},
	decidedAt: new Date('2027-02-01T10:00:00Z'),
	decidedByName: 'Bestuurder',
	resetAt: null,
	agendaSnapshot: agenda.map(({ meetingId: _m, ...line }) => line)
};

const meetings = [{ id: 'm1', title: 'Overhedenoverleg', startsAt: new Date('2027-03-01') }];

const meetingEvent = (type: string, payload: Record<string, unknown>) =>
	liveEvent(type, payload, { type: 'meeting', id: 'm1', meetingId: 'm1' });

describe('Ter beoordeling, live', () => {
	it('an agenda the party agreed to comes back when an item changes, naming the change', () => {
		const live = new ReviewLive({ meetings, items: agenda, records: [akkoord] }, 'vng');
		expect(live.rows).toEqual([]);
		const renamed = row('b', { title: 'Punt b, herzien', position: 2, version: 2 });
		expect(live.apply(itemLiveEvent('agenda_item.updated.v1', renamed))).toBe(true);
		expect(live.rows).toHaveLength(1);
		expect(live.rows[0]).toMatchObject({ state: 'opnieuw_beoordelen', items: 2 });
		expect(live.rows[0]!.changes.map((change) => change.itemId)).toEqual(['b']);
	});

	it('the party’s new akkoord takes it off the list; another party’s word changes nothing', () => {
		const live = new ReviewLive({ meetings, items: agenda, records: [] }, 'vng');
		expect(live.rows.map((r) => r.state)).toEqual(['open']);
		const word = (party: string) =>
			meetingEvent('agenda.approval_recorded.v1', {
				party,
				decision: 'akkoord',
				reason: null,
				fingerprint: 'f',
				approval: {
					...akkoord,
					party,
					decidedAt: '2027-02-01T10:00:00.000Z',
					resetAt: null
				}
			});
		expect(live.apply(word('ipo'))).toBe(true);
		expect(live.rows.map((r) => r.state)).toEqual(['open']);
		expect(live.apply(word('vng'))).toBe(true);
		expect(live.rows).toEqual([]);
		const reset = meetingEvent('agenda.approval_reset.v1', {
			party: 'vng',
			resetAt: '2027-02-02T10:00:00.000Z'
		});
		expect(live.apply(reset)).toBe(true);
		expect(live.rows.map((r) => r.state)).toEqual(['opnieuw_beoordelen']);
	});

	it('an item taken off and a new order count as changes; a meeting into afstemming reloads', () => {
		const live = new ReviewLive({ meetings, items: agenda, records: [akkoord] }, 'vng');
		const reordered = meetingEvent('agenda.reordered.v1', {
			order: ['b', 'a'],
			positions: { b: 1, a: 2 }
		});
		expect(live.apply(reordered)).toBe(true);
		expect(live.rows[0]!.changes.map((c) => c.kind)).toContain('verplaatst');
		const off = row('a', { status: 'aangehouden', meetingId: null, position: null });
		expect(live.apply(itemLiveEvent('agenda_item.deferred.v1', off))).toBe(true);
		expect(live.rows[0]).toMatchObject({ items: 1 });
		const started = liveEvent(
			'meeting.alignment_started.v1',
			{ title: 'BOFv', version: 3, to: 'agenda_in_afstemming', changed: ['status'] },
			{ type: 'meeting', id: 'm9' }
		);
		expect(live.apply(started)).toBe(false);
	});
});
