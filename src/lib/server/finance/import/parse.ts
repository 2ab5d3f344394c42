import { MAX_CENTS, moneyMessages, parseMoney } from '$lib/money';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { isBlank, type Cell, type ImportError, type TableRead, type TableRow } from './table';

/*
 * The table of amounts a fund circular processed, per arrangement and year, as a user uploads it
 * (CSV or XLSX). This only reads and checks the file: it never looks in the database. The caller
 * shows `rows` as a preview with `errors` beside them, and imports nothing unless `errors` is
 * empty (the import is all-or-nothing); checking that a kenmerk exists is the caller's work.
 *
 * `rows` holds only the rows without errors, so a preview of a file with errors is the rows that
 * would be fine plus one message per cell that is not.
 */

export type { ImportError } from './table';

export interface ImportRow {
	line: number;
	/** The arrangement's kenmerk as written in the file (trimmed), e.g. FA-0012. */
	reference: string;
	year: number;
	/** Integer euro cents. */
	cents: number;
}

export interface ParsedImport {
	rows: ImportRow[];
	errors: ImportError[];
}

export const MAX_DATA_ROWS = 5000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_REFERENCE_LENGTH = 50;

type ColumnName = 'kenmerk' | 'jaar' | 'bedrag';

/** Header names per column, as compared: lower case, without spaces. */
const COLUMN_ALIASES: Record<ColumnName, readonly string[]> = {
	kenmerk: ['kenmerk', 'reference', 'arrangement'],
	jaar: ['jaar', 'year'],
	bedrag: ['bedrag', 'amount']
};
const COLUMNS = Object.keys(COLUMN_ALIASES) as ColumnName[];

const NOT_A_TABLE: ParsedImport = {
	rows: [],
	errors: [{ line: 0, message: 'Kies een CSV- of XLSX-bestand.' }]
};

export async function parseProcessedTable(
	bytes: Uint8Array,
	fileName: string
): Promise<ParsedImport> {
	const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
	// An XLSX is a zip, which starts with "PK"; a CSV that starts so is a renamed zip.
	const zip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
	let read: TableRead;
	if (extension === 'xlsx' && zip) read = await readXlsx(bytes);
	else if (extension === 'csv' && !zip && !bytes.includes(0)) read = readCsv(bytes);
	else return structuredClone(NOT_A_TABLE);
	if (!read.ok) return { rows: [], errors: [read.error] };
	return checkTable(read.rows);
}

/** The header, then each row; every error is collected, none stops the others. */
export function checkTable(tableRows: readonly TableRow[]): ParsedImport {
	const [header, ...rest] = tableRows;
	if (!header || header.cells.every(isBlank)) {
		return { rows: [], errors: [{ line: 1, message: 'Het bestand heeft geen kopregel.' }] };
	}
	const located = locateColumns(header);
	if (!located.ok) return { rows: [], errors: located.errors };
	const dataRows = rest.filter((row) => !row.cells.every(isBlank));
	if (dataRows.length === 0) {
		return {
			rows: [],
			errors: [
				{ line: 0, message: 'Het bestand heeft geen regels met bedragen onder de kopregel.' }
			]
		};
	}
	if (dataRows.length > MAX_DATA_ROWS) {
		const message = `Het bestand heeft meer dan ${MAX_DATA_ROWS.toLocaleString('nl-NL')} regels met bedragen; splits het in kleinere bestanden.`;
		const line = dataRows[MAX_DATA_ROWS]?.line ?? 0;
		return { rows: [], errors: [{ line, message }] };
	}

	const rows: ImportRow[] = [];
	const errors: ImportError[] = [];
	const firstLine = new Map<string, number>();
	for (const { line, cells } of dataRows) {
		const at = (column: ColumnName) => cells[located.index[column]] ?? null;
		const reference = checkReference(at('kenmerk'));
		const year = checkYear(at('jaar'));
		const cents = checkAmount(at('bedrag'));
		const rowErrors: ImportError[] = [];
		if (!reference.ok) rowErrors.push({ line, column: 'kenmerk', message: reference.message });
		if (!year.ok) rowErrors.push({ line, column: 'jaar', message: year.message });
		if (!cents.ok) rowErrors.push({ line, column: 'bedrag', message: cents.message });
		if (reference.ok && year.ok) {
			const key = `${reference.value}\u0000${year.value}`;
			const earlier = firstLine.get(key);
			if (earlier === undefined) firstLine.set(key, line);
			else {
				rowErrors.push({
					line,
					column: 'kenmerk',
					message: `${reference.value} met jaar ${year.value} staat al op regel ${earlier}.`
				});
			}
		}
		if (rowErrors.length > 0) errors.push(...rowErrors);
		else if (reference.ok && year.ok && cents.ok) {
			rows.push({ line, reference: reference.value, year: year.value, cents: cents.value });
		}
	}
	return { rows, errors };
}

type Located =
	{ ok: true; index: Record<ColumnName, number> } | { ok: false; errors: ImportError[] };

