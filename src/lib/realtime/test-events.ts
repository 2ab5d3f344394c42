import type { LiveItemRow } from './event-payloads';
import type { RealtimeEvent } from './protocol';

/*
 * Events as the server writes them, for the live state specs: an item's event carries its
 * notification fields and its step's own fields beside the row (event-payloads.ts), so a spec's
 * event parses exactly when a real one would.
 */

let nextId = 1;

/** An event of the given type about a subject; ids increase in the order events are made. */
export function liveEvent(
	type: string,
	payload: Record<string, unknown>,
	subject: { type?: string; id?: string; meetingId?: string | null; actor?: string } = {}
): RealtimeEvent {
	return {
		id: nextId++,
		type,
		occurredAt: new Date().toISOString(),
		subjectType: subject.type ?? 'agenda_item',
		subjectId: subject.id ?? String(payload.id ?? 'm1'),
		meetingId: subject.meetingId === undefined ? 'm1' : subject.meetingId,
		actorPersonId: subject.actor ?? 'p',
		actorOrganisationId: 'o',
		payload
	};
}

/** What each item step adds to the common fields, as its verb writes it. */
function stepFields(type: string, row: LiveItemRow): Record<string, unknown> {
	switch (type) {
		case 'agenda_item.updated.v1':
			return { version: row.version, changed: ['title'] };
		case 'agenda_item.submitted.v1':
			return { late: row.lateSubmission };
		case 'agenda_item.placed.v1':
			return { position: row.position ?? 1, minutes: row.minutes };
		case 'agenda_item.deferred.v1':
			return { fromMeetingId: 'm1', toMeetingId: row.meetingId, reason: 'Later' };
		case 'agenda_item.declined.v1':
			return { reason: 'Niet voor deze tafel' };
		default:
			return {};
	}
}

/** An agenda item's event carrying `row`; `extra` overrides the step's own fields. */
export function itemLiveEvent(
	type: string,
	row: LiveItemRow,
	extra: Record<string, unknown> = {}
): RealtimeEvent {
	return liveEvent(
		type,
		{
			title: row.title,
			status: row.status,
			proposedBy: 'p',
			organisationId: 'o',
			...stepFields(type, row),
			...extra,
			row
		},
		{ id: row.id, meetingId: row.meetingId }
	);
}

/** An item as its events carry it: a submitted VNG item of meeting m1 unless told otherwise. */
export function liveItemRow(id: string, overrides: Partial<LiveItemRow> = {}): LiveItemRow {
	return {
		id,
		meetingId: 'm1',
		title: `Punt ${id}`,
		status: 'ingediend',
		purpose: 'bespreking',
		position: null,
		minutes: null,
		version: 1,
		proposingParty: 'vng',
		proposingOrganisationName: 'VNG',
		lateSubmission: false,
		lateSubmissionApproved: false,
		coSponsors: [],
		carriedBy: ['vng'],
		...overrides
	};
}
