import { TIME_ZONE } from '../../time';

/*
 * The values of a spreadsheet's cells, the same for XLSX and CSV: what each kind of column holds,
 * the guard against formula injection, and the dates as a Dutch reader's spreadsheet shows them.
 */

/**
 * What a column holds. `date` is a calendar day (yyyy-mm-dd), `datetime` an instant (shown in
 * Europe/Amsterdam), `percent` a fraction (0.25 is 25 %), `money` integer euro cents.
 */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'number' | 'percent' | 'money';

export type CellValue = string | number | Date | null | undefined;

/**
 * A text that a spreadsheet would read as a formula (OWASP, "CSV Injection"): one that begins
 * with = + - @, a tab or a carriage return. A line feed is added: some readers skip it first.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A text made harmless: a leading apostrophe, so Excel and LibreOffice show it as text and never
 * run it, also when someone edits the cell or saves the XLSX again as CSV. Only text columns
 * get this; numbers are written as numbers, so a negative amount stays a number.
 */
export const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-05-12" as its year, month and day, or a TypeError for anything else. */
function calendarParts(value: unknown): [number, number, number] {
	const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
	if (!match) throw new TypeError(`Geen kalenderdatum (jjjj-mm-dd): ${String(value)}`);
	return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const amsterdamParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** An instant's wall clock in Amsterdam: year, month, day, hour, minute, second. */
function wallClock(value: unknown): number[] {
	const at = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
	if (!at || Number.isNaN(at.getTime())) throw new TypeError(`Geen tijdstip: ${String(value)}`);
	const parts = Object.fromEntries(
		amsterdamParts.formatToParts(at).map((part) => [part.type, part.value])
	);
	return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((name) => Number(parts[name]));
}

/**
 * A date for an XLSX cell. A spreadsheet date has no time zone: it is a day number, and exceljs
 * turns a Date into one by its UTC fields. So a calendar day becomes that day at 00:00 UTC (never
 * the day before, whatever the server's zone), and an instant becomes its Amsterdam wall clock.
 */
export function excelDate(kind: 'date' | 'datetime', value: unknown): Date {
	if (kind === 'date') {
		const [year, month, day] = calendarParts(value);
		return new Date(Date.UTC(year, month - 1, day));
	}
	const [year, month, day, hour, minute, second] = wallClock(value);
	return new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "12-05-2026", or "12-05-2026 10:00" in Amsterdam: what Dutch Excel reads as a date. */
export function dutchDate(kind: 'date' | 'datetime', value: unknown): string {
	if (kind === 'date') {
		const [year, month, day] = calendarParts(value);
		return `${pad(day)}-${pad(month)}-${year}`;
	}
	const [year, month, day, hour, minute] = wallClock(value);
	return `${pad(day!)}-${pad(month!)}-${year} ${pad(hour!)}:${pad(minute!)}`;
}

/** A finite number, or a TypeError: a spreadsheet must not show NaN as a value. */
export function finite(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw new TypeError(`Geen getal: ${String(value)}`);
	return value;
}

/** Integer cents as euros; a fraction of a cent is a bug upstream, never rounded away here. */
export function euros(value: unknown): number {
	const cents = finite(value);
	if (!Number.isSafeInteger(cents)) throw new TypeError(`Geen bedrag in centen: ${cents}`);
	return cents / 100;
}

/** "1234,56", "-0,5": a plain decimal with a comma, as Dutch spreadsheets read numbers in CSV. */
const decimalComma = (value: number) => String(value).replace('.', ',');

/** A cell as CSV text: text neutralised, dates as Dutch dates, numbers with a decimal comma. */
export function csvText(kind: ColumnKind, value: CellValue): string {
	if (value === null || value === undefined || value === '') return '';
	switch (kind) {
		case 'text':
			return neutralised(String(value));
		case 'date':
		case 'datetime':
			return dutchDate(kind, value);
		case 'number':
			return decimalComma(finite(value));
		case 'percent':
			// 0.125 as "12,5%": Dutch Excel reads it back as the number 0,125 shown as a percentage.
			return `${decimalComma(Number((finite(value) * 100).toPrecision(12)))}%`;
		case 'money': {
			const cents = finite(value);
			euros(cents);
			const sign = cents < 0 ? '-' : '';
			const whole = Math.abs(cents);
			return `${sign}${Math.floor(whole / 100)},${pad(whole % 100)}`;
		}
	}
}
