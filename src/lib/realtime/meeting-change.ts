import type { RealtimeEvent } from './protocol';

/*
 * What a meeting's event changes on a list of meetings (or a list that names meetings). Meeting
 * events carry the meeting's `title` and `version`, a step its `from` and `to` status, and an edit
 * the names of the fields it `changed` (docs/realtime.md): enough to rename a meeting or move it
 * to its new status in place, not enough to show a new meeting or a new date. Those reload.
 */

export type MeetingChange =
	/** Nothing a list of meetings shows: the agenda's order, a party's word. */
	| { kind: 'none' }
	| { kind: 'renamed'; meetingId: string; title: string; version: number }
	| { kind: 'moved'; meetingId: string; title: string; version: number; status: string }
	/** The event does not carry what a list needs (a new meeting, a new date), or is unknown. */
	| { kind: 'unknown' };

/**
 * Events about a meeting that leave the meeting itself as it is: the agenda's order and the
 * parties' word on it, and meeting mode (the item dealt with now, each decision recorded).
 */
const agendaOnly = [
	'agenda.reordered.v1',
	'agenda.approval_recorded.v1',
	'agenda.approval_reset.v1',
	'meeting.session_opened.v1',
	'meeting.current_item_changed.v1',
	'decision.recorded.v1'
];

/**
 * Fields of a meeting that no list shows and no list filters on: an edit of only these (and the
 * title, which the event carries) changes a list in place. Anything else (the date, the place, the
 * kind) makes it reload: the event names the field, not its new value.
 */
const unlisted = ['title', 'chair', 'proposalDeadline', 'preparatoryMeetingId'];

const statusFields = ['status', 'cancelReason'];

const strings = (value: unknown): string[] | null =>
	Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value : null;

export function meetingChangeOf(event: RealtimeEvent): MeetingChange {
	if (agendaOnly.includes(event.type)) return { kind: 'none' };
	const { title, version, to } = event.payload;
	const changed = strings(event.payload.changed);
	if (event.subjectType !== 'meeting' || typeof title !== 'string' || typeof version !== 'number')
		return { kind: 'unknown' };
	const meetingId = event.subjectId;
	if (event.type === 'meeting.updated.v1' && changed?.every((field) => unlisted.includes(field)))
		return { kind: 'renamed', meetingId, title, version };
	// A step of the meeting's life (opened, in afstemming, adopted, held, cancelled, reopened).
	if (typeof to === 'string' && changed?.every((field) => statusFields.includes(field)))
		return { kind: 'moved', meetingId, title, version, status: to };
	return { kind: 'unknown' };
}

/** A meeting row with the change applied, when it is that meeting's; otherwise the row itself. */
export function patchMeeting<M extends { id: string; title: string }>(
	row: M,
	change: Extract<MeetingChange, { meetingId: string }>
): M {
	if (row.id !== change.meetingId) return row;
	const patched = { ...row, title: change.title };
	if ('version' in row) Object.assign(patched, { version: change.version });
	if (change.kind === 'moved' && 'status' in row) Object.assign(patched, { status: change.status });
	return patched;
}

/**
 * The meeting an event is about and its title: every meeting event carries it, the agenda's own
 * events (an order, a party's word) carry none (null). Null as a whole for an event about no meeting.
 */
export function meetingTitleOf(
	event: RealtimeEvent
): { meetingId: string; title: string | null } | null {
	if (event.subjectType !== 'meeting') return null;
	const title = event.payload.title;
	return { meetingId: event.subjectId, title: typeof title === 'string' ? title : null };
}
