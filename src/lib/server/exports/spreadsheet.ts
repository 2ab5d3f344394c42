import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import {
	csvText,
	euros,
	excelDate,
	finite,
	neutralised,
	type CellValue,
	type ColumnKind
} from './cells';

/*
 * Tables for spreadsheet users, in two forms made from one description: XLSX (exceljs) with real
 * dates and amounts, a bold frozen header row with a filter, and CSV as Dutch Excel opens it with a
 * double click. Every export (the besluitenlijst, later the register) describes its columns here
 * once, so both forms carry the same Dutch headers and the same guard against formula injection.
 */

export type { CellValue, ColumnKind } from './cells';

export type Row = Record<string, CellValue>;

export interface Column<R extends Row = Row> {
	/** The Dutch header, as the reader sees it. */
	header: string;
	key: keyof R & string;
	kind: ColumnKind;
	/** In characters, as Excel counts a column's width. */
	width?: number;
}

export interface Sheet<R extends Row = Row> {
	/** At most 31 characters, none of : \ / ? * [ ] (Excel's rule). */
	name: string;
	columns: readonly Column<R>[];
	rows: readonly R[];
}

export interface Book {
	/** The document's title (its properties), e.g. "Besluitenlijst Overhedenoverleg, 12 mei 2026". */
	title: string;
	subject?: string;
	description?: string;
	/** When the content was made; also the file's modified date. */
	created?: Date;
	sheets: readonly Sheet[];
}

/** Keeps a sheet's row type while the book holds sheets of several. */
export const sheet = <R extends Row>(value: Sheet<R>): Sheet => value as unknown as Sheet;

export const CREATOR = 'Overhedenoverleg';

/*
 * Number formats as the file stores them: the codes are always the English ones (a Dutch Excel
 * shows dd-mm-yyyy as dd-mm-jjjj), the separators follow the reader's settings. 413 is the
 * locale id of nl-NL, so amounts show as Dutch euros ("€ 1.234,56") in any Excel.
 */
export const numberFormats: Record<ColumnKind, string | undefined> = {
	text: '@',
	date: 'dd-mm-yyyy',
	datetime: 'dd-mm-yyyy hh:mm',
	number: undefined,
	percent: '0.0%',
	money: '[$€-413] #,##0.00;[$€-413] -#,##0.00'
};

const FORBIDDEN_IN_NAME = /[:\\/?*[\]]/;

function checkedName(name: string): string {
	if (!name.trim() || name.length > 31 || FORBIDDEN_IN_NAME.test(name))
		throw new TypeError(`Ongeldige bladnaam voor Excel: ${name}`);
	return name;
}

/** A cell's value as exceljs writes it: text stays text (never a formula), dates as day numbers. */
function xlsxValue(kind: ColumnKind, value: CellValue): ExcelJS.CellValue {
	if (value === null || value === undefined || value === '') return null;
	switch (kind) {
		case 'text':
			return neutralised(String(value));
		case 'date':
		case 'datetime':
			return excelDate(kind, value);
		case 'number':
		case 'percent':
			return finite(value);
		case 'money':
			return euros(value);
	}
}

function addSheet(workbook: ExcelJS.Workbook, { name, columns, rows }: Sheet) {
	if (columns.length === 0) throw new TypeError('Een blad heeft minstens één kolom.');
	const worksheet = workbook.addWorksheet(checkedName(name), {
		views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }]
	});
	worksheet.columns = columns.map((column) => ({
		header: column.header,
		key: column.key,
		width: column.width ?? Math.max(10, column.header.length + 2),
		style: {
			numFmt: numberFormats[column.kind],
			// Long texts (a decision's dicta, one per line) wrap inside their cell, read from the top.
			alignment: { vertical: 'top', wrapText: column.kind === 'text' }
		}
	}));
	for (const row of rows)
		worksheet.addRow(
			Object.fromEntries(
				columns.map((column) => [column.key, xlsxValue(column.kind, row[column.key])])
			)
		);
	const header = worksheet.getRow(1);
	header.font = { bold: true };
	header.alignment = { vertical: 'top', wrapText: true };
	worksheet.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: Math.max(1, rows.length + 1), column: columns.length }
	};
}

/** The book as an XLSX file. */
export async function toXlsx(book: Book): Promise<Uint8Array<ArrayBuffer>> {
	if (book.sheets.length === 0) throw new TypeError('Een werkmap heeft minstens één blad.');
	const workbook = new ExcelJS.Workbook();
	const created = book.created ?? new Date();
	workbook.creator = CREATOR;
	workbook.lastModifiedBy = CREATOR;
	workbook.title = book.title;
	workbook.subject = book.subject ?? '';
	workbook.description = book.description ?? '';
	workbook.created = created;
	workbook.modified = created;
	for (const each of book.sheets) addSheet(workbook, each);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * One sheet as CSV for Dutch spreadsheet users: UTF-8 with a byte order mark (without it Excel
 * reads UTF-8 as Windows-1252 and breaks every ë), `;` between fields (Dutch Excel uses the comma
 * for decimals and splits a double-clicked CSV on the semicolon), CRLF between records and RFC 4180
 * quoting: a field with ; " or a line break is quoted, its quotes doubled; line breaks inside a
 * field stay as they are. Dates are dd-mm-jjjj, numbers and amounts a plain decimal with a comma.
 */
export function toCsv({ columns, rows }: Sheet): string {
	return stringify(
		[
			columns.map((column) => neutralised(column.header)),
			...rows.map((row) => columns.map((column) => csvText(column.kind, row[column.key])))
		],
		{
			bom: true,
			delimiter: ';',
			record_delimiter: 'windows',
			// With a record delimiter of its own csv-stringify would stop quoting a field's line breaks.
			quote_record_delimiter: true,
			eof: true
		}
	);
}
