import { describe, expect, it } from 'vitest';
import { meetingChangeOf } from './meeting-change';
import { MeetingListLive } from './meeting-list-live.svelte';
import { liveEvent } from './test-events';

const meeting = (id: string, status = 'gepland') => ({
	id,
	title: `Overleg ${id}`,
	status,
	version: 1,
	startsAt: new Date('2027-03-01T09:00:00Z')
});

/** A meeting's event as meetings/index.ts writes it. */
const meetingEvent = (type: string, id: string, payload: Record<string, unknown>) =>
	liveEvent(type, { title: `Overleg ${id}`, version: 2, ...payload }, { type: 'meeting', id });

describe('what a meeting event changes on a list', () => {
	it('a step moves the meeting to its new status; a title edit renames it', () => {
		const opened = meetingEvent('meeting.opened.v1', 'a', {
			from: 'gepland',
			to: 'open_voor_voorstellen',
			changed: ['status']
		});
		expect(meetingChangeOf(opened)).toMatchObject({
			kind: 'moved',
			status: 'open_voor_voorstellen'
		});
		const cancelled = meetingEvent('meeting.cancelled.v1', 'a', {
			to: 'geannuleerd',
			changed: ['status', 'cancelReason']
		});
		expect(meetingChangeOf(cancelled)).toMatchObject({ kind: 'moved', status: 'geannuleerd' });
		const renamed = meetingEvent('meeting.updated.v1', 'a', { changed: ['title', 'chair'] });
		expect(meetingChangeOf(renamed)).toMatchObject({ kind: 'renamed', title: 'Overleg a' });
	});

	it('a new meeting, a new date or place, an unknown type: the list cannot tell', () => {
		const planned = meetingEvent('meeting.planned.v1', 'a', { kind: 'bofv', changed: ['title'] });
		expect(meetingChangeOf(planned).kind).toBe('unknown');
		const moved = meetingEvent('meeting.updated.v1', 'a', { changed: ['title', 'startsAt'] });
		expect(meetingChangeOf(moved).kind).toBe('unknown');
		expect(meetingChangeOf(meetingEvent('meeting.merged.v1', 'a', {})).kind).toBe('unknown');
	});

	it('the agenda’s order and a party’s word change no list of meetings', () => {
		const reordered = liveEvent(
			'agenda.reordered.v1',
			{ order: [], positions: {} },
			{ type: 'meeting' }
		);
		expect(meetingChangeOf(reordered).kind).toBe('none');
	});
});

describe('the list of meetings, live', () => {
	it('applies a step and a rename in place, in either section', () => {
		const live = new MeetingListLive({
			upcoming: [meeting('a'), meeting('b')],
			past: [meeting('c', 'gehouden')]
		});
		const step = meetingEvent('meeting.opened.v1', 'b', {
			to: 'open_voor_voorstellen',
			changed: ['status']
		});
		expect(live.apply(step)).toBe(true);
		expect(live.upcoming.map((row) => [row.id, row.status, row.version])).toEqual([
			['a', 'gepland', 1],
			['b', 'open_voor_voorstellen', 2]
		]);
		const renamed = liveEvent(
			'meeting.updated.v1',
			{ title: 'Voorjaarsoverleg', version: 3, changed: ['title'] },
			{ type: 'meeting', id: 'c' }
		);
		expect(live.apply(renamed)).toBe(true);
		expect(live.past[0]).toMatchObject({ title: 'Voorjaarsoverleg', status: 'gehouden' });
	});

	it('reloads for a new meeting; an older step arriving late does not undo a newer one', () => {
		const live = new MeetingListLive({ upcoming: [meeting('a')], past: [] });
		expect(live.apply(meetingEvent('meeting.planned.v1', 'n', { kind: 'bofv' }))).toBe(false);
		const older = meetingEvent('meeting.opened.v1', 'a', {
			to: 'open_voor_voorstellen',
			changed: ['status']
		});
		const newer = meetingEvent('meeting.alignment_started.v1', 'a', {
			to: 'agenda_in_afstemming',
			changed: ['status']
		});
		expect(live.apply(newer)).toBe(true);
		expect(live.apply(older)).toBe(true);
		expect(live.upcoming[0]!.status).toBe('agenda_in_afstemming');
	});
});
