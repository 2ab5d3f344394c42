import { randomUUID } from 'node:crypto';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { recordDecision } from '../../../src/lib/server/decisions';
import { GET as tableCsv } from '../../../src/routes/vergaderingen/[id]/besluitenlijst.csv/+server';
import { GET as tableXlsx } from '../../../src/routes/vergaderingen/[id]/besluitenlijst.xlsx/+server';
import { GET as publicCsv } from '../../../src/routes/(public)/publicaties/[id]/besluitenlijst.csv/+server';
import { GET as publicXlsx } from '../../../src/routes/(public)/publicaties/[id]/besluitenlijst.xlsx/+server';
import { createTeam, openMeetingFor, type Team } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { adoptedListWith, decisionFor, publishedListWith } from '../publications/fixtures';
import { publicRoutes } from '../publications/route-calls';

/*
 * The besluitenlijst's spreadsheet downloads (issue 14), called as SvelteKit calls them. The
 * table's: for whoever may read the meeting, the working list; to the sign-in page without a
 * session; a 404 for a meeting without a list and for an id that is unknown or no id at all. The
 * public one: the published version only (a vertrouwelijk item and a change made after
 * publication stay out), a 404 for a list that is only vastgesteld.
 */

useProcessDatabase();

const tag = randomUUID().slice(0, 8);
const PUBLISHED = `openbaar${tag}`;
const SECRET = `geheim${tag}`;
const LATER = `later${tag}`;
const ADOPTED = `vastgesteld${tag}`;

type Handler = (event: never) => Promise<Response> | Response;

let team: Team;
let published: Awaited<ReturnType<typeof publishedListWith>>;
let adoptedOnly: string;
let notHeld: string;

beforeAll(async () => {
	team = await createTeam();
	published = await publishedListWith(team, [
		{ word: PUBLISHED, by: team.vngMedewerker },
		{ word: SECRET, by: team.ipoMedewerker, confidential: true }
	]);
	// After publication the table changes the openbare decision, and does not republish (yet).
	await recordDecision(team.secretariaat, published.items[0]!.id, {
		...decisionFor(PUBLISHED, ` ${LATER}`),
		version: 1
	});
	adoptedOnly = (await adoptedListWith(team, [{ word: ADOPTED, by: team.uvwMedewerker }])).meeting
		.id;
	notHeld = (await openMeetingFor(team)).id;
}, 120_000);

/** Calls a route as SvelteKit does: signed in as the actor (two-factor done), or not at all. */
async function call(handler: Handler, id: string, actor: Actor | null, search = '') {
	const url = new URL(`/x/${id}${search}`, 'http://localhost:4393');
	const session = actor ? { id: 'export-test', twoFactorVerified: true, totpEnabled: true } : null;
	const event = {
		request: new Request(url),
		url,
		params: { id },
		locals: { requestId: 'export-test', actor, session }
	} as unknown as RequestEvent;
	try {
		return await handler(event as never);
	} catch (caught) {
		if (isHttpError(caught)) return new Response(caught.body.message, { status: caught.status });
		if (isRedirect(caught))
			return new Response(null, { status: caught.status, headers: { location: caught.location } });
		throw caught;
	}
}

async function workbook(response: Response) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await response.arrayBuffer());
	return book;
}

/** Every cell's text on every sheet, and the document's properties. */
const everything = (book: ExcelJS.Workbook) =>
	JSON.stringify([
		book.title,
		book.subject,
		book.description,
		book.worksheets.map((sheet) => sheet.getSheetValues())
	]);

const csvRecords = async (response: Response) =>
	parse(await response.text(), { delimiter: ';', bom: true }) as string[][];

