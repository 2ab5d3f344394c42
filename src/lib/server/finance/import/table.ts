/*
 * What the two readers (CSV and XLSX) hand to the row checks: the file's rows with their line
 * numbers as the user sees them (the CSV's line, the worksheet's row), cells as the file holds
 * them. Text stays text and a spreadsheet number stays a number, so that an amount typed as
 * "1.234,56" and one stored as 1234.56 are each read the way they were written.
 */

export interface ImportError {
	/** The file's line (CSV) or row (XLSX); 1 is the header, 0 the file as a whole. */
	line: number;
	/** The column's Dutch name (kenmerk, jaar, bedrag), when the error is about one cell. */
	column?: string;
	message: string;
}

/** A cell that is neither text nor a number, described for the message about it. */
export interface OtherCell {
	other: 'datum' | 'waar/onwaar' | 'fout' | 'onbekend';
	/** The spreadsheet's error code (#N/A, #DIV/0!), for a formula that failed. */
	detail?: string;
}

export type Cell = string | number | OtherCell | null;

export interface TableRow {
	line: number;
	cells: Cell[];
}

export type TableRead = { ok: true; rows: TableRow[] } | { ok: false; error: ImportError };

export const isBlank = (cell: Cell): boolean =>
	cell === null || (typeof cell === 'string' && cell.trim() === '');
