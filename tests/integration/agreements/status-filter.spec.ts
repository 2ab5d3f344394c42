import { randomUUID } from 'node:crypto';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { createAgreement, setStatus } from '../../../src/lib/server/agreements';
import { openApiDocument } from '../../../src/lib/server/openapi/document';
import { GET as registerCsv } from '../../../src/routes/afspraken.csv/+server';
import { GET as registerXlsx } from '../../../src/routes/afspraken.xlsx/+server';
import { load as registerLoad } from '../../../src/routes/afspraken/+page.server';
import type { PageServerData as RegisterData } from '../../../src/routes/afspraken/$types';
import { as, call } from '../api/harness';
import { planned } from '../agenda/fixtures';
import { useProcessDatabase } from '../process-env';
import { createTeam, inDays, ownerOf, type Team } from './fixtures';
import { pageEvent } from './page-fixtures';

/*
 * The register filtered on several statuses at once (issue 14): `?status=open&status=vertraagd`
 * on the page, in the exports and in the API; one status alone as before (old links), a wrong one
 * among them refused with the one Dutch message, and the API document saying it is an array.
 */

useProcessDatabase();

const WORD = `statusmerk${randomUUID().slice(0, 8)}`;

let team: Team;
let meetingId: string;
const ids: Record<'open' | 'started' | 'delayed' | 'done', string> = {
	open: '',
	started: '',
	delayed: '',
	done: ''
};

beforeAll(async () => {
	team = await createTeam();
	meetingId = (await planned(team.secretariaat, { title: `Overleg ${WORD}` }, -15)).id;
	const make = async (title: string, deadline: string) =>
		(
			await createAgreement(team.secretariaat, {
				meetingId,
				title: `${title} ${WORD}`,
				deadline,
				owners: [ownerOf(team.vngMedewerker)]
			})
		).id;
	ids.open = await make('A open', inDays(10));
	ids.started = await make('B in uitvoering', inDays(20));
	ids.delayed = await make('C vertraagd', inDays(30));
	ids.done = await make('D afgerond', inDays(40));
	await setStatus(team.vngMedewerker, ids.started, { status: 'in_uitvoering' });
	await setStatus(team.vngMedewerker, ids.delayed, {
		status: 'vertraagd',
		expectedDate: inDays(90)
	});
	await setStatus(team.secretariaat, ids.done, { status: 'afgerond' });
}, 60_000);

type Register = Exclude<RegisterData, { visitor: true }>;
const register = async (query: string, actor: Actor = team.vngMedewerker) =>
	(await registerLoad(pageEvent(`/afspraken?vergadering=${meetingId}${query}`, actor))) as Register;
const rows = (page: Register) => page.register?.rows.map((row) => row.id) ?? [];

describe('/afspraken with several statuses', () => {
	it('allowed: two statuses show the rows of either, ticked again in the form, in any order', async () => {
		const page = await register('&status=open&status=vertraagd');
		expect(page.errors).toBeNull();
		expect(rows(page)).toEqual([ids.open, ids.delayed]);
		expect(page.values.status).toEqual(['open', 'vertraagd']);
		const reversed = await register('&status=vertraagd&status=open&status=open');
		expect(rows(reversed)).toEqual([ids.open, ids.delayed]);
	});

	it('allowed: one status as before, and the old status=verlopen ticks the overdue box', async () => {
		expect(rows(await register('&status=afgerond'))).toEqual([ids.done]);
		expect(rows(await register('&status=in_uitvoering'))).toEqual([ids.started]);
		const overdue = await register('&status=verlopen');
		expect(overdue.values).toMatchObject({ status: [], verlopen: 'ja' });
		expect(overdue.filter).toMatchObject({ overdue: true });
		expect(rows(overdue)).toEqual([]);
	});

	it('denied: a wrong status among good ones is named at the field, with no results', async () => {
		const page = await register('&status=open&status=klaar');
		expect(page.register).toBeNull();
		expect(page.errors).toMatchObject({ status: 'Kies een status uit de lijst.' });
	});
});

describe('GET /api/v1/agreements?status=…&status=…', () => {
	const list = (query: string, actor: Actor = team.ipoMedewerker) =>
		as(actor).get(`/api/v1/agreements?meetingId=${meetingId}${query}`);
	const listed = (body: unknown) => (body as { rows: { id: string }[] }).rows.map((row) => row.id);

	it('allowed: repeated, the rows of either; one value as before', async () => {
		const two = await list('&status=in_uitvoering&status=afgerond');
		expect(two.status).toBe(200);
		expect(two.body).toMatchObject({ total: 2 });
		expect(listed(two.body)).toEqual([ids.started, ids.done]);
		const one = await list('&status=vertraagd');
		expect(listed(one.body)).toEqual([ids.delayed]);
	});

	it('denied: a wrong one among them is a 400 naming status; without a session 401', async () => {
		const bad = await list('&status=open&status=klaar');
		expect(bad.status).toBe(400);
		expect(bad.body.errors).toEqual([
			{ field: 'status', message: 'Kies een status uit de lijst.' }
		]);
		expect((await call('GET', '/api/v1/agreements?status=open&status=afgerond')).status).toBe(401);
	});

	it('is documented as an array, sent as a repeated parameter (form, explode)', () => {
		const document = openApiDocument() as unknown as {
			paths: Record<string, { get: { parameters: Record<string, unknown>[] } }>;
		};
		const status = document.paths['/api/v1/agreements']!.get.parameters.find(
			(parameter) => parameter.name === 'status'
		);
		expect(status).toMatchObject({
			in: 'query',
			style: 'form',
			explode: true,
			schema: {
				type: 'array',
				items: { enum: ['open', 'in_uitvoering', 'afgerond', 'vertraagd', 'vervallen'] }
			}
		});
	});
});

/** Calls an export route as SvelteKit does, signed in as the actor. */
async function download(handler: (event: never) => unknown, search: string) {
	const url = new URL(`/afspraken.x?vergadering=${meetingId}${search}`, 'http://localhost:4396');
	const session = { id: 'status-test', twoFactorVerified: true, totpEnabled: true };
	const event = {
		request: new Request(url),
		url,
		params: {},
		locals: { requestId: 'status-test', actor: team.uvwMedewerker, session }
	} as unknown as RequestEvent;
	try {
		return (await handler(event as never)) as Response;
	} catch (caught) {
		if (isHttpError(caught)) return new Response(caught.body.message, { status: caught.status });
		throw caught;
	}
}

describe('the exports with several statuses', () => {
	it('allowed: the XLSX holds the rows of either status and says so in its properties', async () => {
		const response = await download(registerXlsx, '&status=open&status=afgerond');
		expect(response.status).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await response.arrayBuffer());
		const titles: string[] = [];
		book.getWorksheet('Afspraken')!.eachRow((row, number) => {
			if (number > 1) titles.push(String(row.getCell(1).value));
		});
		expect(titles).toEqual([`A open ${WORD}`, `D afgerond ${WORD}`]);
		expect(book.subject).toBe('Filters: status open of afgerond, één vergadering');
	});

	it('denied: a wrong status among them is a 400 with the Dutch message, never a 500', async () => {
		const response = await download(registerCsv, '&status=vertraagd&status=klaar');
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Kies een status uit de lijst.');
	});
});
