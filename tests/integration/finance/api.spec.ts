import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/server/access';
import { createTask } from '../../../src/lib/server/finance';
import { financeOperations } from '../../../src/lib/server/openapi/finance-operations';
import { contract, covered } from '../api/contract';
import { as, call, ORIGIN, tokenFor } from '../api/harness';
import { useProcessDatabase } from '../process-env';
import { createTeam, momentId, type Team } from './fixtures';

/*
 * The finance part through the API: the same verbs, so the same rules, as problem documents; every
 * success is validated against the OpenAPI document (contract()), and the last case checks that
 * every finance operation was called so. Amounts are integer cents named …Cents.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const base = '/api/v1/finance';
const unknown = '00000000-0000-4000-8000-000000000000';
const problem = 'application/problem+json';
const fields = (answer: { body: { errors?: { field: string }[] } }) =>
	(answer.body.errors ?? []).map((error) => error.field).sort();

let titles = 0;
/** A title of its own, so that a search finds this arrangement only. */
const uniqueTitle = (word: string) => `${word}${++titles}x${Date.now().toString(36)} middelen`;

/** An arrangement made through the API by Financiën (its first schedule known at `knownAt`). */
async function made(schedule: Record<number, number> = { 2026: 100_000 }, extra = {}) {
	const answer = await as(team.finMedewerker).post(`${base}/arrangements`, {
		body: {
			title: uniqueTitle('Gemeentefondsmiddelen'),
			instrument: 'algemene_uitkering_gemeentefonds',
			layer: 'gemeenten',
			nature: 'incidenteel',
			schedule: Object.entries(schedule).map(([year, amountCents]) => ({
				year: Number(year),
				amountCents
			})),
			...extra
		}
	});
	expect(answer.status, JSON.stringify(answer.body)).toBe(201);
	return answer.body as { id: string; version: number; scheduleVersion: number; reference: string };
}

let circularYear = 2080;
async function circularOf(who: Actor = team.finMedewerker) {
	const answer = await contract('createCircular', who, {
		body: { kind: 'september', year: ++circularYear, publishedOn: '2026-09-20' }
	});
	return answer.body as { id: string; year: number };
}

const csv = (text: string) => {
	const form = new FormData();
	form.set('file', new File([text], 'verwerkt.csv', { type: 'text/csv' }));
	return form;
};

