import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { contentDisposition, exportFilename, mediaTypes, slug } from './http';
import { sheet, toCsv, toXlsx, type Book } from './spreadsheet';

type Line = {
	name: string | null;
	day: string | null;
	at: string | null;
	count: number | null;
	share: number | null;
	cents: number | null;
};

const lines: Line[] = [
	{
		name: 'Jeugdzorg; "Groeipijn"\nen het Gemeentefonds',
		day: '2026-01-01',
		at: '2026-05-12T22:30:00Z',
		count: 3,
		share: 0.125,
		cents: 123_456
	},
	{
		name: '=HYPERLINK("http://voorbeeld.example","klik")',
		day: '2026-12-31',
		at: '2026-03-29T00:30:00Z',
		count: -2.5,
		share: 1,
		cents: -5
	},
	{ name: '+31 70 123 4567', day: null, at: null, count: null, share: null, cents: 0 },
	{ name: '-1+1', day: null, at: null, count: 0, share: 0, cents: null },
	{ name: '@SUM(A1:A2)', day: null, at: null, count: null, share: null, cents: null },
	{ name: '\tverborgen', day: null, at: null, count: null, share: null, cents: null },
	{
		name: 'Financiële verhoudingen – ë',
		day: null,
		at: null,
		count: null,
		share: null,
		cents: null
	},
	{ name: 'Eerste regel\nTweede regel', day: null, at: null, count: null, share: null, cents: null }
];

const table = sheet<Line>({
	name: 'Regels',
	rows: lines,
	columns: [
		{ header: 'Naam', key: 'name', kind: 'text', width: 40 },
		{ header: 'Datum', key: 'day', kind: 'date', width: 12 },
		{ header: 'Tijdstip', key: 'at', kind: 'datetime' },
		{ header: 'Aantal', key: 'count', kind: 'number' },
		{ header: 'Aandeel', key: 'share', kind: 'percent' },
		{ header: 'Bedrag', key: 'cents', kind: 'money', width: 16 }
	]
});

const book: Book = {
	title: 'Proefwerkmap, 12 mei 2026',
	subject: 'Versie 1',
	created: new Date('2026-05-12T08:00:00Z'),
	sheets: [table, sheet({ name: 'Leeg', rows: [], columns: table.columns })]
};

async function readBack(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
	return workbook;
}

const zone = process.env.TZ;
afterEach(() => {
	if (zone === undefined) delete process.env.TZ;
	else process.env.TZ = zone;
});

