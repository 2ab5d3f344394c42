import { TIME_ZONE } from '../../time';

/**
 * ical-generator writes `DTSTART;TZID=…` from the wall-clock fields of the date it is given. A
 * plain Date would give the server's zone; this Date carries the Amsterdam wall clock through the
 * library's date-stub interface (the one @date-fns/tz's TZDate implements), without a date library.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

export function amsterdamWallClock(at: Date): WallClock {
	const values = Object.fromEntries(
		parts
			.formatToParts(at)
			.filter((part) => part.type !== 'literal')
			.map((part) => [part.type, Number(part.value)])
	);
	return values as unknown as WallClock;
}

export class AmsterdamDate extends Date {
	readonly timeZone = TIME_ZONE;
	get internal(): Date {
		return new Date(this.getTime());
	}
	tzComponents(): WallClock {
		return amsterdamWallClock(this);
	}
	/** The wall-clock view the library formats; the instant itself never changes. */
	withTimeZone(): AmsterdamDate {
		const clock = amsterdamWallClock(this);
		const view = new AmsterdamDate(this.getTime());
		Object.assign(view, {
			getFullYear: () => clock.year,
			getMonth: () => clock.month - 1,
			getDate: () => clock.day,
			getHours: () => clock.hour,
			getMinutes: () => clock.minute,
			getSeconds: () => clock.second
		});
		return view;
	}
}

/** The rules of Europe/Amsterdam since 1996 (EU summer time), for clients without a zone database. */
export const amsterdamTimezone = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Amsterdam',
	'X-LIC-LOCATION:Europe/Amsterdam',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');