describe('GET and POST /api/v1/finance/arrangements', () => {
	it('allowed: Financiën records one with its schedule in cents (201, ETag); the overview finds it, as known at a moment', async () => {
		const title = uniqueTitle('Jeugdzorgmiddelen');
		const created = await contract('createArrangement', team.finMedewerker, {
			body: {
				title,
				instrument: 'algemene_uitkering_gemeentefonds',
				layer: 'gemeenten',
				nature: 'incidenteel',
				budgetMomentId: await momentId('voorjaarsnota', 2025),
				schedule: [
					{ year: 2025, amountCents: 41_400_000_000 },
					{ year: 2026, amount: '1.300.000.000,00' }
				],
				knownAt: '2025-04-10T10:00:00Z'
			}
		});
		expect(created.headers.get('etag')).toBe('"2"');
		expect(created.body).toMatchObject({
			schedule: [
				{ year: 2025, amountCents: 41_400_000_000 },
				{ year: 2026, amountCents: 130_000_000_000 }
			],
			totalCents: 171_400_000_000,
			scheduleVersion: 1,
			receivingParty: 'vng'
		});
		const word = title.split(' ')[0]!;
		const listed = await contract('listArrangements', team.vngMedewerker, {
			query: `?q=${word}&layer=gemeenten&layer=provincies&asOf=voorjaarsnota-2025`
		});
		expect(listed.body).toMatchObject({
			total: 1,
			asOf: { key: 'voorjaarsnota-2025', moment: { label: 'Voorjaarsnota 2025' } },
			rows: [{ id: created.body.id, totalCents: 171_400_000_000 }]
		});
		const before = await contract('listArrangements', team.vngMedewerker, {
			query: `?q=${word}&asOf=2025-01-01`
		});
		// Neither made nor booked by then.
		expect(before.body).toMatchObject({ total: 0, rows: [] });
	});

	it('denied: 403 for a koepel creating, 401 without a session, 400 for "1,234.56", the year 1999 and asOf voorjaarsnota-1899; nothing written', async () => {
		const title = uniqueTitle('Geweigerdemiddelen');
		const body = {
			title,
			instrument: 'algemene_uitkering_gemeentefonds',
			layer: 'gemeenten',
			nature: 'incidenteel',
			schedule: [{ year: 2026, amountCents: 1000 }]
		};
		const forbidden = await contract('createArrangement', team.vngMedewerker, {
			body,
			status: 403
		});
		expect(forbidden.headers.get('content-type')).toBe(problem);
		await contract('createArrangement', null, { body, status: 401 });
		const wrong = await contract('createArrangement', team.finMedewerker, {
			body: {
				...body,
				schedule: [
					{ year: 2026, amount: '1,234.56' },
					{ year: 1999, amountCents: 5 }
				]
			},
			status: 400
		});
		expect(fields(wrong)).toEqual(['schedule.0.amount', 'schedule.1.year']);
		expect(wrong.body.errors![1]!.message).toBe('Kies een jaar vanaf 2000.');
		const fraction = await contract('createArrangement', team.finMedewerker, {
			body: { ...body, schedule: [{ year: 2026, amountCents: 12.5 }] },
			status: 400
		});
		expect(fields(fraction)).toEqual(['schedule.0.amountCents']);
		const asOf = await contract('listArrangements', team.vngMedewerker, {
			query: '?asOf=voorjaarsnota-1899',
			status: 400
		});
		expect(fields(asOf)).toEqual(['asOf']);
		// A day the database has no year for is refused at the edge, not a 500.
		const yearZero = await contract('listArrangements', team.vngMedewerker, {
			query: '?asOf=0000-01-01',
			status: 400
		});
		expect(fields(yearZero)).toEqual(['asOf']);
		const filters = await contract('listArrangements', team.vngMedewerker, {
			query: '?year=1999&layer=landen&pageSize=1000',
			status: 400
		});
		expect(fields(filters)).toEqual(['layer', 'pageSize', 'year']);
		await contract('listArrangements', null, { status: 401 });
		const search = await as(team.finMedewerker).get(
			`${base}/arrangements?q=${title.split(' ')[0]}`
		);
		expect(search.body.total).toBe(0);
	});
});

describe('GET and PATCH /api/v1/finance/arrangements/{id}', () => {
	it('allowed: the detail with history, reconciliation and version as ETag, as known at a day; an edit with If-Match', async () => {
		const row = await made({ 2026: 500_000 }, { knownAt: '2025-03-01T09:00:00Z' });
		const read = await contract('getArrangement', team.ipoMedewerker, {
			id: row.id,
			query: '?asOf=2025-02-01'
		});
		expect(read.headers.get('etag')).toBe(`"${row.version}"`);
		expect(read.body).toMatchObject({
			row: { id: row.id, schedule: [{ year: 2026, amountCents: 500_000 }] },
			asOfRow: { schedule: [], totalCents: 0 },
			asOf: { key: '2025-02-01', moment: null },
			reconciliation: [{ year: 2026, committedCents: 500_000, processedCents: null }],
			comments: [],
			version: row.version
		});
		expect(read.body.history).toMatchObject([
			{ sequence: 1, lines: [{ year: 2026, deltaCents: 500_000, fromCents: 0, toCents: 500_000 }] }
		]);
		const saved = await contract('updateArrangement', team.bzkMedewerker, {
			id: row.id,
			body: { title: 'Bijgestelde middelen voor de jeugdzorg' },
			ifMatch: row.version
		});
		expect(saved.body).toMatchObject({
			title: 'Bijgestelde middelen voor de jeugdzorg',
			version: row.version + 1
		});
	});

	it('denied: 404 unknown or malformed, 400 asOf voorjaarsnota-1899, 428 without If-Match, 412 stale, 403 for a koepel or a read-only token', async () => {
		const row = await made();
		await contract('getArrangement', team.vngMedewerker, { id: unknown, status: 404 });
		await contract('getArrangement', team.vngMedewerker, { id: 'geen-uuid', status: 404 });
		await contract('getArrangement', null, { id: row.id, status: 401 });
		const asOf = await contract('getArrangement', team.vngMedewerker, {
			id: row.id,
			query: '?asOf=voorjaarsnota-1899',
			status: 400
		});
		expect(asOf.body.errors).toEqual([
			{ field: 'asOf', message: 'Dit begrotingsmoment kennen we niet.' }
		]);
		await contract('getArrangement', team.vngMedewerker, {
			id: row.id,
			query: '?asOf=0000-01-01T00:00:00Z',
			status: 400
		});
		const edit = { title: 'Een andere titel' };
		await contract('updateArrangement', team.finMedewerker, {
			id: row.id,
			body: edit,
			status: 428
		});
		await contract('updateArrangement', team.vngMedewerker, {
			id: row.id,
			body: edit,
			ifMatch: row.version,
			status: 403
		});
		const token = await tokenFor(team.finMedewerker, 'read');
		const readOnly = await as({ token }).patch(`${base}/arrangements/${row.id}`, {
			body: edit,
			ifMatch: row.version
		});
		expect(readOnly.status).toBe(403);
		await contract('updateArrangement', team.finMedewerker, {
			id: row.id,
			body: { sourceDocument: 'Kamerbrief' },
			ifMatch: row.version
		});
		const stale = await contract('updateArrangement', team.finMedewerker, {
			id: row.id,
			body: edit,
			ifMatch: row.version,
			status: 412
		});
		expect(stale.body).toMatchObject({ currentVersion: row.version + 1 });
		expect(stale.body.changedFields).toEqual(['sourceDocument']);
		await contract('updateArrangement', team.finMedewerker, {
			id: unknown,
			body: edit,
			ifMatch: 1,
			status: 404
		});
		const bad = await contract('updateArrangement', team.finMedewerker, {
			id: row.id,
			body: { layer: 'landen' },
			ifMatch: row.version + 1,
			status: 400
		});
		expect(fields(bad)).toEqual(['layer']);
		const after = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect((after.body.row as { title: string }).title).toMatch(/^Gemeentefondsmiddelen/);
	});
});

