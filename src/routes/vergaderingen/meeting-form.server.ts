import { text } from '$lib/form-results.server';
import { amsterdamOffsetMinutes, TIME_ZONE } from '$lib/time';

/** The fields of the plan/edit form, as typed (strings), in the order of the form. */
export const meetingFormFields = [
	'kind',
	'topic',
	'title',
	'startsAt',
	'endsAt',
	'location',
	'onlineUrl',
	'chair',
	'proposalDeadline',
	'preparatoryMeetingId'
] as const;
export type MeetingFormValues = Record<(typeof meetingFormFields)[number], string>;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The wall-clock time as if it were UTC, or NaN when it does not exist. Date.UTC rolls over
 * quietly (30 February became 2 March, month 00 the December before) and reads years 0–99 as
 * 1900–1999, so the parts are set one by one and must read back as they went in. Seconds, which
 * some browsers send, are checked and then left out, as before.
 */
function wallClockAsUtc(parts: readonly number[]): number {
	const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN] = parts;
	const at = new Date(0);
	at.setUTCFullYear(year, month - 1, day);
	at.setUTCHours(hour, minute);
	const readBack = [
		at.getUTCFullYear(),
		at.getUTCMonth() + 1,
		at.getUTCDate(),
		at.getUTCHours(),
		at.getUTCMinutes()
	];
	return readBack.every((part, index) => part === parts[index]) ? at.getTime() : NaN;
}

/**
 * A datetime-local value ("2026-11-30T10:00") read as Amsterdam wall-clock time. The offset is
 * taken at the moment itself (twice, so a time next to a DST switch lands right). Anything else,
 * a time that does not exist (31 April, 24:00) or nothing at all, goes on as it was, so the verb's
 * schema names it at the field.
 */
export function fromAmsterdamLocal(value: string): Date | string {
	const match = LOCAL.exec(value.trim());
	if (!match || Number(match[6] ?? 0) > 59) return value;
	const asUtc = wallClockAsUtc(match.slice(1, 6).map(Number));
	if (Number.isNaN(asUtc)) return value;
	const guess = asUtc - amsterdamOffsetMinutes(new Date(asUtc)) * 60_000;
	const at = new Date(asUtc - amsterdamOffsetMinutes(new Date(guess)) * 60_000);
	return Number.isNaN(at.getTime()) ? value : at;
}

const localParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** An instant as the value of a datetime-local input, in Amsterdam time. */
export function toAmsterdamLocal(at: Date | null): string {
	if (!at) return '';
	const part = (type: string) =>
		localParts.formatToParts(at).find((entry) => entry.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** What was typed, to refill the form. */
export function readMeetingForm(form: FormData): MeetingFormValues {
	return Object.fromEntries(
		meetingFormFields.map((name) => [name, text(form, name)])
	) as MeetingFormValues;
}

/** The verb's input: times read as Amsterdam time, empty optional fields as null. */
export function meetingInput(values: MeetingFormValues) {
	const empty = (value: string) => (value.trim() === '' ? null : value);
	return {
		kind: values.kind || undefined,
		topic: empty(values.topic),
		title: values.title,
		startsAt: fromAmsterdamLocal(values.startsAt),
		endsAt: fromAmsterdamLocal(values.endsAt),
		location: empty(values.location),
		onlineUrl: empty(values.onlineUrl),
		chair: empty(values.chair),
		proposalDeadline: empty(values.proposalDeadline) && fromAmsterdamLocal(values.proposalDeadline),
		preparatoryMeetingId: empty(values.preparatoryMeetingId)
	};
}

/** The stored meeting as form values. */
export function meetingValues(meeting: {
	kind: string;
	topic: string | null;
	title: string;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	onlineUrl: string | null;
	chair: string | null;
	proposalDeadline: Date | null;
	preparatoryMeetingId: string | null;
}): MeetingFormValues {
	return {
		kind: meeting.kind,
		topic: meeting.topic ?? '',
		title: meeting.title,
		startsAt: toAmsterdamLocal(meeting.startsAt),
		endsAt: toAmsterdamLocal(meeting.endsAt),
		location: meeting.location ?? '',
		onlineUrl: meeting.onlineUrl ?? '',
		chair: meeting.chair ?? '',
		proposalDeadline: toAmsterdamLocal(meeting.proposalDeadline),
		preparatoryMeetingId: meeting.preparatoryMeetingId ?? ''
	};
}

/** Earlier meetings to choose as the preparatory one, latest first; not the meeting itself. */
export function preparatoryChoices(
	meetings: readonly { id: string; title: string; startsAt: Date; status: string }[],
	selfId?: string
) {
	const day = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'medium' });
	return meetings
		.filter((meeting) => meeting.id !== selfId && meeting.status !== 'geannuleerd')
		.toSorted((a, b) => b.startsAt.getTime() - a.startsAt.getTime())
		.map((meeting) => ({
			value: meeting.id,
			label: `${meeting.title} (${day.format(meeting.startsAt)})`
		}));
}
