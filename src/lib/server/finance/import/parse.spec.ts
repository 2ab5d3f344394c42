import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { moneyMessages, parseMoney } from '$lib/money';
import { centsOfSpreadsheetNumber, columnLetter, parseProcessedTable } from './parse';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 for the characters these tests use (ASCII, ë and €). */
function windows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (char) => {
		if (char === 'ë') return 0xeb;
		if (char === '€') return 0x80;
		const code = char.charCodeAt(0);
		if (code > 0x7f) throw new Error(`no byte for ${char} in this test`);
		return code;
	});
}

type SheetCell = string | number | null | ExcelJS.CellValue;

async function xlsx(rows: SheetCell[][], extraSheetFirst = false): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	if (extraSheetFirst) workbook.addWorksheet('Leeg');
	const sheet = workbook.addWorksheet('Verwerkt');
	rows.forEach((row, i) => {
		if (row.length > 0) sheet.getRow(i + 1).values = row as ExcelJS.CellValue[];
	});
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('parseProcessedTable: CSV', () => {
	it('reads a Dutch Excel CSV with ; and Dutch amounts, lines counted from the header', async () => {
		const csv = [
			'Kenmerk;Jaar;Bedrag;Toelichting',
			'FA-0012;2025;1.234.567,89;jeugdzorg',
			'FA-0012;2026;€ 1.234.567;',
			'FA-0013;2025;-675.000.000;opschalingskorting'
		].join('\r\n');
		const result = await parseProcessedTable(utf8(csv + '\r\n'), 'meicirculaire.csv');
		expect(result.errors).toEqual([]);
		expect(result.rows).toEqual([
			{ line: 2, reference: 'FA-0012', year: 2025, cents: 123456789 },
			{ line: 3, reference: 'FA-0012', year: 2026, cents: 123456700 },
			{ line: 4, reference: 'FA-0013', year: 2025, cents: -67500000000 }
		]);
	});

	it('reads a CSV with , and quoted amounts, English header names and an unknown column', async () => {
		const csv = [
			'Reference, Year ,AMOUNT,Remark',
			'FA-0001,2027,"1.000,50",x',
			'FA-0002,2027,"-12,5","met, komma"',
			'FA-0003,2028,300,'
		].join('\n');
		const result = await parseProcessedTable(utf8(csv), 'export.CSV');
		expect(result.errors).toEqual([]);
		expect(result.rows.map((row) => [row.line, row.reference, row.year, row.cents])).toEqual([
			[2, 'FA-0001', 2027, 100050],
			[3, 'FA-0002', 2027, -1250],
			[4, 'FA-0003', 2028, 30000]
		]);
	});

	it('reads a tab-separated file and the alias "arrangement"', async () => {
		const csv = 'arrangement\tjaar\tbedrag\nFA-0009\t2030\t7,25\n';
		const result = await parseProcessedTable(utf8(csv), 'tabel.csv');
		expect(result).toEqual({
			rows: [{ line: 2, reference: 'FA-0009', year: 2030, cents: 725 }],
			errors: []
		});
	});

	it('drops a UTF-8 BOM, so the first header name still matches', async () => {
		const bytes = new Uint8Array([
			0xef,
			0xbb,
			0xbf,
			...utf8('kenmerk;jaar;bedrag\nFA-0001;2025;10\n')
		]);
		const result = await parseProcessedTable(bytes, 'bom.csv');
		expect(result.errors).toEqual([]);
		expect(result.rows).toEqual([{ line: 2, reference: 'FA-0001', year: 2025, cents: 1000 }]);
	});

	it('reads Windows-1252 (ë in the toelichting, € in an amount)', async () => {
		const bytes = windows1252(
			'kenmerk;jaar;bedrag;toelichting\nFA-0004;2026;€ 414.000.000;financiële ruimte\n'
		);
		// The bytes are not UTF-8: this test would be about nothing if they were.
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const result = await parseProcessedTable(bytes, 'oud.csv');
		expect(result.errors).toEqual([]);
		expect(result.rows).toEqual([
			{ line: 2, reference: 'FA-0004', year: 2026, cents: 41400000000 }
		]);
	});

	it('counts the lines of a quoted field over two lines and of skipped empty rows', async () => {
		const csv = [
			'kenmerk;jaar;bedrag;toelichting',
			'',
			'FA-0001;2025;1;"eerste',
			'tweede regel"',
			';;;',
			'   ;  ; ;',
			'FA-0002;2025;wat'
		].join('\n');
		const result = await parseProcessedTable(utf8(csv), 'lijnen.csv');
		expect(result.rows).toEqual([{ line: 3, reference: 'FA-0001', year: 2025, cents: 100 }]);
		expect(result.errors).toEqual([
			{ line: 7, column: 'bedrag', message: expect.any(String) as string }
		]);
	});

	it('names an unclosed quote by the line it opens on', async () => {
		const csv = 'kenmerk;jaar;bedrag\nFA-0001;2025;1\nFA-0002;2025;"12\nFA-0003;2025;3\n';
		const result = await parseProcessedTable(utf8(csv), 'kapot.csv');
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([
			{ line: 3, message: expect.stringContaining('aanhalingsteken') as string }
		]);
	});
});

