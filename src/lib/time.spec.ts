import { describe, expect, it } from 'vitest';
import { endOfAmsterdamDay, formatDateTime, startOfAmsterdamDay } from './time';

describe('Amsterdam days', () => {
	it('start at midnight local time, in winter and in summer', () => {
		expect(startOfAmsterdamDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(startOfAmsterdamDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
	});
	it('end one millisecond before the next day starts', () => {
		expect(endOfAmsterdamDay('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z');
		// The night the clocks go forward.
		expect(endOfAmsterdamDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
	});
	it('are shown in Dutch', () => {
		expect(formatDateTime(new Date('2026-11-23T12:05:00Z'))).toBe('23 november 2026 om 13:05');
	});
});
