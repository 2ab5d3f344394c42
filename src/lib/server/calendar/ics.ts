import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { MeetingRow } from '../meetings/queries';
import { TIME_ZONE } from '../../time';
import { AmsterdamDate, amsterdamTimezone } from './amsterdam-time';

export interface CalendarMeeting {
	meeting: Pick<
		MeetingRow,
		| 'id'
		| 'title'
		| 'startsAt'
		| 'endsAt'
		| 'location'
		| 'onlineUrl'
		| 'chair'
		| 'status'
		| 'cancelReason'
		| 'version'
		| 'updatedAt'
	>;
	/** The placed agenda items' titles, in order. */
	itemTitles: string[];
}

function description(entry: CalendarMeeting, pageUrl: string): string {
	const lines: string[] = [];
	if (entry.meeting.status === 'geannuleerd')
		lines.push(`Geannuleerd: ${entry.meeting.cancelReason ?? ''}`.trim(), '');
	if (entry.meeting.chair) lines.push(`Voorzitter: ${entry.meeting.chair}`);
	if (entry.meeting.onlineUrl) lines.push(`Online: ${entry.meeting.onlineUrl}`);
	lines.push('', 'Agenda:');
	if (entry.itemTitles.length === 0) lines.push('(nog geen agendapunten)');
	entry.itemTitles.forEach((title, index) => lines.push(`${index + 1}. ${title}`));
	lines.push('', `Vergadering op het platform: ${pageUrl}`);
	return lines.join('\n');
}

/**
 * An iCalendar document (RFC 5545) of meetings, times in Europe/Amsterdam with the zone's rules
 * included. The UID is stable per meeting, so a client updates its copy; SEQUENCE follows the
 * meeting's version.
 */
export function buildCalendar(
	name: string,
	entries: CalendarMeeting[],
	origin: string,
	host: string
): string {
	const calendar = ical({
		name,
		prodId: { company: 'Overhedenoverleg', product: 'platform', language: 'NL' },
		// No calendar-wide zone: with one, the library writes DTSTAMP without its required Z. The
		// events name the zone and the generator adds its VTIMEZONE once.
		timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? amsterdamTimezone : null) },
		// Calendar apps poll a feed; once an hour is enough for meetings.
		ttl: 3600
	});
	for (const entry of entries) {
		const { meeting } = entry;
		const pageUrl = `${origin}/vergaderingen/${meeting.id}`;
		calendar.createEvent({
			id: `${meeting.id}@${host}`,
			sequence: Math.max(0, meeting.version - 1),
			stamp: meeting.updatedAt,
			timezone: TIME_ZONE,
			start: new AmsterdamDate(meeting.startsAt.getTime()),
			end: new AmsterdamDate(meeting.endsAt.getTime()),
			summary: meeting.title,
			location: meeting.location ?? meeting.onlineUrl ?? null,
			url: pageUrl,
			description: description(entry, pageUrl),
			status:
				meeting.status === 'geannuleerd' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}

/** An agreement's deadline as the feed shows it: a register row and who is responsible, in words. */
export interface CalendarDeadline {
	id: string;
	title: string;
	/** yyyy-mm-dd: the day it is due in Amsterdam (the expected date while vertraagd). */
	dueDate: string;
	deadline: string;
	status: 'open' | 'in_uitvoering' | 'afgerond' | 'vertraagd' | 'vervallen';
	/** "in uitvoering", "vertraagd, verlopen". */
	statusText: string;
	owners: string;
	meetingTitle: string;
	version: number;
	updatedAt: Date;
}

/** A calendar day as the all-day event's DATE: its UTC midnight, which the library writes as is. */
const utcDay = (day: string, plus = 0) => {
	const [year, month, date] = day.split('-').map(Number);
	return new Date(Date.UTC(year!, month! - 1, date! + plus));
};

const dutchDay = (day: string) => day.split('-').reverse().join('-');

/**
 * An iCalendar document of agreement deadlines: one all-day event (VALUE=DATE) per agreement on
 * the day it is due, a calendar day in Europe/Amsterdam that no time zone moves, from the day to
 * the next (DTEND is exclusive). A vervallen agreement is CANCELLED; the UID is stable per
 * agreement and SEQUENCE follows its version, so a client moves its copy when the date changes.
 * Transparent: a deadline is no appointment that makes anyone busy.
 */
export function buildDeadlineCalendar(
	name: string,
	deadlines: readonly CalendarDeadline[],
	origin: string,
	host: string
): string {
	const calendar = ical({
		name,
		prodId: { company: 'Overhedenoverleg', product: 'platform', language: 'NL' },
		ttl: 3600
	});
	for (const deadline of deadlines) {
		const pageUrl = `${origin}/afspraken/${deadline.id}`;
		const lines = [
			`Status: ${deadline.statusText}`,
			`Termijn: ${dutchDay(deadline.deadline)}`,
			...(deadline.dueDate !== deadline.deadline
				? [`Verwacht: ${dutchDay(deadline.dueDate)}`]
				: []),
			`Actiehouders: ${deadline.owners}`,
			`Vergadering: ${deadline.meetingTitle}`,
			'',
			`Afspraak op het platform: ${pageUrl}`
		];
		calendar.createEvent({
			id: `afspraak-${deadline.id}@${host}`,
			sequence: Math.max(0, deadline.version - 1),
			stamp: deadline.updatedAt,
			allDay: true,
			start: utcDay(deadline.dueDate),
			end: utcDay(deadline.dueDate, 1),
			summary: `Termijn: ${deadline.title}`,
			url: pageUrl,
			description: lines.join('\n'),
			transparency: ICalEventTransparency.TRANSPARENT,
			status:
				deadline.status === 'vervallen' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}