describe('parseProcessedTable: XLSX', () => {
	it('reads text amounts and numeric amounts from the first worksheet, lines as row numbers', async () => {
		const bytes = await xlsx([
			['Kenmerk', 'Jaar', 'Bedrag', 'Toelichting'],
			['FA-0012', 2025, '1.234.567,89', 'tekst'],
			[],
			['FA-0012', '2026', 1234567.8, 'getal'],
			['FA-0013', 2025, -675000000, null],
			[
				{ richText: [{ text: 'FA-' }, { text: '0014' }] },
				2025,
				{ formula: 'B5*0+12.5', result: 12.5 }
			]
		]);
		const result = await parseProcessedTable(bytes, 'circulaire.xlsx');
		expect(result.errors).toEqual([]);
		expect(result.rows).toEqual([
			{ line: 2, reference: 'FA-0012', year: 2025, cents: 123456789 },
			{ line: 4, reference: 'FA-0012', year: 2026, cents: 123456780 },
			{ line: 5, reference: 'FA-0013', year: 2025, cents: -67500000000 },
			{ line: 6, reference: 'FA-0014', year: 2025, cents: 1250 }
		]);
	});

	it('refuses a numeric amount with more than two decimals, and cells that are no amount', async () => {
		const bytes = await xlsx([
			['kenmerk', 'jaar', 'bedrag'],
			['FA-0001', 2025, 0.1 + 0.2],
			['FA-0002', 2025, 12.345],
			['FA-0003', 2025.5, new Date(Date.UTC(2025, 0, 1))],
			['FA-0004', 2025, { formula: '1/0', result: { error: '#DIV/0!' } }]
		]);
		const result = await parseProcessedTable(bytes, 'circulaire.xlsx');
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([
			{ line: 2, column: 'bedrag', message: expect.stringContaining('meer dan twee decimalen') },
			{ line: 3, column: 'bedrag', message: expect.stringContaining('meer dan twee decimalen') },
			{ line: 4, column: 'jaar', message: expect.stringContaining('heel getal') },
			{ line: 4, column: 'bedrag', message: 'Hier staat een datum.' },
			{ line: 5, column: 'bedrag', message: 'De cel geeft een fout (#DIV/0!).' }
		]);
	});

	it('reads the first worksheet in the workbook, even an empty one, not the one with data', async () => {
		const bytes = await xlsx(
			[
				['kenmerk', 'jaar', 'bedrag'],
				['FA-0001', 2025, 1]
			],
			true
		);
		const result = await parseProcessedTable(bytes, 'twee-bladen.xlsx');
		expect(result).toEqual({
			rows: [],
			errors: [{ line: 1, message: 'Het bestand heeft geen kopregel.' }]
		});
	});

	it('refuses a zip that is no workbook', async () => {
		const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
		const result = await parseProcessedTable(bytes, 'kapot.xlsx');
		expect(result).toEqual({
			rows: [],
			errors: [{ line: 0, message: 'Het XLSX-bestand kan niet worden gelezen.' }]
		});
	});
});

