import { describe, expect, it } from 'vitest';
import { demoMeetings, demoTitles, seasonOf } from './demo-data';

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
			for (const meeting of meetings.filter((row) => row.kind === 'overhedenoverleg'))
				expect(meeting.title).toBe(`Overhedenoverleg ${seasonOf(meeting.startsAt as Date)}`);
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
				'Bestuurlijk Overleg Financiële verhoudingen'
			]);
		}
	});
});
