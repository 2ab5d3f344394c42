import { CsvError, parse } from 'csv-parse/sync';
import type { TableRead, TableRow } from './table';

/*
 * A CSV as it comes out of Excel and other spreadsheets in the Netherlands: `;` between fields
 * (Dutch Excel's default, since the comma is the decimal sign), sometimes `,` or a tab; UTF-8 with
 * or without a BOM, or Windows-1252 from an older "CSV (gescheiden door lijstscheidingsteken)".
 */

const DELIMITERS = [';', '\t', ','] as const;

/** UTF-8 when the bytes are valid UTF-8 (the BOM dropped), else Windows-1252, which decodes anything. */
export function decodeText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/**
 * The delimiter used most often in the header line outside quotes; on a tie `;` wins, then a tab
 * (a header has no decimal commas, so a count is a fair vote).
 */
export function detectDelimiter(headerLine: string): string {
	const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const char of headerLine) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
	}
	let best: string = DELIMITERS[0];
	for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
	return best;
}

const csvMessages: Record<string, string> = {
	CSV_QUOTE_NOT_CLOSED: 'Een aanhalingsteken (") wordt niet gesloten.',
	CSV_INVALID_CLOSING_QUOTE:
		'Na een sluitend aanhalingsteken (") hoort een scheidingsteken of het einde van de regel.',
	CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
		'Na een sluitend aanhalingsteken (") hoort een scheidingsteken of het einde van de regel.'
};

export function readCsv(bytes: Uint8Array): TableRead {
	// One line break for all: \r\n (Windows) and a lone \r (old Mac) count as one line each.
	const text = decodeText(bytes).replace(/\r\n?/g, '\n');
	const delimiter = detectDelimiter(text.slice(0, text.indexOf('\n') + 1 || text.length));
	// The line where each record starts: a quoted field may span lines, and empty lines count too.
	// Counted as records come, so that a broken record is named by the line it starts on.
	const rows: TableRow[] = [];
	let line = 1;
	try {
		parse(text, {
			delimiter,
			record_delimiter: '\n',
			relax_column_count: true,
			on_record: (record, context) => {
				rows.push({ line, cells: record });
				// context.lines is the line the record ends on.
				line = context.lines + 1;
				return null;
			}
		});
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		return {
			ok: false,
			error: { line, message: csvMessages[error.code] ?? 'Deze regel is geen geldige CSV.' }
		};
	}
	return { ok: true, rows };
}