describe('parseProcessedTable: errors', () => {
	it('names each missing column once, at line 1, and reads no rows', async () => {
		const csv = 'kenmerk;bedrag;toelichting\nFA-0001;10;x\n';
		const result = await parseProcessedTable(utf8(csv), 'zonder-jaar.csv');
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([
			{ line: 1, column: 'jaar', message: expect.stringContaining('‘jaar’ ontbreekt') }
		]);
	});

	it('refuses a column given twice, naming both places', async () => {
		const csv = 'kenmerk;jaar;bedrag;amount\nFA-0001;2025;10;11\n';
		const result = await parseProcessedTable(utf8(csv), 'dubbel.csv');
		expect(result.errors).toEqual([
			{ line: 1, column: 'bedrag', message: expect.stringContaining('kolommen C, D') }
		]);
	});

	it('refuses years that are not whole numbers from 2000 to 2100, each on its own line', async () => {
		const csv = [
			'kenmerk;jaar;bedrag',
			'FA-0001;1999;1',
			'FA-0002;2101;1',
			'FA-0003;2025,5;1',
			'FA-0004;;1',
			'FA-0005;2000;1',
			'FA-0006;2100;1'
		].join('\n');
		const result = await parseProcessedTable(utf8(csv), 'jaren.csv');
		expect(result.errors.map((error) => [error.line, error.column])).toEqual([
			[2, 'jaar'],
			[3, 'jaar'],
			[4, 'jaar'],
			[5, 'jaar']
		]);
		expect(result.errors[0]?.message).toBe('Het jaar moet tussen 2000 en 2100 liggen.');
		expect(result.errors[3]?.message).toBe('Het jaar ontbreekt.');
		expect(result.rows.map((row) => row.year)).toEqual([2000, 2100]);
	});

	it('gives the money module’s message for an amount it refuses, and collects every error', async () => {
		const csv = [
			'kenmerk;jaar;bedrag',
			'FA-0001;2025;1,234.56',
			';2025;1.234,5.6',
			'FA-0003;2025;'
		].join('\n');
		const result = await parseProcessedTable(utf8(csv), 'bedragen.csv');
		const english = parseMoney('1,234.56');
		const mixed = parseMoney('1.234,5.6');
		if (english.ok || mixed.ok) throw new Error('the money module accepts what it should refuse');
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([
			{ line: 2, column: 'bedrag', message: english.message },
			{ line: 3, column: 'kenmerk', message: 'Het kenmerk ontbreekt.' },
			{ line: 3, column: 'bedrag', message: mixed.message },
			{ line: 4, column: 'bedrag', message: 'Het bedrag ontbreekt.' }
		]);
	});

	it('refuses a second row for the same kenmerk and year, naming the first line', async () => {
		const csv = [
			'kenmerk;jaar;bedrag',
			'FA-0001;2025;1',
			'FA-0001;2026;2',
			'FA-0002;2025;3',
			'FA-0001;2025;4'
		].join('\n');
		const result = await parseProcessedTable(utf8(csv), 'dubbel.csv');
		expect(result.errors).toEqual([
			{ line: 5, column: 'kenmerk', message: 'FA-0001 met jaar 2025 staat al op regel 2.' }
		]);
		expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4]);
	});

	it('takes 5.000 rows and refuses 5.001, at the line of the first one too many', async () => {
		const table = (count: number) =>
			utf8(
				[
					'kenmerk;jaar;bedrag',
					...Array.from({ length: count }, (_, i) => `FA-${i};2025;${i}`)
				].join('\n')
			);
		const full = await parseProcessedTable(table(5000), 'vol.csv');
		expect(full.errors).toEqual([]);
		expect(full.rows).toHaveLength(5000);
		const over = await parseProcessedTable(table(5001), 'te-vol.csv');
		expect(over.rows).toEqual([]);
		expect(over.errors).toEqual([
			{ line: 5002, message: expect.stringContaining('meer dan 5.000 regels') }
		]);
	});

	it('refuses a file that is neither CSV nor XLSX, by name and by content', async () => {
		const notATable = {
			rows: [],
			errors: [{ line: 0, message: 'Kies een CSV- of XLSX-bestand.' }]
		};
		const csvText = utf8('kenmerk;jaar;bedrag\nFA-0001;2025;1\n');
		const workbook = await xlsx([['kenmerk', 'jaar', 'bedrag']]);
		expect(await parseProcessedTable(csvText, 'tabel.txt')).toEqual(notATable);
		expect(await parseProcessedTable(csvText, 'tabel.xlsx')).toEqual(notATable);
		expect(await parseProcessedTable(workbook, 'tabel.csv')).toEqual(notATable);
		expect(await parseProcessedTable(workbook, 'tabel.xls')).toEqual(notATable);
		expect(await parseProcessedTable(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0]), 'x.csv')).toEqual(
			notATable
		);
		expect(await parseProcessedTable(csvText, 'tabel.csv')).not.toEqual(notATable);
	});

	it('says a table without data rows has nothing to import', async () => {
		const result = await parseProcessedTable(utf8('kenmerk;jaar;bedrag\n;;\n\n'), 'leeg.csv');
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([{ line: 0, message: expect.stringContaining('geen regels') }]);
	});
});

describe('centsOfSpreadsheetNumber', () => {
	it('turns euros into cents from the decimal form, never by multiplying', () => {
		expect(centsOfSpreadsheetNumber(1.15)).toEqual({ ok: true, value: 115 });
		expect(centsOfSpreadsheetNumber(0.29)).toEqual({ ok: true, value: 29 });
		expect(centsOfSpreadsheetNumber(-0.07)).toEqual({ ok: true, value: -7 });
		expect(centsOfSpreadsheetNumber(-0)).toEqual({ ok: true, value: 0 });
		expect(centsOfSpreadsheetNumber(9_000_000_000_000)).toEqual({ ok: true, value: 9e14 });
		expect(centsOfSpreadsheetNumber(9_000_000_000_000.01)).toEqual({
			ok: false,
			message: moneyMessages.tooLarge
		});
		expect(centsOfSpreadsheetNumber(1e21)).toEqual({ ok: false, message: moneyMessages.tooLarge });
		expect(centsOfSpreadsheetNumber(1e-7)).toMatchObject({ ok: false });
		expect(centsOfSpreadsheetNumber(1.005)).toMatchObject({ ok: false });
	});

	it('names spreadsheet columns by letter', () => {
		expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
			'A',
			'Z',
			'AA',
			'AB',
			'ZZ',
			'AAA'
		]);
	});
});
