import { describe, expect, it } from 'vitest';
import { fromAmsterdamLocal, meetingInput, toAmsterdamLocal } from './meeting-form.server';

describe('datetime-local values as Amsterdam time', () => {
	it('reads winter and summer times with their own offset', () => {
		expect(fromAmsterdamLocal('2027-01-15T10:00')).toEqual(new Date('2027-01-15T09:00:00Z'));
		expect(fromAmsterdamLocal('2027-07-15T10:00')).toEqual(new Date('2027-07-15T08:00:00Z'));
	});

	it('lands right next to the switch to summer time', () => {
		// 28 March 2027: 02:00 becomes 03:00. 01:30 is still winter time, 03:30 summer time.
		expect(fromAmsterdamLocal('2027-03-28T01:30')).toEqual(new Date('2027-03-28T00:30:00Z'));
		expect(fromAmsterdamLocal('2027-03-28T03:30')).toEqual(new Date('2027-03-28T01:30:00Z'));
	});

	it('writes an instant back as the same wall-clock time', () => {
		for (const value of ['2027-01-15T10:00', '2027-07-15T23:45', '2026-12-31T00:05']) {
			expect(toAmsterdamLocal(fromAmsterdamLocal(value) as Date)).toBe(value);
		}
		expect(toAmsterdamLocal(null)).toBe('');
	});

	it('passes what is not a datetime-local value on, for the schema to name', () => {
		expect(fromAmsterdamLocal('morgen')).toBe('morgen');
		expect(fromAmsterdamLocal('')).toBe('');
	});

	it('passes a time that does not exist on as typed, instead of rolling it over', () => {
		// Date.UTC made 2 March of 30 February, and 30 November 1899 of 0000-00-00.
		for (const value of [
			'2027-02-30T10:00',
			'2027-02-29T10:00',
			'0000-00-00T00:00',
			'2027-04-31T10:00',
			'2027-13-01T10:00',
			'2027-00-10T10:00',
			'2027-01-15T24:00',
			'2027-01-15T10:60',
			'2027-01-15T10:00:60'
		])
			expect(fromAmsterdamLocal(value), value).toBe(value);
	});

	it('reads a leap day, seconds and a two-digit year as they are', () => {
		expect(fromAmsterdamLocal('2028-02-29T10:00')).toEqual(new Date('2028-02-29T09:00:00Z'));
		expect(fromAmsterdamLocal('2027-01-15T10:00:59')).toEqual(new Date('2027-01-15T09:00:00Z'));
		// The year 99, not 1999: the schema then refuses it as a time that cannot be meant.
		expect((fromAmsterdamLocal('0099-06-01T12:00') as Date).getUTCFullYear()).toBe(99);
	});

	it('turns empty optional fields into null and keeps required ones for the schema', () => {
		const input = meetingInput({
			kind: 'bofv',
			topic: ' ',
			title: 'BOFv',
			startsAt: '',
			endsAt: '2027-01-15T12:00',
			location: '',
			onlineUrl: '',
			chair: '',
			proposalDeadline: '',
			preparatoryMeetingId: ''
		});
		expect(input).toMatchObject({
			topic: null,
			startsAt: '',
			location: null,
			onlineUrl: null,
			proposalDeadline: null,
			preparatoryMeetingId: null
		});
	});
});
