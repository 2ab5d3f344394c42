import { describe, expect, it } from 'vitest';
import { SearchLive } from './search-live.svelte';
import { liveEvent } from './test-events';

const meetings = [
	{ id: 'm1', title: 'Overleg 1', startsAt: new Date('2027-03-01') },
	{ id: 'm2', title: 'Overleg 2', startsAt: new Date('2027-06-01') }
];
const result = {
	id: 'a',
	title: 'Jeugdzorg',
	status: 'ingediend',
	purpose: 'bespreking',
	meetingId: 'm2',
	meetingTitle: 'Overleg 2',
	proposingOrganisationName: 'VNG',
	when: new Date('2027-06-01')
};

const updated = (id: string, changed: string[]) =>
	liveEvent(
		'meeting.updated.v1',
		{ title: 'Nieuwe naam', version: 2, changed },
		{ type: 'meeting', id }
	);

describe('search results follow a meeting’s changes', () => {
	it('a renamed meeting is renamed as a result and beside its items', () => {
		const live = new SearchLive({ items: [result], meetings: [meetings[0]!] }, meetings);
		expect(live.apply(updated('m2', ['title']))).toBe(true);
		expect(live.items.rows[0]!.meetingTitle).toBe('Nieuwe naam');
		expect(live.apply(updated('m1', ['title']))).toBe(true);
		expect(live.meetings[0]!.title).toBe('Nieuwe naam');
	});

	it('a shown meeting’s new date reloads (the event names the field, not its value); another’s does not', () => {
		const live = new SearchLive({ items: [result], meetings: [] }, meetings);
		expect(live.apply(updated('m2', ['startsAt']))).toBe(false);
		expect(live.apply(updated('m1', ['startsAt', 'title']))).toBe(true);
	});

	it('a new meeting is no new result: the results keep what the person is reading', () => {
		const live = new SearchLive({ items: [result], meetings: [] }, meetings);
		const planned = liveEvent(
			'meeting.planned.v1',
			{ title: 'Jeugdzorg-tafel', version: 1, kind: 'sectorale_tafel', changed: ['title'] },
			{ type: 'meeting', id: 'm3' }
		);
		expect(live.apply(planned)).toBe(true);
		expect(live.meetings).toEqual([]);
	});
});
