import { describe, expect, it } from 'vitest';
import type { LiveItemRow } from './event-payloads';
import type { SecretariatItemRow } from './item-lists';
import { SecretariatLive } from './secretariat-live.svelte';
import { itemLiveEvent, liveEvent, liveItemRow } from './test-events';

const waiting = (id: string, late = false): SecretariatItemRow => ({
	id,
	title: `Punt ${id}`,
	status: 'ingediend',
	purpose: 'bespreking',
	meetingId: 'm1',
	proposingOrganisationName: 'VNG',
	when: new Date('2025-01-01T09:00:00Z'),
	lateSubmission: late,
	lateSubmissionApproved: false
});

const row = (id: string, overrides: Partial<LiveItemRow>) => liveItemRow(id, overrides);

const meeting = (id: string) => ({ id, title: `Overleg ${id}`, startsAt: new Date('2027-03-01') });

function overview() {
	return new SecretariatLive({
		waiting: [waiting('a'), waiting('late', true)],
		toMarkTreated: [],
		inAlignment: [{ ...meeting('m1'), akkoordParties: ['vng' as const] }],
		toMarkHeld: [],
		toOpen: [meeting('m2')]
	});
}

const word = (type: string, payload: Record<string, unknown>) =>
	liveEvent(type, payload, { type: 'meeting', id: 'm1', meetingId: 'm1' });

const approval = (party: string, decision: string) => ({
	party,
	decision,
	reason: decision === 'bezwaar' ? 'Te vol' : null,
	itemPositions: {},
	decidedAt: '2027-02-01T10:00:00.000Z',
	decidedByName: 'Bestuurder',
	resetAt: null,
	agendaSnapshot: []
});

describe('the secretariaat’s overview, live', () => {
	it('an item placed leaves its section; a late one accepted moves to the others', () => {
		const live = overview();
		const placed = row('a', { status: 'geagendeerd', position: 1 });
		expect(live.apply(itemLiveEvent('agenda_item.placed.v1', placed))).toBe(true);
		const accepted = row('late', { lateSubmission: true, lateSubmissionApproved: true });
		expect(live.apply(itemLiveEvent('agenda_item.late_submission_approved.v1', accepted))).toBe(
			true
		);
		expect(live.sections.lateSubmissions).toEqual([]);
		expect(live.sections.toSchedule.map((item) => item.id)).toEqual(['late']);
	});

	it('counts the akkoorden as they are given, replaced by a bezwaar, or reset', () => {
		const live = overview();
		const ipo = word('agenda.approval_recorded.v1', {
			party: 'ipo',
			decision: 'akkoord',
			reason: null,
			fingerprint: 'f',
			approval: approval('ipo', 'akkoord')
		});
		expect(live.apply(ipo)).toBe(true);
		expect(live.inAlignment[0]!.akkoordParties).toEqual(['vng', 'ipo']);
		const vng = word('agenda.approval_recorded.v1', {
			party: 'vng',
			decision: 'bezwaar',
			reason: 'Te vol',
			fingerprint: 'f',
			approval: approval('vng', 'bezwaar')
		});
		expect(live.apply(vng)).toBe(true);
		expect(
			live.apply(
				word('agenda.approval_reset.v1', { party: 'ipo', resetAt: '2027-02-02T10:00:00Z' })
			)
		).toBe(true);
		expect(live.inAlignment[0]!.akkoordParties).toEqual([]);
	});

	it('renames a meeting in place; a meeting taking a step reloads (it changes section)', () => {
		const live = overview();
		const renamed = liveEvent(
			'meeting.updated.v1',
			{ title: 'BOFv voorjaar', version: 2, changed: ['title'] },
			{ type: 'meeting', id: 'm2' }
		);
		expect(live.apply(renamed)).toBe(true);
		expect(live.toOpen[0]!.title).toBe('BOFv voorjaar');
		const opened = liveEvent(
			'meeting.opened.v1',
			{ title: 'BOFv voorjaar', version: 3, to: 'open_voor_voorstellen', changed: ['status'] },
			{ type: 'meeting', id: 'm2' }
		);
		expect(live.apply(opened)).toBe(false);
	});
});
