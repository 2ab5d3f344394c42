import { describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/viewer';
import { concernsPage } from './live.svelte';
import type { RealtimeEvent } from './protocol';

const viewer: Viewer = {
	personId: 'p-vng',
	organisationId: 'org-vng',
	party: 'vng',
	name: 'Fatima El Amrani',
	role: 'medewerker',
	organisationName: 'VNG',
	mayAdminister: false,
	mayReadAudit: false
};

function event(overrides: Partial<RealtimeEvent>): RealtimeEvent {
	return {
		id: 1,
		type: 'agenda_item.submitted.v1',
		occurredAt: '2026-11-23T10:00:00Z',
		subjectType: 'agenda_item',
		subjectId: 'item-1',
		meetingId: 'meeting-1',
		actorPersonId: 'p-ipo',
		actorOrganisationId: 'org-ipo',
		payload: { title: 'Punt', organisationId: 'org-ipo', proposedBy: 'p-ipo' },
		...overrides
	};
}

describe('a page reloads only for events that concern it', () => {
	it('the meeting page: events of that meeting, not of another', () => {
		const page = { routeId: '/vergaderingen/[id]', params: { id: 'meeting-1' } };
		expect(concernsPage(event({}), page, viewer)).toBe(true);
		expect(concernsPage(event({ meetingId: 'meeting-2' }), page, viewer)).toBe(false);
	});

	it('an item page: the item and its comments, not another item', () => {
		const page = { routeId: '/agendapunten/[id]', params: { id: 'item-1' } };
		const comment = event({
			subjectType: 'comment',
			subjectId: 'c-1',
			payload: { itemId: 'item-1' }
		});
		expect(concernsPage(comment, page, viewer)).toBe(true);
		expect(concernsPage(event({ subjectId: 'item-2' }), page, viewer)).toBe(false);
	});

	it('an item page: a reorder that gives it a place, and a step of its own meeting', () => {
		const page = {
			routeId: '/agendapunten/[id]',
			params: { id: 'item-1' },
			meetingId: 'meeting-1'
		};
		const reordered = (positions: Record<string, number>) =>
			event({
				type: 'agenda.reordered.v1',
				subjectType: 'meeting',
				subjectId: 'meeting-1',
				payload: { order: Object.keys(positions), positions }
			});
		expect(concernsPage(reordered({ 'item-1': 2, 'item-2': 1 }), page, viewer)).toBe(true);
		expect(concernsPage(reordered({ 'item-2': 1 }), page, viewer)).toBe(false);
		const step = (meetingId: string) =>
			event({
				type: 'meeting.opened.v1',
				subjectType: 'meeting',
				subjectId: meetingId,
				payload: {}
			});
		expect(concernsPage(step('meeting-1'), page, viewer)).toBe(true);
		expect(concernsPage(step('meeting-2'), page, viewer)).toBe(false);
		expect(concernsPage(step('meeting-1'), { ...page, meetingId: null }, viewer)).toBe(false);
	});

	it('Mijn voorstellen: items of my organisation only; pages without live data never', () => {
		const mine = { routeId: '/mijn-voorstellen', params: {} };
		const own = event({ payload: { organisationId: 'org-vng' } });
		expect(concernsPage(own, mine, viewer)).toBe(true);
		expect(concernsPage(event({}), mine, viewer)).toBe(false);
		expect(concernsPage(own, { routeId: '/mijn-account', params: {} }, viewer)).toBe(false);
	});

	it('Mijn voorstellen and search results: meeting events too, for the meeting titles they show', () => {
		const renamed = event({ type: 'meeting.updated.v1', subjectType: 'meeting', payload: {} });
		for (const routeId of ['/mijn-voorstellen', '/zoeken'])
			expect(concernsPage(renamed, { routeId, params: {} }, viewer)).toBe(true);
		expect(concernsPage(event({}), { routeId: '/zoeken', params: {} }, viewer)).toBe(true);
		const comment = event({ subjectType: 'comment', subjectId: 'c-1', payload: {} });
		expect(concernsPage(comment, { routeId: '/zoeken', params: {} }, viewer)).toBe(false);
	});
});
