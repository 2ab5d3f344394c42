import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '$lib/realtime/protocol';
import { concernsSponsoring } from './sponsoring-live';

const event = (overrides: Partial<RealtimeEvent>): RealtimeEvent => ({
	id: 1,
	type: 'agenda_item.updated.v1',
	occurredAt: new Date(0).toISOString(),
	subjectType: 'agenda_item',
	subjectId: 'a',
	meetingId: null,
	actorPersonId: null,
	actorOrganisationId: null,
	payload: {},
	...overrides
});

describe('which events the co-sponsoring sections of Mijn voorstellen reload for', () => {
	const shown = new Set(['shown']);

	it('a request to the viewer’s party or its answer, and any change to an item they show', () => {
		const invited = { type: 'agenda_item.co_sponsor_invited.v1', payload: { party: 'ipo' } };
		expect(concernsSponsoring(event(invited), 'ipo', shown)).toBe(true);
		const answered = { type: 'agenda_item.co_sponsor_responded.v1', payload: { party: 'ipo' } };
		expect(concernsSponsoring(event(answered), 'ipo', shown)).toBe(true);
		expect(concernsSponsoring(event({ subjectId: 'shown' }), 'ipo', shown)).toBe(true);
	});

	it('not another party’s request, another item, a meeting, nor anything for a viewer without a party', () => {
		const other = { type: 'agenda_item.co_sponsor_invited.v1', payload: { party: 'uvw' } };
		expect(concernsSponsoring(event(other), 'ipo', shown)).toBe(false);
		expect(concernsSponsoring(event({}), 'ipo', shown)).toBe(false);
		const meeting = { subjectType: 'meeting', subjectId: 'shown' };
		expect(concernsSponsoring(event(meeting), 'ipo', shown)).toBe(false);
		expect(concernsSponsoring(event({ subjectId: 'shown' }), null, shown)).toBe(false);
	});
});
