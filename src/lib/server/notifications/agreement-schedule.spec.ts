import { describe, expect, it } from 'vitest';
import {
	daysUntil,
	dueDateFor,
	reminderAt,
	reminderDay,
	reminderKey,
	stillTimely
} from './agreement-schedule';

/** The wall clock in Amsterdam at an instant, as a reader there sees it ("2030-04-07 08:00"). */
const amsterdamClock = (at: Date) =>
	new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Amsterdam',
		dateStyle: 'short',
		timeStyle: 'short'
	}).format(at);

describe('reminderDay', () => {
	it('is 14 and 3 days before the day it is due, and the day after', () => {
		expect(reminderDay('2030-04-10', 'days_14')).toBe('2030-03-27');
		expect(reminderDay('2030-04-10', 'days_3')).toBe('2030-04-07');
		expect(reminderDay('2030-04-10', 'overdue')).toBe('2030-04-11');
	});

	it('counts calendar days over the turn of a month, a year and a leap day', () => {
		expect(reminderDay('2027-01-02', 'days_3')).toBe('2026-12-30');
		expect(reminderDay('2028-03-01', 'days_14')).toBe('2028-02-16');
		expect(reminderDay('2028-02-28', 'overdue')).toBe('2028-02-29');
		expect(reminderDay('2026-12-31', 'overdue')).toBe('2027-01-01');
	});

	it('dueDateFor goes back from a reminder’s day to the day it is due', () => {
		for (const reminder of ['days_14', 'days_3', 'overdue'] as const) {
			expect(dueDateFor(reminderDay('2030-10-30', reminder), reminder)).toBe('2030-10-30');
		}
	});
});

describe('reminderAt', () => {
	it('is 08:00 in Amsterdam: 07:00 UTC in winter, 06:00 UTC in summer', () => {
		expect(reminderAt('2030-03-27').toISOString()).toBe('2030-03-27T07:00:00.000Z');
		expect(reminderAt('2030-04-07').toISOString()).toBe('2030-04-07T06:00:00.000Z');
	});

	it('keeps 08:00 on the days the clocks change (31 March and 27 October 2030)', () => {
		expect(reminderAt('2030-03-31').toISOString()).toBe('2030-03-31T06:00:00.000Z');
		expect(reminderAt('2030-10-27').toISOString()).toBe('2030-10-27T07:00:00.000Z');
		// The day before each: the other offset.
		expect(reminderAt('2030-03-30').toISOString()).toBe('2030-03-30T07:00:00.000Z');
		expect(reminderAt('2030-10-26').toISOString()).toBe('2030-10-26T06:00:00.000Z');
	});

	it('reads 08:00 on its own day in Amsterdam on every day of two years', () => {
		const start = Date.parse('2029-01-01T12:00:00Z');
		for (let n = 0; n < 730; n++) {
			const day = new Date(start + n * 86_400_000).toISOString().slice(0, 10);
			expect(amsterdamClock(reminderAt(day))).toBe(`${day} 08:00`);
		}
	});
});

describe('stillTimely', () => {
	it('today and yesterday in Amsterdam, not the day before, by the Amsterdam day (not UTC’s)', () => {
		// 22:30 UTC on 10 April is 00:30 on 11 April in Amsterdam (summer time).
		const now = new Date('2030-04-10T22:30:00Z');
		expect(stillTimely('2030-04-11', now)).toBe(true);
		expect(stillTimely('2030-04-10', now)).toBe(true);
		expect(stillTimely('2030-04-09', now)).toBe(false);
		expect(stillTimely('2030-05-01', now)).toBe(true);
	});
});

describe('daysUntil', () => {
	it('counts Amsterdam calendar days, across the change to summer time', () => {
		// 08:00 on 27 March (winter) to the 10th of April (summer): 14 days, not 13.96.
		expect(daysUntil('2030-04-10', new Date('2030-03-27T07:00:00Z'))).toBe(14);
		// 23:30 UTC on 6 April is already the 7th in Amsterdam.
		expect(daysUntil('2030-04-10', new Date('2030-04-06T23:30:00Z'))).toBe(3);
		expect(daysUntil('2030-04-10', new Date('2030-04-11T06:00:00Z'))).toBe(-1);
	});
});

describe('reminderKey', () => {
	it('one per agreement, reminder and day it is due, or koepel and closing day', () => {
		const agreementId = '00000000-0000-4000-c000-000000000001';
		const keys = new Set([
			reminderKey({ agreementId, reminder: 'days_14', dueDate: '2030-04-10', day: '2030-03-27' }),
			reminderKey({ agreementId, reminder: 'days_14', dueDate: '2030-04-11', day: '2030-03-28' }),
			reminderKey({ agreementId, reminder: 'days_3', dueDate: '2030-04-10', day: '2030-04-07' }),
			reminderKey({
				agreementId,
				reminder: 'ratification',
				koepel: 'vng',
				closesOn: '2030-04-10',
				day: '2030-04-10'
			}),
			reminderKey({
				agreementId,
				reminder: 'ratification',
				koepel: 'ipo',
				closesOn: '2030-04-10',
				day: '2030-04-10'
			})
		]);
		expect(keys.size).toBe(5);
	});
});