describe('POST /api/v1/finance/arrangements/{id}/entries', () => {
	it('allowed: a booking against the schedule version seen, in cents or Dutch notation (201 with the entry)', async () => {
		const row = await made({ 2026: 100_000, 2027: 200_000 });
		const booked = await contract('recordArrangementEntry', team.secretariaat, {
			id: row.id,
			body: {
				expectedScheduleVersion: 1,
				reason: 'bijgesteld bij Voorjaarsnota 2026',
				budgetMomentId: await momentId('voorjaarsnota', 2026),
				amounts: [
					{ year: 2026, amountCents: 150_000 },
					{ year: 2028, amount: '1.234,56' }
				]
			}
		});
		expect(booked.body).toMatchObject({
			row: {
				scheduleVersion: 2,
				totalCents: 150_000 + 200_000 + 123_456,
				schedule: [
					{ year: 2026, amountCents: 150_000 },
					{ year: 2027, amountCents: 200_000 },
					{ year: 2028, amountCents: 123_456 }
				]
			},
			entry: {
				sequence: 2,
				budgetMoment: { key: 'voorjaarsnota-2026' },
				lines: [
					{ year: 2026, deltaCents: 50_000, fromCents: 100_000, toCents: 150_000 },
					{ year: 2028, deltaCents: 123_456, fromCents: 0, toCents: 123_456 }
				]
			}
		});
	});

	it('denied: without or with a stale schedule version (400, 412), "1,234.56" and 1999 (400), a koepel or a read-only token (403), unknown (404)', async () => {
		const row = await made({ 2026: 100_000 });
		const path = `${base}/arrangements/${row.id}/entries`;
		const entry = { reason: 'bijgesteld', amounts: [{ year: 2026, amountCents: 1 }] };
		const missing = await contract('recordArrangementEntry', team.finMedewerker, {
			id: row.id,
			body: entry,
			status: 400
		});
		expect(fields(missing)).toEqual(['expectedScheduleVersion']);
		await contract('recordArrangementEntry', team.finMedewerker, {
			id: row.id,
			body: { ...entry, expectedScheduleVersion: 0 },
			status: 412
		});
		const dutch = await contract('recordArrangementEntry', team.finMedewerker, {
			id: row.id,
			body: {
				expectedScheduleVersion: 1,
				reason: 'bijgesteld',
				amounts: [
					{ year: 2026, amount: '1,234.56' },
					{ year: 1999, amountCents: 1 }
				]
			},
			status: 400
		});
		expect(fields(dutch)).toEqual(['amounts.0.amount', 'amounts.1.year']);
		await contract('recordArrangementEntry', team.vngBestuurder, {
			id: row.id,
			body: { ...entry, expectedScheduleVersion: 1 },
			status: 403
		});
		const token = await tokenFor(team.secretariaat, 'read');
		expect(
			(await as({ token }).post(path, { body: { ...entry, expectedScheduleVersion: 1 } })).status
		).toBe(403);
		await contract('recordArrangementEntry', team.finMedewerker, {
			id: unknown,
			body: { ...entry, expectedScheduleVersion: 1 },
			status: 404
		});
		await contract('recordArrangementEntry', null, {
			id: row.id,
			body: { ...entry, expectedScheduleVersion: 1 },
			status: 401
		});
		const after = await as(team.finMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(after.body.row).toMatchObject({ scheduleVersion: 1, totalCents: 100_000 });
	});
});

describe('POST /api/v1/finance/arrangements/{id}/status', () => {
	it('allowed: a step on with If-Match, then processed in a circular', async () => {
		const row = await made();
		const committed = await contract('setArrangementStatus', team.finMedewerker, {
			id: row.id,
			body: { status: 'toegezegd' },
			ifMatch: row.version
		});
		expect(committed.body).toMatchObject({ status: 'toegezegd', version: row.version + 1 });
		const circular = await circularOf();
		const processed = await contract('setArrangementStatus', team.finMedewerker, {
			id: row.id,
			body: { status: 'verwerkt', processedCircularId: circular.id },
			ifMatch: row.version + 1
		});
		expect(processed.body).toMatchObject({
			status: 'verwerkt',
			processedIn: `septembercirculaire ${circular.year}`
		});
	});

	it('denied: a koepel (403), a leap (409), a wrong status (400), 428 without If-Match, unknown (404)', async () => {
		const row = await made();
		const body = { status: 'toegezegd' };
		await contract('setArrangementStatus', team.vngMedewerker, {
			id: row.id,
			body,
			ifMatch: row.version,
			status: 403
		});
		await contract('setArrangementStatus', team.finMedewerker, {
			id: row.id,
			body: { status: 'uitbetaald' },
			ifMatch: row.version,
			status: 409
		});
		const wrong = await contract('setArrangementStatus', team.finMedewerker, {
			id: row.id,
			body: { status: 'klaar' },
			ifMatch: row.version,
			status: 400
		});
		expect(fields(wrong)).toEqual(['status']);
		await contract('setArrangementStatus', team.finMedewerker, { id: row.id, body, status: 428 });
		await contract('setArrangementStatus', team.finMedewerker, {
			id: 'geen-uuid',
			body,
			ifMatch: 1,
			status: 404
		});
		const after = await as(team.finMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(after.body.row).toMatchObject({ status: 'voorgesteld' });
	});
});

describe('POST /api/v1/finance/arrangements/{id}/marks and …/comments', () => {
	it('allowed: VNG marks the figures of the gemeenten for the schedule version seen, and comments; the detail shows both', async () => {
		const row = await made();
		const marked = await contract('markArrangementFigures', team.vngBestuurder, {
			id: row.id,
			body: { verdict: 'oneens', note: 'Te laag voor 2026.', scheduleVersion: 1 }
		});
		expect(marked.body.marks).toMatchObject([
			{ party: 'vng', verdict: 'oneens', scheduleVersion: 1, current: true }
		]);
		const comment = await contract('commentOnArrangement', team.vngMedewerker, {
			id: row.id,
			body: { body: 'Graag overleg in de BOFv.' }
		});
		expect(comment.body).toMatchObject({
			body: 'Graag overleg in de BOFv.',
			organisationName: 'VNG'
		});
		await contract('commentOnArrangement', team.finMedewerker, {
			id: row.id,
			body: { body: 'Wij plannen het in.' }
		});
		const read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect((read.body.comments as { body: string }[]).map((c) => c.body)).toEqual([
			'Graag overleg in de BOFv.',
			'Wij plannen het in.'
		]);
	});

	it('denied: another koepel (403), a stale schedule version (412), a bad verdict or empty comment (400), unknown (404)', async () => {
		const row = await made();
		await contract('markArrangementFigures', team.ipoMedewerker, {
			id: row.id,
			body: { verdict: 'eens', scheduleVersion: 1 },
			status: 403
		});
		await contract('markArrangementFigures', team.vngBestuurder, {
			id: row.id,
			body: { verdict: 'eens', scheduleVersion: 2 },
			status: 412
		});
		const verdict = await contract('markArrangementFigures', team.vngBestuurder, {
			id: row.id,
			body: { verdict: 'misschien', scheduleVersion: 1 },
			status: 400
		});
		expect(fields(verdict)).toEqual(['verdict']);
		await contract('markArrangementFigures', team.vngBestuurder, {
			id: unknown,
			body: { verdict: 'eens', scheduleVersion: 1 },
			status: 404
		});
		await contract('commentOnArrangement', team.ipoMedewerker, {
			id: row.id,
			body: { body: 'Niet van ons.' },
			status: 403
		});
		const empty = await contract('commentOnArrangement', team.vngMedewerker, {
			id: row.id,
			body: { body: '   ' },
			status: 400
		});
		expect(fields(empty)).toEqual(['body']);
		await contract('commentOnArrangement', team.vngMedewerker, {
			id: unknown,
			body: { body: 'Ergens' },
			status: 404
		});
		await contract('commentOnArrangement', null, {
			id: row.id,
			body: { body: 'Anoniem' },
			status: 401
		});
		const read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(read.body.comments).toEqual([]);
		expect((read.body.row as { marks: unknown[] }).marks).toEqual([]);
	});
});

describe('circulars: list, create, read, amounts and import', () => {
	it('allowed: Financiën enters a circular; everyone at the table lists and reads it', async () => {
		const circular = await circularOf();
		const listed = await contract('listCirculars', team.uvwMedewerker);
		expect(listed.list.map((c) => c.id)).toContain(circular.id);
		const read = await contract('getCircular', team.vngMedewerker, { id: circular.id });
		expect(read.body).toMatchObject({
			kind: 'september',
			label: `septembercirculaire ${circular.year}`
		});
	});

	it('denied: a koepel creating (403), the year 1999 (400), the same one twice (409), unknown or malformed (404), 401', async () => {
		const body = { kind: 'december', year: 2079, publishedOn: '2079-12-01' };
		await contract('createCircular', team.vngMedewerker, { body, status: 403 });
		const year = await contract('createCircular', team.finMedewerker, {
			body: { ...body, year: 1999 },
			status: 400
		});
		expect(year.body.errors).toEqual([{ field: 'year', message: 'Kies een jaar vanaf 2000.' }]);
		const circular = await circularOf();
		await contract('createCircular', team.finMedewerker, {
			body: { kind: 'september', year: circular.year, publishedOn: '2026-09-20' },
			status: 409
		});
		await contract('getCircular', team.vngMedewerker, { id: unknown, status: 404 });
		await contract('getCircular', team.vngMedewerker, { id: 'geen-uuid', status: 404 });
		await contract('listCirculars', null, { status: 401 });
		const listed = await as(team.vngMedewerker).get(`${base}/circulars`);
		expect(listed.list.some((c) => c.year === 2079)).toBe(false);
	});

	it('allowed: amounts by kenmerk in cents; the reconciliation shows them', async () => {
		const row = await made({ 2026: 100_000 });
		const circular = await circularOf();
		const recorded = await contract('recordCircularAmounts', team.bzkMedewerker, {
			id: circular.id,
			body: { amounts: [{ reference: row.reference, year: 2026, amountCents: 90_000 }] }
		});
		expect(recorded.body).toEqual({ recorded: 1 });
		const read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(read.body.reconciliation).toMatchObject([
			{
				year: 2026,
				committedCents: 100_000,
				processed: [{ circularId: circular.id, amountCents: 90_000 }],
				processedCents: 90_000,
				differenceCents: -10_000
			}
		]);
	});

	it('denied: an unknown kenmerk or "1,234.56" refuses the whole (400 per line), a koepel (403), unknown circular (404)', async () => {
		const row = await made({ 2026: 100_000 });
		const circular = await circularOf();
		const lines = await contract('recordCircularAmounts', team.finMedewerker, {
			id: circular.id,
			body: {
				amounts: [
					{ reference: row.reference, year: 2026, amountCents: 1 },
					{ reference: 'FA-9999', year: 2026, amountCents: 1 }
				]
			},
			status: 400
		});
		expect(fields(lines)).toEqual(['line.2.kenmerk']);
		const amount = await contract('recordCircularAmounts', team.finMedewerker, {
			id: circular.id,
			body: { amounts: [{ reference: row.reference, year: 1999, amount: '1,234.56' }] },
			status: 400
		});
		expect(fields(amount)).toEqual(['amounts.0.amount', 'amounts.0.year']);
		const body = { amounts: [{ reference: row.reference, year: 2026, amountCents: 1 }] };
		await contract('recordCircularAmounts', team.vngMedewerker, {
			id: circular.id,
			body,
			status: 403
		});
		await contract('recordCircularAmounts', team.finMedewerker, {
			id: unknown,
			body,
			status: 404
		});
		const read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(read.body.reconciliation).toMatchObject([{ year: 2026, processedCents: null }]);
	});

	it('allowed: ?dryRun=true previews with an error per line and writes nothing; the import records', async () => {
		const row = await made({ 2026: 100_000, 2027: 100_000 });
		const circular = await circularOf();
		const table = `kenmerk;jaar;bedrag\n${row.reference};2026;1.000,00\n${row.reference};2027;1,234.56\n`;
		const preview = await contract('importCircularAmounts', team.finMedewerker, {
			id: circular.id,
			query: '?dryRun=true',
			form: csv(table),
			headers: { origin: ORIGIN }
		});
		expect(preview.body).toMatchObject({
			dryRun: true,
			recorded: 0,
			lines: [{ line: 2, reference: row.reference, year: 2026, amountCents: 100_000 }]
		});
		expect(preview.body.errors).toMatchObject([{ line: 3, column: 'bedrag' }]);
		let read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(read.body.reconciliation).toMatchObject([
			{ year: 2026, processedCents: null },
			{ year: 2027, processedCents: null }
		]);
		const imported = await contract('importCircularAmounts', team.finMedewerker, {
			id: circular.id,
			form: csv(`kenmerk;jaar;bedrag\n${row.reference};2027;1.234,56\n`),
			headers: { origin: ORIGIN }
		});
		expect(imported.body).toMatchObject({ dryRun: false, recorded: 1, errors: [] });
		read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(read.body.reconciliation).toMatchObject([
			{ year: 2026, processedCents: null },
			{ year: 2027, processedCents: 123_456 }
		]);
	});

	it('denied: a wrong line without dryRun imports nothing (400 per line), a koepel (403), no file (400), unknown (404)', async () => {
		const row = await made({ 2026: 100_000 });
		const circular = await circularOf();
		const options = { headers: { origin: ORIGIN } };
		const wrong = await contract('importCircularAmounts', team.finMedewerker, {
			...options,
			id: circular.id,
			form: csv(`kenmerk;jaar;bedrag\n${row.reference};2026;5,00\n${row.reference};1999;5,00\n`),
			status: 400
		});
		expect(fields(wrong)).toEqual(['line.3.jaar']);
		const table = csv(`kenmerk;jaar;bedrag\n${row.reference};2026;5,00\n`);
		await contract('importCircularAmounts', team.vngMedewerker, {
			...options,
			id: circular.id,
			form: table,
			status: 403
		});
		const none = await contract('importCircularAmounts', team.finMedewerker, {
			...options,
			id: circular.id,
			form: new FormData(),
			status: 400
		});
		expect(fields(none)).toEqual(['file']);
		await contract('importCircularAmounts', team.finMedewerker, {
			...options,
			id: unknown,
			form: csv(`kenmerk;jaar;bedrag\n${row.reference};2026;5,00\n`),
			status: 404
		});
		const read = await as(team.vngMedewerker).get(`${base}/arrangements/${row.id}`);
		expect(read.body.reconciliation).toMatchObject([{ year: 2026, processedCents: null }]);
	});
});

describe('GET /api/v1/finance/totals and …/totals/difference', () => {
	it('allowed: per year by layer and instrument in cents, as known at a moment; the change between two moments', async () => {
		const title = uniqueTitle('Totaalproefmiddelen');
		const word = title.split(' ')[0]!;
		const created = await as(team.finMedewerker).post(`${base}/arrangements`, {
			body: {
				title,
				instrument: 'decentralisatie_uitkering',
				layer: 'provincies',
				nature: 'structureel',
				schedule: [
					{ year: 2026, amountCents: 300_000_001 },
					{ year: 2027, amountCents: 7 }
				],
				knownAt: '2025-06-01T10:00:00Z'
			}
		});
		await as(team.finMedewerker).post(`${base}/arrangements/${created.body.id}/entries`, {
			body: {
				expectedScheduleVersion: 1,
				reason: 'bijgesteld',
				amounts: [{ year: 2027, amountCents: 10 }],
				knownAt: '2025-10-01T10:00:00Z'
			}
		});
		const totals = await contract('financeTotals', team.uvwMedewerker, {
			query: `?q=${word}&asOf=miljoenennota-2026`
		});
		expect(totals.body).toMatchObject({
			years: [2026, 2027],
			byLayer: [{ key: 'provincies', valuesCents: [300_000_001, 7], totalCents: 300_000_008 }],
			byInstrument: [{ key: 'decentralisatie_uitkering', totalCents: 300_000_008 }],
			total: { key: 'total', valuesCents: [300_000_001, 7], totalCents: 300_000_008 },
			asOf: { key: 'miljoenennota-2026' }
		});
		const now = await contract('financeTotals', team.uvwMedewerker, {
			query: `?q=${word}&year=2027`
		});
		expect(now.body.total).toMatchObject({ valuesCents: [10], totalCents: 10 });
		const difference = await contract('financeDifference', team.vngMedewerker, {
			query: `?q=${word}&from=miljoenennota-2026&to=2025-12-31`
		});
		expect(difference.body).toMatchObject({
			from: { key: 'miljoenennota-2026' },
			to: { key: '2025-12-31' },
			change: { years: [2027], total: { valuesCents: [3], totalCents: 3 } }
		});
	});

	it('denied: the year 1999, asOf voorjaarsnota-1899, a missing from, a to before from (400); 401 without a session', async () => {
		const year = await contract('financeTotals', team.vngMedewerker, {
			query: '?year=1999&asOf=voorjaarsnota-1899',
			status: 400
		});
		expect(fields(year)).toEqual(['year']);
		const asOf = await contract('financeTotals', team.vngMedewerker, {
			query: '?asOf=voorjaarsnota-1899',
			status: 400
		});
		expect(fields(asOf)).toEqual(['asOf']);
		await contract('financeTotals', null, { status: 401 });
		const from = await contract('financeDifference', team.vngMedewerker, {
			query: '?to=2025-12-31',
			status: 400
		});
		expect(fields(from)).toEqual(['from']);
		const order = await contract('financeDifference', team.vngMedewerker, {
			query: '?from=najaarsnota-2025&to=voorjaarsnota-2025',
			status: 400
		});
		expect(fields(order)).toEqual(['to']);
		const moment = await contract('financeDifference', team.vngMedewerker, {
			query: '?from=voorjaarsnota-1899',
			status: 400
		});
		expect(fields(moment)).toEqual(['from']);
		const yearZero = await contract('financeDifference', team.vngMedewerker, {
			query: '?from=0000-01-01&to=0000-06-01T00:00:00Z',
			status: 400
		});
		expect(fields(yearZero)).toEqual(['from', 'to']);
		await contract('financeTotals', team.vngMedewerker, {
			query: '?asOf=0000-01-01',
			status: 400
		});
		await contract('financeDifference', null, { query: '?from=2025-01-01', status: 401 });
	});
});

describe('medebewindstaken: GET, POST, GET one, PATCH, needs', () => {
	const taskBody = {
		name: 'Jeugdhulp',
		law: 'Jeugdwet',
		layers: ['gemeenten'],
		feasibilityStatus: 'lopend'
	};

	it('allowed: Financiën keeps a task with its arrangements; VNG reports a need; the balance per year in cents', async () => {
		const row = await made({ 2026: 1_000_000 });
		const created = await contract('createFinanceTask', team.finMedewerker, {
			body: { ...taskBody, arrangementIds: [row.id] }
		});
		const id = created.body.id as string;
		expect(created.headers.get('etag')).toBe('"1"');
		const listed = await contract('listFinanceTasks', team.ipoMedewerker);
		expect(listed.list.find((task) => task.id === id)).toMatchObject({
			committedCents: 1_000_000,
			needCents: 0
		});
		const need = await contract('reportFinanceNeed', team.vngMedewerker, {
			id,
			body: { party: 'vng', year: 2026, amount: '12.500,00', source: 'Onderzoek AEF 2025' }
		});
		expect(need.body.balance).toMatchObject([
			{
				year: 2026,
				committedCents: 1_000_000,
				needs: [{ party: 'vng', amountCents: 1_250_000 }],
				needCents: 1_250_000,
				balanceCents: -250_000
			}
		]);
		const read = await contract('getFinanceTask', team.uvwMedewerker, {
			id,
			query: '?asOf=2025-01-01'
		});
		expect(read.body).toMatchObject({ asOf: { key: '2025-01-01' }, needHistory: [] });
		expect((read.body.arrangements as { schedule: unknown[] }[])[0]!.schedule).toEqual([]);
		const saved = await contract('updateFinanceTask', team.secretariaat, {
			id,
			body: {
				feasibilityStatus: 'afgerond',
				feasibilityOutcome: 'Uitvoerbaar met extra middelen.'
			},
			ifMatch: created.body.version as number
		});
		expect(saved.body).toMatchObject({ feasibilityStatus: 'afgerond', version: 2 });
	});

	it('denied: a koepel creating (403), a layer that does not carry it (403), "1,234.56" and 1999 (400), 428, 412, unknown (404)', async () => {
		await contract('createFinanceTask', team.vngMedewerker, { body: taskBody, status: 403 });
		const empty = await contract('createFinanceTask', team.finMedewerker, {
			body: { ...taskBody, layers: [] },
			status: 400
		});
		expect(fields(empty)).toEqual(['layers']);
		const task = await createTask(team.finMedewerker, taskBody);
		const need = { party: 'vng', year: 2026, amountCents: 5, source: 'Eigen raming' };
		await contract('reportFinanceNeed', team.ipoMedewerker, {
			id: task.id,
			body: { ...need, party: 'ipo' },
			status: 403
		});
		const wrong = await contract('reportFinanceNeed', team.vngMedewerker, {
			id: task.id,
			body: { ...need, year: 1999, amountCents: undefined, amount: '1,234.56' },
			status: 400
		});
		expect(fields(wrong)).toEqual(['amount', 'year']);
		await contract('reportFinanceNeed', team.vngMedewerker, {
			id: unknown,
			body: need,
			status: 404
		});
		await contract('updateFinanceTask', team.finMedewerker, {
			id: task.id,
			body: { name: 'Jeugdzorg' },
			status: 428
		});
		await contract('updateFinanceTask', team.vngMedewerker, {
			id: task.id,
			body: { name: 'Jeugdzorg' },
			ifMatch: task.version,
			status: 403
		});
		await contract('updateFinanceTask', team.finMedewerker, {
			id: task.id,
			body: { name: 'Jeugdzorg' },
			ifMatch: task.version + 1,
			status: 412
		});
		await contract('getFinanceTask', team.vngMedewerker, { id: 'geen-uuid', status: 404 });
		const asOf = await contract('getFinanceTask', team.vngMedewerker, {
			id: task.id,
			query: '?asOf=voorjaarsnota-1899',
			status: 400
		});
		expect(fields(asOf)).toEqual(['asOf']);
		await contract('listFinanceTasks', null, { status: 401 });
		const read = await as(team.vngMedewerker).get(`${base}/tasks/${task.id}`);
		expect(read.body).toMatchObject({ name: 'Jeugdhulp', version: 1, needHistory: [] });
	});
});

describe('GET /api/v1/finance/budget-moments', () => {
	it('allowed: the moments with the keys asOf takes; denied: 401 without a session', async () => {
		const moments = await contract('listBudgetMoments', team.vngMedewerker);
		expect(moments.list).toContainEqual(
			expect.objectContaining({ key: 'voorjaarsnota-2025', label: 'Voorjaarsnota 2025' })
		);
		await contract('listBudgetMoments', null, { status: 401 });
		expect((await call('GET', `${base}/budget-moments`)).body.title).toBe('Niet aangemeld');
	});
});

describe('the finance part of the document', () => {
	it('every finance operation was called above and answered as documented', () => {
		const ids = Object.keys(financeOperations);
		expect(ids.length).toBe(21);
		expect(ids.filter((id) => !covered.has(id))).toEqual([]);
	});
});
