import ExcelJS from 'exceljs';
import type { Cell, TableRead, TableRow } from './table';

/*
 * The first worksheet of an XLSX, its rows by their row numbers (row 1 the header). A cell is read
 * as the user sees it: a formula by its last computed result, rich text and a hyperlink by their
 * text. exceljs reads numbers as JavaScript numbers; the amount check turns them into cents.
 */

type ExcelValue = ExcelJS.CellValue | ExcelJS.CellValue[] | ExcelJS.RichText[] | object | undefined;

export function cellOf(value: ExcelValue): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'boolean') return { other: 'waar/onwaar' };
	if (value instanceof Date) return { other: 'datum' };
	if (Array.isArray(value)) return value.map((part) => textOf(part)).join('');
	if ('error' in value) return { other: 'fout', detail: String(value.error) };
	if ('richText' in value && Array.isArray(value.richText)) return textOf(value.richText);
	if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
		return cellOf((value as { result?: ExcelValue }).result);
	}
	if ('text' in value) return cellOf((value as { text: ExcelValue }).text);
	return { other: 'onbekend' };
}

function textOf(value: ExcelValue): string {
	if (Array.isArray(value)) return value.map((part) => textOf(part)).join('');
	if (value && typeof value === 'object' && 'text' in value)
		return textOf(value.text as ExcelValue);
	return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs's types ask for a Buffer; it reads any bytes (its zip reader takes an ArrayBuffer view).
		await workbook.xlsx.load(
			Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never
		);
	} catch {
		return { ok: false, error: { line: 0, message: 'Het XLSX-bestand kan niet worden gelezen.' } };
	}
	const worksheet = workbook.worksheets[0];
	if (!worksheet) {
		return { ok: false, error: { line: 0, message: 'Het XLSX-bestand heeft geen werkblad.' } };
	}
	const rows: TableRow[] = [];
	worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const values = row.values as ExcelValue[];
		const cells: Cell[] = [];
		// row.values starts at index 1 (column A) and may have holes for empty cells.
		for (let index = 1; index < values.length; index++) cells.push(cellOf(values[index]));
		rows.push({ line: rowNumber, cells });
	});
	return { ok: true, rows };
}
