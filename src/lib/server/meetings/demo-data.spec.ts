import { describe, expect, it } from 'vitest';
import { demoMeetings, demoTitles, id, seasonOf } from './demo-data';
import { SESSION_MEETING, sessionTimes } from './demo-session';

const amsterdamDay = (at: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);

describe('the demo meetings’ names match their dates', () => {
	it('names the season of a date: voorjaar in spring, najaar in autumn', () => {
		const named = (iso: string) => seasonOf(new Date(iso));
		expect(named('2026-02-28T13:00:00Z')).toBe('winter 2026');
		expect(named('2026-03-01T13:00:00Z')).toBe('voorjaar 2026');
		expect(named('2026-05-31T13:00:00Z')).toBe('voorjaar 2026');
		expect(named('2026-06-01T13:00:00Z')).toBe('zomer 2026');
		expect(named('2026-09-01T13:00:00Z')).toBe('najaar 2026');
		expect(named('2026-11-30T13:00:00Z')).toBe('najaar 2026');
		expect(named('2026-12-01T13:00:00Z')).toBe('winter 2026');
	});

	it('whatever the day of the first run, each meeting is named after its own date', () => {
		for (let month = 0; month < 12; month++) {
			const now = Date.UTC(2026, month, 15, 10);
			const meetings = demoMeetings(now);
			const titles = demoTitles(now);
			const regular = meetings.filter(
				(row) => row.kind === 'overhedenoverleg' && row.id !== id(SESSION_MEETING)
			);
			expect(regular).toHaveLength(2);
			for (const meeting of regular)
				expect(meeting.title).toBe(`Overhedenoverleg ${seasonOf(meeting.startsAt as Date)}`);
			// The extra one is named after its day, as Amsterdam counts it.
			const extra = meetings.find((row) => row.id === id(SESSION_MEETING))!;
			const day = new Intl.DateTimeFormat('nl-NL', {
				timeZone: 'Europe/Amsterdam',
				dateStyle: 'long'
			}).format(extra.startsAt as Date);
			expect(extra.title).toBe(`Extra Overhedenoverleg ${day}`);
			// A voorportaal carries the name of the meeting it prepares.
			for (const meeting of meetings.filter((row) => row.kind === 'ambtelijk_voorportaal')) {
				const prepared = meetings.find((row) => row.preparatoryMeetingId === meeting.id)!;
				expect(meeting.title).toBe(`Ambtelijk voorportaal ${prepared.title}`);
			}
			expect(meetings.map((row) => row.title)).toEqual([
				titles.pastVoorportaal,
				titles.past,
				titles.comingVoorportaal,
				titles.coming,
				'Bestuurlijk Overleg Financiële verhoudingen',
				titles.session
			]);
		}
	});
});

describe('the demo meeting ready for meeting mode', () => {
	it('has begun at the first run, on that same day in Amsterdam, and lasts some hours', () => {
		const runs = [
			Date.UTC(2026, 11, 1, 16, 19), // an afternoon in winter (UTC+1)
			Date.UTC(2026, 6, 1, 8, 7), // a morning in summer (UTC+2)
			Date.UTC(2026, 11, 1, 23, 20), // just after midnight in Amsterdam
			Date.UTC(2026, 5, 30, 22, 5) // just after midnight in summer
		];
		for (const now of runs) {
			const { startsAt, endsAt } = sessionTimes(now);
			expect(startsAt.getTime()).toBeLessThanOrEqual(now);
			expect(now - startsAt.getTime()).toBeLessThanOrEqual(75 * 60_000);
			expect(amsterdamDay(startsAt)).toBe(amsterdamDay(new Date(now)));
			expect(endsAt.getTime() - startsAt.getTime()).toBe(4 * 3_600_000);
			expect(endsAt.getTime()).toBeGreaterThan(now);
		}
	});
});
