import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordEntry } from '../../../src/lib/server/finance';
import { GET as csvGet } from '../../../src/routes/financien.csv/+server';
import { GET as xlsxGet } from '../../../src/routes/financien.xlsx/+server';
import { pageEvent, thrownStatus } from '../agreements/page-fixtures';
import { useProcessDatabase } from '../process-env';
import { arrangementWith, createTeam, type Team } from './fixtures';

useProcessDatabase();

/*
 * The overview's exports (/financien.csv, /financien.xlsx) with the overview's filters: one row
 * per arrangement and year, the totals as the database sums them; in the XLSX amounts are numbers
 * in euros, in the CSV Dutch decimals; bad filters a 400 with the Dutch message.
 */

let team: Team;
const word = `duinvoet${Date.now()}`;
let first: Awaited<ReturnType<typeof arrangementWith>>;

beforeAll(async () => {
	team = await createTeam();
	first = await arrangementWith(
		team.finMedewerker,
		{ 2025: 41_400_000_000, 2026: 10 },
		{ title: `Jeugdzorg ${word}`, knownAt: '2025-04-01T10:00:00.000Z' }
	);
	await recordEntry(team.finMedewerker, first.id, {
		reason: 'bijgesteld',
		amounts: [{ year: 2026, amountCents: 123_456_789_01 }]
	});
	await arrangementWith(
		team.bzkMedewerker,
		{ 2026: 20, 2027: -675_000_000_00 },
		{ title: `Dijken ${word}`, layer: 'waterschappen', instrument: 'specifieke_uitkering' }
	);
});

/** Either download, called as SvelteKit calls it (both take the same event). */
type Download = (event: Parameters<typeof csvGet>[0]) => unknown;
const download = (get: typeof csvGet | typeof xlsxGet, query: string, actor = team.vngMedewerker) =>
	(get as Download)(pageEvent(`/financien.x?q=${word}${query}`, actor)) as Promise<Response>;

async function workbookOf(response: Response) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(await response.arrayBuffer());
	return workbook;
}

const valuesOf = (sheet: ExcelJS.Worksheet) => {
	const rows: unknown[][] = [];
	sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
	return rows;
};

describe('/financien.xlsx', () => {
	it('holds one row per arrangement and year with the amount as a number in euros', async () => {
		const response = await download(xlsxGet, '&sorteer=kenmerk');
		expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
		const workbook = await workbookOf(response);
		const sheet = workbook.getWorksheet('Arrangementen')!;
		const rows = valuesOf(sheet);
		expect(rows[0]).toEqual([
			'Kenmerk',
			'Titel',
			'Instrument',
			'Bestuurslaag',
			'Status',
			'Jaar',
			'Bedrag'
		]);
		expect(rows.slice(1).map((row) => [row[1], row[5], row[6]])).toEqual([
			[`Jeugdzorg ${word}`, 2025, 414_000_000],
			[`Jeugdzorg ${word}`, 2026, 123_456_789.01],
			[`Dijken ${word}`, 2026, 0.2],
			[`Dijken ${word}`, 2027, -675_000_000]
		]);
		expect(rows[1]![3]).toBe('Gemeenten');
		expect(typeof sheet.getCell('G2').value).toBe('number');
		expect(sheet.getCell('G2').numFmt).toContain('#,##0.00');
	});

	it('has a sheet of totals per year from the database, exact to the cent', async () => {
		const workbook = await workbookOf(await download(xlsxGet, ''));
		const rows = valuesOf(workbook.getWorksheet('Totalen')!);
		expect(rows.slice(1)).toEqual([
			['Totaal 2025', 2025, 414_000_000],
			['Totaal 2026', 2026, 123_456_789.21],
			['Totaal 2027', 2027, -675_000_000],
			// 41.400.000.000 + 12.345.678.901 + 20 − 67.500.000.000 cents.
			['Totaal alle jaren', undefined, -137_543_210.79]
		]);
	});

	it('follows "zoals bekend op": the schedule as known at the Voorjaarsnota 2025', async () => {
		const workbook = await workbookOf(await download(xlsxGet, '&bekend-op=voorjaarsnota-2025'));
		const rows = valuesOf(workbook.getWorksheet('Arrangementen')!);
		expect(rows.slice(1).map((row) => [row[5], row[6]])).toEqual([
			[2025, 414_000_000],
			[2026, 0.1]
		]);
		expect(workbook.title).toMatch(/zoals bekend op Voorjaarsnota 2025/);
	});
});

describe('/financien.csv', () => {
	it('is Dutch CSV: semicolons, decimal commas, the totals as a section of their own', async () => {
		const response = await download(csvGet, '&laag=waterschappen');
		expect(response.headers.get('content-type')).toMatch(/text\/csv/);
		// Keep the byte order mark in the text, to count it.
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
		const lines = text.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('Kenmerk;Titel;Instrument;Bestuurslaag;Status;Jaar;Bedrag');
		expect(lines[1]).toMatch(
			new RegExp(
				`^FA-\\d{4};Dijken ${word};Specifieke uitkering \\(SPUK\\);Waterschappen;Voorgesteld;2026;0,20$`
			)
		);
		expect(lines[2]).toMatch(/;2027;-675000000,00$/);
		expect(lines[3]).toBe('');
		expect(lines[4]).toBe('Totaal;Jaar;Bedrag');
		expect(lines).toContain('Totaal alle jaren;;-674999999,80');
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.match(/\uFEFF/g)).toHaveLength(1);
	});

	it('answers bad filters with a 400 and asks a visitor to sign in', async () => {
		expect(await thrownStatus(() => download(csvGet, '&laag=landen'))).toBe(400);
		expect(await thrownStatus(() => download(xlsxGet, '&bekend-op=voorjaarsnota-1990'))).toBe(400);
		expect(await thrownStatus(() => csvGet(pageEvent('/financien.csv', null)))).toBe(303);
	});
});