describe('XLSX', () => {
	it('has the Dutch headers in a bold, frozen, filtered first row, the widths and the properties', async () => {
		const workbook = await readBack(await toXlsx(book));
		expect(workbook.worksheets.map((each) => each.name)).toEqual(['Regels', 'Leeg']);
		expect(workbook.creator).toBe('Overhedenoverleg');
		expect(workbook.title).toBe('Proefwerkmap, 12 mei 2026');
		expect(workbook.subject).toBe('Versie 1');
		const sheet = workbook.getWorksheet('Regels')!;
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'Naam',
			'Datum',
			'Tijdstip',
			'Aantal',
			'Aandeel',
			'Bedrag'
		]);
		expect(sheet.getCell('A1').font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.autoFilter).toBe('A1:F9');
		expect(sheet.getColumn(1).width).toBe(40);
		expect(sheet.getColumn(6).width).toBe(16);
		expect(sheet.rowCount).toBe(9);
		expect(workbook.getWorksheet('Leeg')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
	});

	it('writes a calendar day as a date cell of that very day, whatever the server’s time zone', async () => {
		for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
			process.env.TZ = timeZone;
			const cells = (await readBack(await toXlsx(book))).getWorksheet('Regels')!;
			const first = cells.getCell('B2');
			expect(first.type, timeZone).toBe(ExcelJS.ValueType.Date);
			expect((first.value as Date).toISOString(), timeZone).toBe('2026-01-01T00:00:00.000Z');
			expect((cells.getCell('B3').value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
			expect(first.numFmt).toBe('dd-mm-yyyy');
			expect(cells.getCell('B4').value).toBeNull();
		}
	});

	it('shows an instant as the clock in Amsterdam (summer and the night the clocks go forward)', async () => {
		const cells = (await readBack(await toXlsx(book))).getWorksheet('Regels')!;
		// 22:30 UTC on 12 May is 00:30 on 13 May in Amsterdam (summer time, +2).
		expect((cells.getCell('C2').value as Date).toISOString()).toBe('2026-05-13T00:30:00.000Z');
		// 00:30 UTC on 29 March is still winter time there: 01:30.
		expect((cells.getCell('C3').value as Date).toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(cells.getCell('C2').numFmt).toBe('dd-mm-yyyy hh:mm');
	});

	it('writes cents as euros in the Dutch currency format, numbers and percentages as numbers', async () => {
		const cells = (await readBack(await toXlsx(book))).getWorksheet('Regels')!;
		expect(cells.getCell('F2').value).toBe(1234.56);
		expect(cells.getCell('F3').value).toBe(-0.05);
		expect(cells.getCell('F4').value).toBe(0);
		expect(cells.getCell('F2').numFmt).toBe('[$€-413] #,##0.00;[$€-413] -#,##0.00');
		expect(cells.getCell('D3').value).toBe(-2.5);
		expect(cells.getCell('E2').value).toBe(0.125);
		expect(cells.getCell('E2').numFmt).toBe('0.0%');
	});

	it('neutralises formulas: text that starts with = + - @ or a tab gets an apostrophe, stays text', async () => {
		const cells = (await readBack(await toXlsx(book))).getWorksheet('Regels')!;
		const names = [2, 3, 4, 5, 6, 7, 8].map((row) => cells.getCell(`A${row}`));
		expect(names.map((cell) => cell.type)).toEqual(Array(7).fill(ExcelJS.ValueType.String));
		expect(names.map((cell) => cell.value)).toEqual([
			'Jeugdzorg; "Groeipijn"\nen het Gemeentefonds',
			`'=HYPERLINK("http://voorbeeld.example","klik")`,
			"'+31 70 123 4567",
			"'-1+1",
			"'@SUM(A1:A2)",
			"'\tverborgen",
			'Financiële verhoudingen – ë'
		]);
		expect(cells.getCell('A2').alignment?.wrapText).toBe(true);
	});

	it('refuses what Excel cannot open and values of the wrong kind', async () => {
		await expect(
			toXlsx({ ...book, sheets: [{ ...table, name: 'Besluiten [concept]' }] })
		).rejects.toThrow(/bladnaam/);
		await expect(
			toXlsx({ ...book, sheets: [{ ...table, name: 'x'.repeat(32) }] })
		).rejects.toThrow();
		const bad = (row: Partial<Line>) =>
			toXlsx({ ...book, sheets: [{ ...table, rows: [{ ...lines[0]!, ...row }] }] });
		await expect(bad({ cents: 10.5 })).rejects.toThrow(/centen/);
		await expect(bad({ day: '12-05-2026' })).rejects.toThrow(/kalenderdatum/);
		await expect(bad({ at: 'gisteren' })).rejects.toThrow(/tijdstip/);
		await expect(bad({ count: Number.NaN })).rejects.toThrow(/getal/);
	});
});

describe('CSV', () => {
	const csv = toCsv(table);
	const records = parse(csv, {
		delimiter: ';',
		bom: true,
		relax_column_count: false
	}) as string[][];

	it('is UTF-8 with a BOM, ; between fields and CRLF between records', () => {
		expect(csv.startsWith('\uFEFFNaam;Datum;Tijdstip;Aantal;Aandeel;Bedrag\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(records).toHaveLength(9);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('quotes ; " and line breaks as RFC 4180 says, and reads them back unchanged', () => {
		expect(csv).toContain('"Jeugdzorg; ""Groeipijn""\nen het Gemeentefonds";');
		expect(records[1]![0]).toBe('Jeugdzorg; "Groeipijn"\nen het Gemeentefonds');
		expect(records[7]![0]).toBe('Financiële verhoudingen – ë');
		// A line break alone is quoted too (not only with ; or " beside it), so it stays in its field.
		expect(csv).toContain('\r\n"Eerste regel\nTweede regel";;;;;\r\n');
		expect(records[8]![0]).toBe('Eerste regel\nTweede regel');
	});

	it('writes Dutch dates, decimal commas, percentages and amounts as Dutch Excel reads them', () => {
		expect(records[1]).toEqual([
			'Jeugdzorg; "Groeipijn"\nen het Gemeentefonds',
			'01-01-2026',
			'13-05-2026 00:30',
			'3',
			'12,5%',
			'1234,56'
		]);
		expect(records[2]!.slice(1)).toEqual([
			'31-12-2026',
			'29-03-2026 01:30',
			'-2,5',
			'100%',
			'-0,05'
		]);
		expect(records[3]!.slice(1)).toEqual(['', '', '', '', '0,00']);
		expect(records[4]!.slice(1)).toEqual(['', '', '0', '0%', '']);
	});

	it('neutralises formulas with a leading apostrophe, and leaves negative numbers numbers', () => {
		expect(records.slice(2, 7).map((record) => record[0])).toEqual([
			`'=HYPERLINK("http://voorbeeld.example","klik")`,
			"'+31 70 123 4567",
			"'-1+1",
			"'@SUM(A1:A2)",
			"'\tverborgen"
		]);
		expect(records[2]![3]).toBe('-2,5');
	});
});

describe('the download', () => {
	it('has a safe Dutch file name and the right media types', () => {
		expect(slug('Sectorale tafel Jeugd & Zorg — Financiële')).toBe(
			'sectorale-tafel-jeugd-zorg-financiele'
		);
		const name = exportFilename(['besluitenlijst', 'overhedenoverleg', '2026-05-12'], 'xlsx');
		expect(name).toBe('besluitenlijst-overhedenoverleg-2026-05-12.xlsx');
		expect(contentDisposition(name)).toBe(`attachment; filename="${name}"`);
		expect(exportFilename(['"../etc/passwd"'], 'csv')).toBe('etc-passwd.csv');
		expect(exportFilename(['ë'], 'csv')).toBe('e.csv');
		expect(exportFilename([], 'csv')).toBe('export.csv');
		expect(() => contentDisposition('a"; filename*=x.csv')).toThrow();
		expect(mediaTypes.xlsx).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(mediaTypes.csv).toMatch(/^text\/csv; charset=utf-8/);
	});
});
