import { describe, expect, it } from 'vitest';
import { nextDigestAt, reminderDueAt } from './schedule';

describe('nextDigestAt', () => {
	it('is the chosen time today in Amsterdam when still ahead, else tomorrow', () => {
		// 1 December: Amsterdam is UTC+1.
		expect(nextDigestAt(new Date('2026-12-01T06:00:00Z'), 8 * 60).toISOString()).toBe(
			'2026-12-01T07:00:00.000Z'
		);
		expect(nextDigestAt(new Date('2026-12-01T07:00:00Z'), 8 * 60).toISOString()).toBe(
			'2026-12-02T07:00:00.000Z'
		);
	});

	it('keeps the Amsterdam time across the change to summer time', () => {
		// 29 March 2026 clocks go forward: 07:30 in Amsterdam is then 05:30 UTC.
		expect(nextDigestAt(new Date('2026-03-28T12:00:00Z'), 7 * 60 + 30).toISOString()).toBe(
			'2026-03-29T05:30:00.000Z'
		);
	});
});

describe('reminderDueAt', () => {
	it('is two days before the meeting begins', () => {
		expect(reminderDueAt(new Date('2026-12-10T09:00:00Z')).toISOString()).toBe(
			'2026-12-08T09:00:00.000Z'
		);
	});
});
