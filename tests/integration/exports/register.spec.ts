import { randomUUID } from 'node:crypto';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import {
	createAgreement,
	recordRatification,
	reportProgress,
	setStatus
} from '../../../src/lib/server/agreements';
import { registerDownload } from '../../../src/lib/server/exports/register';
import { GET as registerCsv } from '../../../src/routes/afspraken.csv/+server';
import { GET as registerXlsx } from '../../../src/routes/afspraken.xlsx/+server';
import { readRegisterParams } from '../../../src/routes/afspraken/register-params';
import { planned } from '../agenda/fixtures';
import { createTeam, inDays, ownerOf, type Team } from '../agreements/fixtures';
import { useProcessDatabase } from '../process-env';

/*
 * The register's downloads (issue 14), called as SvelteKit calls them: /afspraken.xlsx and .csv
 * with the register's own filters from the same address, every row they match (past the
 * register's page of 25), Dutch headers, dates as date cells, a frozen header row; to the sign-in
 * page without a session; bad filters a 400 with the register's Dutch message, never a 500.
 */

useProcessDatabase();

const tag = randomUUID().slice(0, 8);
const WORD = `exportmerk${tag}`;

type Handler = (event: never) => Promise<Response> | Response;

let team: Team;
let meetingId: string;
let overdue: string;
let delayed: string;
let done: string;

beforeAll(async () => {
	team = await createTeam();
	const meeting = await planned(team.secretariaat, { title: `Overhedenoverleg ${WORD}` }, -20);
	meetingId = meeting.id;
	const make = (title: string, deadline: string, owners: Actor[], extra = {}) =>
		createAgreement(team.secretariaat, {
			meetingId,
			title,
			deadline,
			owners: owners.map((actor) => ownerOf(actor, actor.party === 'rijk')),
			...extra
		});
	overdue = (
		await make(`De jeugdzorgmiddelen ${WORD}`, inDays(-10), [team.vngMedewerker], {
			condition: '=Als er geen nieuw kabinet is, dan bij de Voorjaarsnota.',
			fallbackDate: inDays(-3)
		})
	).id;
	await reportProgress(team.vngMedewerker, overdue, { text: 'De helft is verdeeld.', percent: 40 });
	await recordRatification(team.vngBestuurder, overdue, {
		koepel: 'vng',
		state: 'lopend',
		closesOn: inDays(20)
	});
	await recordRatification(team.ipoBestuurder, overdue, {
		koepel: 'ipo',
		state: 'afgewezen',
		decidedOn: inDays(-1)
	});
	delayed = (await make(`Het BFU-tijdpad ${WORD}`, inDays(5), [team.ipoMedewerker])).id;
	await setStatus(team.ipoMedewerker, delayed, { status: 'vertraagd', expectedDate: inDays(60) });
	done = (
		await make(`De UDO-ervaringen ${WORD}`, inDays(30), [team.bzkMedewerker, team.uvwMedewerker])
	).id;
	await setStatus(team.secretariaat, done, { status: 'afgerond' });
	// More than one page of the register (25): the export holds every row all the same.
	for (let index = 0; index < 25; index++)
		await make(`Regel ${String(index).padStart(2, '0')} ${WORD}`, inDays(100 + index), [
			team.uvwMedewerker
		]);
}, 120_000);

/** Calls a route as SvelteKit does: signed in as the actor (two-factor done), or not at all. */
async function call(handler: Handler, actor: Actor | null, search = '') {
	const url = new URL(`/afspraken.x${search}`, 'http://localhost:4396');
	const session = actor ? { id: 'export-test', twoFactorVerified: true, totpEnabled: true } : null;
	const event = {
		request: new Request(url),
		url,
		params: {},
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

async function sheetOf(response: Response) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await response.arrayBuffer());
	return { book, sheet: book.getWorksheet('Afspraken')! };
}

/** The titles of the rows, in order (the first column below the header). */
async function titles(response: Response): Promise<string[]> {
	expect(response.status).toBe(200);
	const { sheet } = await sheetOf(response);
	const values: string[] = [];
	sheet.eachRow((row, number) => {
		if (number > 1) values.push(String(row.getCell(1).value));
	});
	return values;
}

/** The address's query, narrowed to this file's meeting. */
const inMeeting = (extra = '') => `?vergadering=${meetingId}${extra}`;

