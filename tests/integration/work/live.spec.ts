import { describe, expect, it } from 'vitest';
import { concernsPage } from '../../../src/lib/realtime/live.svelte';
import type { RealtimeEvent } from '../../../src/lib/realtime/protocol';
import type { Viewer } from '../../../src/lib/viewer';

/* "Mijn werk" reloads its data for the events that can change what waits for the person. */

const viewer: Viewer = {
	personId: 'p-ipo',
	organisationId: 'org-ipo',
	party: 'ipo',
	name: 'Karin Smit',
	role: 'bestuurder',
	organisationName: 'IPO',
	mayAdminister: false,
	mayReadAudit: false
};
const page = { routeId: '/mijn-werk', params: {} };

function event(type: string, subjectType: string): RealtimeEvent {
	return {
		id: 1,
		type,
		occurredAt: '2026-11-23T10:00:00Z',
		subjectType,
		subjectId: 's-1',
		meetingId: 'm-1',
		actorPersonId: 'p-vng',
		actorOrganisationId: 'org-vng',
		payload: { title: 'Punt' }
	};
}

describe('/mijn-werk follows the table live', () => {
	it('reloads for item, agenda and meeting events', () => {
		for (const [type, subject] of [
			['agenda_item.co_sponsor_invited.v1', 'agenda_item'],
			['agenda.approval_reset.v1', 'meeting'],
			['meeting.alignment_started.v1', 'meeting']
		] as const)
			expect(concernsPage(event(type, subject), page, viewer), type).toBe(true);
	});

	it('not for a comment or an attachment, which change no task', () => {
		expect(concernsPage(event('comment.added.v1', 'comment'), page, viewer)).toBe(false);
		expect(concernsPage(event('attachment.uploaded.v1', 'attachment'), page, viewer)).toBe(false);
	});
});