const normalHeader = (cell: Cell): string =>
	typeof cell === 'string' || typeof cell === 'number'
		? String(cell).replace(/\s+/g, '').toLowerCase()
		: '';

function locateColumns(header: TableRow): Located {
	const names = header.cells.map(normalHeader);
	const index = {} as Record<ColumnName, number>;
	const errors: ImportError[] = [];
	for (const column of COLUMNS) {
		const found = names.flatMap((name, i) => (COLUMN_ALIASES[column].includes(name) ? [i] : []));
		const [only, ...more] = found;
		if (only !== undefined && more.length === 0) index[column] = only;
		else if (only === undefined) {
			const others = COLUMN_ALIASES[column].slice(1).join(', ');
			errors.push({
				line: 1,
				column,
				message: `De kolom ‘${column}’ ontbreekt in de kopregel (ook goed: ${others}).`
			});
		} else {
			errors.push({
				line: 1,
				column,
				message: `De kolom ‘${column}’ staat ${found.length} keer in de kopregel (kolommen ${found.map(columnLetter).join(', ')}).`
			});
		}
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}

/** A, B, …, Z, AA: as a spreadsheet names the column at this 0-based index. */
export function columnLetter(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function otherCellMessage(cell: Exclude<Cell, string | number | null>): string {
	switch (cell.other) {
		case 'datum':
			return 'Hier staat een datum.';
		case 'waar/onwaar':
			return 'Hier staat WAAR of ONWAAR.';
		case 'fout':
			return `De cel geeft een fout (${cell.detail ?? 'formule'}).`;
		default:
			return 'De cel bevat geen tekst of getal.';
	}
}

function checkReference(cell: Cell): Checked<string> {
	if (isBlank(cell)) return { ok: false, message: 'Het kenmerk ontbreekt.' };
	if (typeof cell === 'object' && cell !== null)
		return { ok: false, message: otherCellMessage(cell) };
	const value = String(cell).trim();
	if (/\s/.test(value)) {
		return { ok: false, message: 'Een kenmerk is één woord zonder spaties, zoals FA-0012.' };
	}
	if (value.length > MAX_REFERENCE_LENGTH) {
		return { ok: false, message: `Een kenmerk is hoogstens ${MAX_REFERENCE_LENGTH} tekens.` };
	}
	return { ok: true, value };
}

function checkYear(cell: Cell): Checked<number> {
	if (isBlank(cell)) return { ok: false, message: 'Het jaar ontbreekt.' };
	if (typeof cell === 'object' && cell !== null)
		return { ok: false, message: otherCellMessage(cell) };
	const text = String(cell).trim();
	if (!/^\d+$/.test(text)) {
		return {
			ok: false,
			message: `Het jaar moet een heel getal zijn, zoals 2026 (niet ‘${text}’).`
		};
	}
	const year = Number(text);
	if (year < MIN_YEAR || year > MAX_YEAR) {
		return { ok: false, message: `Het jaar moet tussen ${MIN_YEAR} en ${MAX_YEAR} liggen.` };
	}
	return { ok: true, value: year };
}

function checkAmount(cell: Cell): Checked<number> {
	if (isBlank(cell)) return { ok: false, message: 'Het bedrag ontbreekt.' };
	if (typeof cell === 'number') return centsOfSpreadsheetNumber(cell);
	if (typeof cell === 'object' && cell !== null) {
		return { ok: false, message: otherCellMessage(cell) };
	}
	const parsed = parseMoney(String(cell).trim());
	return parsed.ok ? { ok: true, value: parsed.cents } : { ok: false, message: parsed.message };
}

/**
 * A spreadsheet number in euros, to cents without floating point arithmetic: from its shortest
 * decimal form (String(1234.5) is "1234.5"), which is what the user typed or a formula gave. A
 * value with more than two decimals (a formula's 0.30000000000000004, or 12.345) is refused
 * rather than rounded, so that no cent is invented.
 */
export function centsOfSpreadsheetNumber(value: number): Checked<number> {
	const text = String(value);
	const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
	if (!Number.isFinite(value)) return { ok: false, message: 'Het bedrag is geen getal.' };
	if (!match) {
		// Exponent notation: beyond 10^21 or below 10^-6.
		return Math.abs(value) >= 1
			? { ok: false, message: moneyMessages.tooLarge }
			: { ok: false, message: 'Het bedrag heeft meer dan twee decimalen.' };
	}
	const [, sign, euros, decimals = ''] = match;
	if (decimals.length > 2) {
		return { ok: false, message: `Het bedrag heeft meer dan twee decimalen (${text}).` };
	}
	const cents = Number(euros + decimals.padEnd(2, '0'));
	if (!(cents <= MAX_CENTS)) return { ok: false, message: moneyMessages.tooLarge };
	// 0 rather than -0 for "-0".
	return { ok: true, value: sign === '-' && cents !== 0 ? -cents : cents };
}