describe('the register as XLSX', () => {
	it('allowed: every matching row, Dutch headers, dates as dates, a frozen header row', async () => {
		const response = await call(registerXlsx, team.ipoBestuurder, inMeeting());
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="afspraken-\d{4}-\d{2}-\d{2}\.xlsx"$/
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const { book, sheet } = await sheetOf(response);
		expect(book.title).toMatch(/^Afspraken van het Overhedenoverleg, \d{2}-\d{2}-\d{4}$/);
		expect(book.subject).toBe('Filters: één vergadering');
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'Afspraak',
			'Actiehouders',
			'Contactpersonen',
			'Termijn',
			'Verwachte datum',
			'Status',
			'Verlopen',
			'Terugvaloptie',
			'Datum terugvaloptie',
			'Terugvaloptie van kracht',
			'Bekrachtiging',
			'Bekrachtiging per koepel',
			'Vergadering',
			'Datum vergadering',
			'Laatste voortgang',
			'Voortgang %',
			'Vertrouwelijkheid',
			'Adres'
		]);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		// 28 agreements: more than the register's page of 25, all of them here.
		expect(sheet.rowCount).toBe(29);

		// The register's order (by deadline): the overdue one first.
		const first = sheet.getRow(2);
		const cell = (column: number) => first.getCell(column).value;
		expect(cell(1)).toBe(`De jeugdzorgmiddelen ${WORD}`);
		expect(cell(2)).toBe('VNG');
		expect(cell(3)).toBe(`VNG: ${team.vngMedewerker.name}`);
		expect(cell(4)).toEqual(new Date(`${inDays(-10)}T00:00:00Z`));
		expect(first.getCell(4).numFmt).toBe('dd-mm-yyyy');
		expect(cell(5)).toBeNull();
		expect(cell(6)).toBe('open');
		expect(cell(7)).toBe('ja');
		// A condition that reads as a formula is text, with its apostrophe.
		expect(cell(8)).toBe("'=Als er geen nieuw kabinet is, dan bij de Voorjaarsnota.");
		expect(cell(9)).toEqual(new Date(`${inDays(-3)}T00:00:00Z`));
		expect(cell(10)).toBe('ja');
		expect(cell(11)).toBe('afgewezen');
		const [y, m, d] = inDays(20).split('-');
		const [y1, m1, d1] = inDays(-1).split('-');
		expect(cell(12)).toBe(`VNG: lopend tot ${d}-${m}-${y}; IPO: afgewezen op ${d1}-${m1}-${y1}`);
		expect(cell(13)).toBe(`Overhedenoverleg ${WORD}`);
		expect(cell(14)).toBeInstanceOf(Date);
		expect(cell(15)).toBeInstanceOf(Date);
		expect(cell(16)).toBe(0.4);
		expect(first.getCell(16).numFmt).toBe('0.0%');
		expect(cell(17)).toBe('vertrouwelijk');
		expect(cell(18)).toBe(`http://localhost:4396/afspraken/${overdue}`);

		const second = sheet.getRow(3);
		expect(second.getCell(1).value).toBe(`Het BFU-tijdpad ${WORD}`);
		expect(second.getCell(5).value).toEqual(new Date(`${inDays(60)}T00:00:00Z`));
		expect(second.getCell(6).value).toBe('vertraagd');
		expect(second.getCell(7).value).toBe('nee');
		expect(second.getCell(10).value).toBeNull();
		const third = sheet.getRow(4);
		expect(third.getCell(2).value).toBe('Rijk (BZK); Unie van Waterschappen');
		expect(third.getCell(6).value).toBe('afgerond');
	});

	it('applies the register’s filters from the same address: party, status, overdue, mine, search, sort', async () => {
		expect(
			await titles(await call(registerXlsx, team.vngMedewerker, inMeeting('&partij=ipo')))
		).toEqual([`Het BFU-tijdpad ${WORD}`]);
		expect(
			await titles(await call(registerXlsx, team.vngMedewerker, inMeeting('&status=verlopen')))
		).toEqual([`De jeugdzorgmiddelen ${WORD}`]);
		expect(
			await titles(await call(registerXlsx, team.vngMedewerker, inMeeting('&status=afgerond')))
		).toEqual([`De UDO-ervaringen ${WORD}`]);
		expect(
			await titles(await call(registerXlsx, team.ipoMedewerker, `?mijn=ja&q=${WORD}`))
		).toEqual([`Het BFU-tijdpad ${WORD}`]);
		expect(
			await titles(await call(registerXlsx, team.bzkMedewerker, `?mijn-partij=ja&q=${WORD}`))
		).toEqual([`De UDO-ervaringen ${WORD}`]);
		expect(
			await titles(await call(registerXlsx, team.vngMedewerker, `?q=jeugdzorgmiddelen ${WORD}`))
		).toEqual([`De jeugdzorgmiddelen ${WORD}`]);
		const sorted = await titles(
			await call(registerXlsx, team.vngMedewerker, inMeeting('&sorteer=titel&richting=af'))
		);
		expect(sorted.slice(0, 2)).toEqual([`Regel 24 ${WORD}`, `Regel 23 ${WORD}`]);
		expect(sorted).toHaveLength(28);
		// The page of the register is no filter of the export.
		expect(
			await titles(await call(registerXlsx, team.vngMedewerker, inMeeting('&pagina=2')))
		).toHaveLength(28);
		const { book } = await sheetOf(
			await call(registerXlsx, team.vngMedewerker, inMeeting('&partij=vng&status=verlopen'))
		);
		expect(book.subject).toBe('Filters: actiehouder VNG, één vergadering, verlopen');
	});

	it('denied: not signed in goes to the sign-in page, with the way back', async () => {
		const response = await call(registerXlsx, null, inMeeting());
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/inloggen\?terug=/);
		expect(decodeURIComponent(response.headers.get('location')!)).toContain(meetingId);
	});

	it('bad filters are a 400 with the register’s Dutch message, never a 500', async () => {
		const cases: [string, Actor, string][] = [
			['?van=morgen', team.vngMedewerker, 'Vul een datum in als jjjj-mm-dd.'],
			['?partij=gemeente', team.vngMedewerker, 'Kies een partij uit de lijst.'],
			['?verlopen=misschien', team.vngMedewerker, 'Vink dit aan of laat het leeg.'],
			['?sorteer=kleur', team.vngMedewerker, 'Kies een sortering uit de lijst.'],
			['?vergadering=geen-id', team.vngMedewerker, 'Kies een vergadering uit de lijst.'],
			[
				'?van=2027-02-01&tot=2027-01-01',
				team.vngMedewerker,
				'De einddatum ligt vóór de begindatum.'
			],
			['?mijn-partij=ja', team.secretariaat, 'U spreekt niet namens een partij.'],
			['?pagina=nul', team.vngMedewerker, 'Vul een paginanummer in vanaf 1.']
		];
		for (const [search, actor, message] of cases) {
			for (const handler of [registerXlsx, registerCsv]) {
				const response = await call(handler, actor, search);
				expect(response.status, search).toBe(400);
				expect(await response.text(), search).toBe(message);
			}
		}
	});

	it('refuses a selection past the limit with a message, never a file cut short', async () => {
		const request = readRegisterParams(new URLSearchParams({ vergadering: meetingId }));
		const refused = await registerDownload(team.vngMedewerker, request, 'xlsx', 'http://x', {
			limit: 27
		}).then(
			() => null,
			(caught: unknown) => caught
		);
		expect(isHttpError(refused) && refused.status).toBe(400);
		expect(isHttpError(refused) && refused.body.message).toBe(
			'Deze selectie telt 28 afspraken; een export bevat er hoogstens 27. Verfijn de filters.'
		);
		const whole = await registerDownload(team.vngMedewerker, request, 'xlsx', 'http://x', {
			limit: 28
		});
		expect(await titles(whole)).toHaveLength(28);
	});
});

describe('the register as CSV', () => {
	it('the same rows for Dutch Excel: BOM, semicolons, Dutch dates, a percentage', async () => {
		const response = await call(registerCsv, team.uvwBestuurder, inMeeting('&status=verlopen'));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="afspraken-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const records = parse(new TextDecoder().decode(bytes), {
			delimiter: ';',
			bom: true
		}) as string[][];
		expect(records).toHaveLength(2);
		expect(records[0]!.slice(0, 4)).toEqual([
			'Afspraak',
			'Actiehouders',
			'Contactpersonen',
			'Termijn'
		]);
		const [row] = records.slice(1);
		const [y, m, d] = inDays(-10).split('-');
		expect(row![0]).toBe(`De jeugdzorgmiddelen ${WORD}`);
		expect(row![3]).toBe(`${d}-${m}-${y}`);
		expect(row![6]).toBe('ja');
		expect(row![7]).toBe("'=Als er geen nieuw kabinet is, dan bij de Voorjaarsnota.");
		expect(row![15]).toBe('40%');
	});

	it('denied: not signed in goes to the sign-in page', async () => {
		const response = await call(registerCsv, null);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/inloggen/);
	});
});
