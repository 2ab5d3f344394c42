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

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/**
 * A datetime-local value ("2026-11-30T10:00") read as Amsterdam wall-clock time. The offset is
 * taken at the moment itself (twice, so a time next to a DST switch lands right). Anything else
 * (also nothing at all) goes on as it was, so the verb's schema names it.
 */
export function fromAmsterdamLocal(value: string): Date | string {
	const match = LOCAL.exec(value.trim());
	if (!match) return value;
	const asUtc = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!);
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