describe('the table’s besluitenlijst as XLSX and CSV', () => {
	it('gives a participant the working list: every decision, the Toezeggingen with dates', async () => {
		const response = await call(tableXlsx, published.meeting.id, team.ipoBestuurder);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="besluitenlijst-overhedenoverleg-\d{4}-\d{2}-\d{2}\.xlsx"$/
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const book = await workbook(response);
		expect(book.creator).toBe('Overhedenoverleg');
		expect(book.title).toMatch(/^Besluitenlijst Overhedenoverleg voorjaar, \d+ \w+ \d{4}$/);
		const list = book.getWorksheet('Besluitenlijst')!;
		expect(list.getRow(1).values).toEqual([
			undefined,
			'Punt',
			'Titel',
			'Uitkomst',
			'Besluit',
			'Toelichting',
			'Hamerstuk',
			'Toezeggingen',
			'Doorgeschoven'
		]);
		expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(list.rowCount).toBe(3);
		const first = list.getRow(2);
		expect(first.getCell(1).value).toBe(1);
		expect(first.getCell(2).value).toBe(`Jeugdzorg ${PUBLISHED}`);
		expect(first.getCell(3).value).toBe('Aangenomen');
		expect(first.getCell(4).value).toBe(
			`1. in te stemmen met ${PUBLISHED} ${LATER};\n2. het BOFv te vragen de verdeling uit te werken.`
		);
		expect(first.getCell(6).value).toBe('nee');
		expect(first.getCell(7).value).toBe(
			`VNG: Informeert de leden over ${PUBLISHED}. (uiterlijk 31-03-2027)`
		);
		// The table sees its vertrouwelijke item too, as on its own page.
		expect(list.getRow(3).getCell(2).value).toBe(`Jeugdzorg ${SECRET}`);
		const promised = book.getWorksheet('Toezeggingen')!;
		expect(promised.getRow(1).values).toEqual([
			undefined,
			'Punt',
			'Agendapunt',
			'Partij',
			'Wie',
			'Toezegging',
			'Uiterlijk'
		]);
		expect(promised.rowCount).toBe(3);
		const due = promised.getRow(2).getCell(6);
		expect(due.type).toBe(ExcelJS.ValueType.Date);
		expect((due.value as Date).toISOString()).toBe('2027-03-31T00:00:00.000Z');
		expect(due.numFmt).toBe('dd-mm-yyyy');
	});

	it('gives the same list as CSV for Dutch Excel: BOM, ; and a row per decision', async () => {
		const response = await call(tableCsv, published.meeting.id, team.vngMedewerker);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="besluitenlijst-overhedenoverleg-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const bytes = new Uint8Array(await response.clone().arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const records = await csvRecords(response);
		expect(records[0]).toEqual([
			'Punt',
			'Titel',
			'Uitkomst',
			'Besluit',
			'Toelichting',
			'Hamerstuk',
			'Toezeggingen',
			'Doorgeschoven'
		]);
		expect(records).toHaveLength(3);
		expect(records[1]!.slice(0, 3)).toEqual(['1', `Jeugdzorg ${PUBLISHED}`, 'Aangenomen']);
		expect(records[1]![3]).toContain(`${LATER};\n2. het BOFv`);
	});

	it('sends someone not signed in to the sign-in page', async () => {
		for (const handler of [tableXlsx, tableCsv]) {
			const response = await call(handler, published.meeting.id, null);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/inloggen\?terug=/);
		}
	});

	it('answers 404 for a meeting without a besluitenlijst, an unknown id and no id at all', async () => {
		for (const handler of [tableXlsx, tableCsv])
			for (const id of [notHeld, randomUUID(), 'geen-uuid', "1'; drop table meeting;--"]) {
				const response = await call(handler, id, team.vngMedewerker);
				expect(response.status, id).toBe(404);
			}
	});
});

describe('the published besluitenlijst as XLSX and CSV', () => {
	it('holds what was published and nothing else, for anyone without an account', async () => {
		const response = await call(publicXlsx, published.meeting.id, null);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="besluitenlijst-overhedenoverleg-\d{4}-\d{2}-\d{2}\.xlsx"$/
		);
		const book = await workbook(response);
		const text = everything(book);
		expect(text).toContain(`in te stemmen met ${PUBLISHED};`);
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain(LATER);
		expect(book.subject).toMatch(/^Versie 1, gepubliceerd op /);
		expect(book.getWorksheet('Besluitenlijst')!.rowCount).toBe(2);
		expect(book.getWorksheet('Toezeggingen')!.rowCount).toBe(2);

		const csv = await call(publicCsv, published.meeting.id, null);
		expect(csv.status).toBe(200);
		const records = await csvRecords(csv);
		expect(records).toHaveLength(2);
		expect(JSON.stringify(records)).toContain(PUBLISHED);
		expect(JSON.stringify(records)).not.toContain(SECRET);
		expect(JSON.stringify(records)).not.toContain(LATER);
	});

	it('names a version asked by number in the file, and keeps it immutable', async () => {
		const response = await call(publicCsv, published.meeting.id, null, '?versie=1');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/-versie-1\.csv"$/);
		expect(response.headers.get('cache-control')).toContain('immutable');
	});

	it('answers 404 for a list only vastgesteld, an unknown id and no id; 400 for a bad versie', async () => {
		for (const handler of [publicXlsx, publicCsv]) {
			for (const id of [adoptedOnly, notHeld, randomUUID(), 'geen-uuid']) {
				const response = await call(handler, id, null);
				expect(response.status, id).toBe(404);
				expect(await response.text()).not.toContain(ADOPTED);
			}
			expect((await call(handler, published.meeting.id, null, '?versie=9')).status).toBe(404);
			expect((await call(handler, published.meeting.id, null, '?versie=een')).status).toBe(400);
		}
	});

	it('is among the routes the leak test calls, which reads the XLSX by its cells', async () => {
		const downloads = publicRoutes.filter((route) =>
			/^\/publicaties\/\[id\]\/besluitenlijst\.(xlsx|csv)$/.test(route.path)
		);
		expect(downloads.map((route) => route.path).sort()).toEqual([
			'/publicaties/[id]/besluitenlijst.csv',
			'/publicaties/[id]/besluitenlijst.xlsx'
		]);
		for (const route of downloads) {
			const visit = await route.call({ id: published.meeting.id });
			expect(visit.status).toBe(200);
			// The XLSX is compressed: the marker is found only because its cells are read.
			expect(visit.text, route.path).toContain(`in te stemmen met ${PUBLISHED};`);
			for (const marker of [SECRET, LATER]) expect(visit.text, route.path).not.toContain(marker);
		}
	});
});
