import { describe, expect, it } from 'vitest';
import { splitWaiting } from '$lib/agenda/list-rules';
import type { LiveItemRow } from './event-payloads';
import {
	mineRule,
	searchRule,
	toTreatRule,
	unscheduledRule,
	waitingRule,
	type MineRow,
	type SearchItemRow,
	type SecretariatItemRow,
	type UnscheduledRow
} from './item-lists';
import { LiveItemList, renameMeetingIn } from './list-live.svelte';
import { itemLiveEvent, liveEvent, liveItemRow } from './test-events';

const row = (id: string, overrides: Partial<LiveItemRow> = {}) =>
	liveItemRow(id, { meetingId: null, ...overrides });

// Before the moment the test events are made (now).
const day = (n: number) => new Date(Date.UTC(2025, 0, n));

const unscheduled = (id: string, n: number): UnscheduledRow => ({
	id,
	title: `Punt ${id}`,
	status: 'ingediend',
	purpose: 'bespreking',
	proposingOrganisationName: 'VNG',
	when: day(n)
});

describe('Nog te agenderen, live', () => {
	it('changes a listed item in place and keeps its submission date', () => {
		const list = new LiveItemList([unscheduled('a', 1), unscheduled('b', 2)], unscheduledRule);
		expect(list.apply(itemLiveEvent('agenda_item.updated.v1', row('a', { title: 'Nieuw' })))).toBe(
			true
		);
		expect(list.rows.map((r) => [r.id, r.title, r.when])).toEqual([
			['a', 'Nieuw', day(1)],
			['b', 'Punt b', day(2)]
		]);
	});

	it('adds a submitted item last (newest submission) and drops one placed on a meeting', () => {
		const list = new LiveItemList([unscheduled('a', 1), unscheduled('b', 2)], unscheduledRule);
		const submitted = itemLiveEvent('agenda_item.submitted.v1', row('c'));
		expect(list.apply(submitted)).toBe(true);
		expect(list.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(list.rows[2]!.when).toEqual(new Date(submitted.occurredAt));
		const placed = row('a', { meetingId: 'm1', status: 'geagendeerd', position: 1 });
		expect(list.apply(itemLiveEvent('agenda_item.placed.v1', placed))).toBe(true);
		expect(list.rows.map((r) => r.id)).toEqual(['b', 'c']);
	});

	it('leaves out what is no member: a concept, an item for a meeting', () => {
		const list = new LiveItemList([unscheduled('a', 1)], unscheduledRule);
		expect(
			list.apply(itemLiveEvent('agenda_item.drafted.v1', row('c', { status: 'concept' })))
		).toBe(true);
		const forMeeting = row('d', { meetingId: 'm1' });
		expect(list.apply(itemLiveEvent('agenda_item.submitted.v1', forMeeting))).toBe(true);
		expect(list.rows.map((r) => r.id)).toEqual(['a']);
	});

	it('reloads for an item held over to the list: its submission date is not in the event', () => {
		const list = new LiveItemList([unscheduled('a', 1)], unscheduledRule);
		const back = row('x', { status: 'aangehouden' });
		expect(list.apply(itemLiveEvent('agenda_item.deferred.v1', back))).toBe(false);
	});

	it('an older event arriving after a newer one does not undo it', () => {
		const list = new LiveItemList([unscheduled('a', 1)], unscheduledRule);
		const older = itemLiveEvent('agenda_item.updated.v1', row('a', { title: 'Oud' }));
		const newer = itemLiveEvent('agenda_item.updated.v1', row('a', { title: 'Nieuw' }));
		expect(list.apply(newer)).toBe(true);
		expect(list.apply(older)).toBe(true);
		expect(list.rows[0]!.title).toBe('Nieuw');
	});

	it('reloads for what it cannot read: an unknown type, a payload without its row', () => {
		const list = new LiveItemList([unscheduled('a', 1)], unscheduledRule);
		expect(list.apply(itemLiveEvent('agenda_item.split.v9', row('a')))).toBe(false);
		expect(list.apply(liveEvent('agenda_item.updated.v1', { title: 'x' }, { id: 'a' }))).toBe(
			false
		);
	});

	it('a full list that loses a row reloads: the server would show the next one', () => {
		const rule = { ...unscheduledRule, limit: 2 };
		const list = new LiveItemList([unscheduled('a', 1), unscheduled('b', 2)], rule);
		const withdrawn = row('a', { status: 'ingetrokken' });
		expect(list.apply(itemLiveEvent('agenda_item.withdrawn.v1', withdrawn))).toBe(false);
		// A new one beyond the limit is cut, as the server cuts the newest.
		expect(list.apply(itemLiveEvent('agenda_item.submitted.v1', row('z')))).toBe(true);
		expect(list.rows.map((r) => r.id)).toEqual(['a', 'b']);
	});
});

const secretariat = (id: string, n: number, late = false): SecretariatItemRow => ({
	...unscheduled(id, n),
	meetingId: 'm1',
	lateSubmission: late,
	lateSubmissionApproved: false
});

describe('the secretariaat’s items, live', () => {
	it('a late submission accepted moves from the late section to the others, in date order', () => {
		const list = new LiveItemList(
			[secretariat('a', 1), secretariat('b', 2, true), secretariat('c', 3)],
			waitingRule
		);
		expect(splitWaiting(list.rows).lateSubmissions.map((r) => r.id)).toEqual(['b']);
		const accepted = row('b', {
			meetingId: 'm1',
			lateSubmission: true,
			lateSubmissionApproved: true
		});
		expect(list.apply(itemLiveEvent('agenda_item.late_submission_approved.v1', accepted))).toBe(
			true
		);
		const sections = splitWaiting(list.rows);
		expect(sections.lateSubmissions).toEqual([]);
		expect(sections.toSchedule.map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});

	it('items on a held meeting’s agenda leave that list when dealt with; others never join', () => {
		const rows = [{ ...secretariat('a', 1), status: 'geagendeerd', meetingId: 'held' }];
		const list = new LiveItemList(rows, toTreatRule(rows));
		const elsewhere = row('b', { meetingId: 'm2', status: 'geagendeerd', position: 1 });
		expect(list.apply(itemLiveEvent('agenda_item.placed.v1', elsewhere))).toBe(true);
		expect(list.rows.map((r) => r.id)).toEqual(['a']);
		const treated = row('a', { meetingId: 'held', status: 'behandeld', position: 1 });
		expect(list.apply(itemLiveEvent('agenda_item.treated.v1', treated))).toBe(true);
		expect(list.rows).toEqual([]);
	});
});

const mine = (id: string, n: number, meetingId: string | null = null): MineRow => ({
	id,
	title: `Punt ${id}`,
	status: 'concept',
	purpose: 'bespreking',
	meetingId,
	meetingTitle: meetingId ? `Overleg ${meetingId}` : null,
	when: day(n),
	lateSubmission: false,
	lateSubmissionApproved: false
});

describe('Mijn voorstellen, live', () => {
	const own = { organisationId: 'org-vng' };

	it('a changed item moves to the top; another organisation’s never joins', () => {
		const rows = [mine('a', 3), mine('b', 2), mine('c', 1)];
		const list = new LiveItemList(rows, mineRule('org-vng', rows));
		const event = itemLiveEvent('agenda_item.submitted.v1', row('c'), own);
		expect(list.apply(event)).toBe(true);
		expect(list.rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
		expect(list.rows[0]).toMatchObject({ status: 'ingediend', when: new Date(event.occurredAt) });
		expect(
			list.apply(itemLiveEvent('agenda_item.drafted.v1', row('x'), { organisationId: 'o' }))
		).toBe(true);
		expect(list.rows).toHaveLength(3);
	});

	it('co-sponsoring leaves the item where it was: its verb does not save the item', () => {
		const rows = [mine('a', 3), mine('b', 2)];
		const list = new LiveItemList(rows, mineRule('org-vng', rows));
		const invited = itemLiveEvent('agenda_item.co_sponsor_invited.v1', row('b'), {
			...own,
			party: 'ipo'
		});
		expect(list.apply(invited)).toBe(true);
		expect(list.rows.map((r) => [r.id, r.when])).toEqual([
			['a', day(3)],
			['b', day(2)]
		]);
	});

	it('names the meeting from what the page knows, and reloads for a meeting it does not', () => {
		const rows = [mine('a', 2, 'm1')];
		const known = new Map([['m2', 'Voorportaal']]);
		const list = new LiveItemList(rows, mineRule('org-vng', rows, known));
		const draft = (id: string, meetingId: string) =>
			itemLiveEvent('agenda_item.drafted.v1', row(id, { status: 'concept', meetingId }), own);
		expect(list.apply(draft('b', 'm2'))).toBe(true);
		expect(list.rows[0]).toMatchObject({ id: 'b', meetingTitle: 'Voorportaal' });
		expect(list.apply(draft('c', 'unknown'))).toBe(false);
	});

	it('follows a meeting renamed, in the rows and for rows still to come', () => {
		const rows = [mine('a', 2, 'm1')];
		const known = new Map<string, string | null>([['m1', 'Overleg m1']]);
		const list = new LiveItemList(rows, mineRule('org-vng', rows, known));
		const renamed = liveEvent(
			'meeting.updated.v1',
			{ title: 'Overhedenoverleg voorjaar', version: 2, changed: ['title'] },
			{ type: 'meeting', id: 'm1' }
		);
		expect(renameMeetingIn(list, known, renamed)).toBe(true);
		expect(list.rows[0]!.meetingTitle).toBe('Overhedenoverleg voorjaar');
		const b = row('b', { status: 'concept', meetingId: 'm1' });
		expect(list.apply(itemLiveEvent('agenda_item.drafted.v1', b, own))).toBe(true);
		expect(list.rows[0]).toMatchObject({ id: 'b', meetingTitle: 'Overhedenoverleg voorjaar' });
	});
});

describe('search results, live', () => {
	const meetings = new Map([
		['m1', { title: 'Overleg 1', startsAt: day(10) }],
		['m2', { title: 'Overleg 2', startsAt: day(20) }]
	]);
	const result = (id: string): SearchItemRow => ({
		id,
		title: `Punt ${id}`,
		status: 'ingediend',
		purpose: 'bespreking',
		meetingId: 'm1',
		meetingTitle: 'Overleg 1',
		proposingOrganisationName: 'VNG',
		when: day(10)
	});

	it('changes shown rows in place, in the server’s order, and never adds a match', () => {
		const list = new LiveItemList([result('b'), result('a')], searchRule(meetings));
		const moved = row('a', { meetingId: 'm2', status: 'aangehouden', title: 'Verplaatst' });
		expect(list.apply(itemLiveEvent('agenda_item.deferred.v1', moved))).toBe(true);
		expect(list.rows.map((r) => [r.id, r.title, r.meetingTitle, r.when])).toEqual([
			['b', 'Punt b', 'Overleg 1', day(10)],
			['a', 'Verplaatst', 'Overleg 2', day(20)]
		]);
		expect(list.apply(itemLiveEvent('agenda_item.submitted.v1', row('new')))).toBe(true);
		// No longer matching (declined, say) keeps its place too: the person is reading it.
		const declined = row('b', { meetingId: 'm1', status: 'afgewezen' });
		expect(list.apply(itemLiveEvent('agenda_item.declined.v1', declined))).toBe(true);
		expect(list.rows.map((r) => [r.id, r.status])).toEqual([
			['b', 'afgewezen'],
			['a', 'aangehouden']
		]);
	});
});
