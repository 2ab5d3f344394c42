import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	adoptDecisionList,
	publishCorrection,
	publishDecisionList,
	recordDecision,
	startVerification,
	verifyDecisionList
} from '../../../src/lib/server/decisions';
import { markHeld } from '../../../src/lib/server/meetings';
import { oriPublicatie } from '../../../src/lib/server/publications/formats/ori';
import { GET as agendaPdf } from '../../../src/routes/(public)/publicaties/[id]/agenda.pdf/+server';
import { GET as besluitenlijstPdf } from '../../../src/routes/(public)/publicaties/[id]/besluitenlijst.pdf/+server';
import { GET as diwooXml } from '../../../src/routes/(public)/publicaties/[id]/diwoo.xml/+server';
import { GET as oriJson } from '../../../src/routes/(public)/publicaties/[id]/ori.json/+server';
import { GET as sitemapXml } from '../../../src/routes/(public)/publicaties/sitemap.xml/+server';
import { createTeam, forceItem, type Team } from '../agenda/fixtures';
import { adoptedMeeting, bestuurders } from '../decisions/fixtures';
import { useProcessDatabase } from '../process-env';

useProcessDatabase();

/*
 * The format routes as a visitor without an account calls them: a published meeting answers with
 * the document, public and cacheable; an unpublished or unknown one is a 404 like any other; an
 * older version by ?versie=N. The routes are called as SvelteKit calls them (no session).
 */

const ORIGIN = 'https://overleg.example.nl';
type Handler = (event: never) => Promise<Response> | Response;

function get(handler: Handler, path: string, id: string, headers: Record<string, string> = {}) {
	const url = new URL(path, ORIGIN);
	const event = { params: { id }, url, request: new Request(url, { headers }) };
	return handler(event as never);
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

let team: Team;
let published: string;
let adoptedOnly: string;

/** A held meeting whose list is adopted; with `publish`, published (version 1) and corrected (2). */
async function meetingWithList(publish: boolean) {
	const { meeting, items } = await adoptedMeeting(team);
	for (const item of items) await forceItem(item.id, { confidentiality: 'openbaar' });
	await forceItem(items[2]!.id, { confidentiality: 'vertrouwelijk' });
	await recordDecision(team.secretariaat, items[0]!.id, {
		outcome: 'aangenomen',
		dicta: ['de afspraken over de jeugdzorg vast te stellen;', 'de BOFv om advies te vragen.'],
		commitments: [
			{
				party: 'rijk',
				holder: 'Financiën',
				description: 'zoekt compensatie',
				dueDate: '2027-03-01'
			}
		]
	});
	await recordDecision(team.secretariaat, items[1]!.id, { outcome: 'ter_kennisgeving_aangenomen' });
	await recordDecision(team.secretariaat, items[2]!.id, {
		outcome: 'aangenomen',
		dicta: ['het geheime voorstel vast te stellen.']
	});
	await markHeld(team.secretariaat, meeting.id);
	await startVerification(team.secretariaat, meeting.id, { closesOn: inAWeek() });
	for (const actor of bestuurders(team)) await verifyDecisionList(actor, meeting.id);
	await adoptDecisionList(team.secretariaat, meeting.id);
	if (!publish) return meeting.id;
	const publicItemIds = [items[0]!.id, items[1]!.id];
	await publishDecisionList(team.secretariaat, meeting.id, { publicItemIds });
	await recordDecision(team.secretariaat, items[1]!.id, {
		outcome: 'aangenomen',
		dicta: ['de notitie over de UDO vast te stellen.'],
		version: 1
	});
	await publishCorrection(team.secretariaat, meeting.id, {
		publicItemIds,
		reasonKind: 'procedureel',
		note: 'Punt 2 was aangenomen, niet ter kennisgeving.'
	});
	return meeting.id;
}

beforeAll(async () => {
	team = await createTeam();
	published = await meetingWithList(true);
	adoptedOnly = await meetingWithList(false);
});

async function pdfText(response: Response) {
	const task = getDocument({ data: new Uint8Array(await response.arrayBuffer()) });
	const pdf = await task.promise;
	const pages: string[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const content = await (await pdf.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	await task.destroy();
	return pages.join(' ').replace(/\s+/g, ' ');
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });

describe('the besluitenlijst and agenda PDFs', () => {
	it('allowed: a published meeting answers the newest version as a public, cacheable PDF', async () => {
		const response = await get(
			besluitenlijstPdf,
			`/publicaties/${published}/besluitenlijst.pdf`,
			published
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('cache-control')).toMatch(/^public/);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="besluitenlijst-\d{4}-\d{2}-\d{2}\.pdf"$/
		);
		const text = await pdfText(response);
		expect(text).toContain('de afspraken over de jeugdzorg vast te stellen;');
		expect(text).toContain('de notitie over de UDO vast te stellen.');
		expect(text).toContain('Versie 2');
		expect(text).toContain(
			'Correctie procedurele fout: Punt 2 was aangenomen, niet ter kennisgeving.'
		);
		expect(text).not.toContain('het geheime voorstel');
	});

	it('allowed: ?versie=1 answers the first version, cached as immutable', async () => {
		const response = await get(
			besluitenlijstPdf,
			`/publicaties/${published}/besluitenlijst.pdf?versie=1`,
			published
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toContain('immutable');
		const text = await pdfText(response);
		expect(text).toContain('Versie 1');
		expect(text).toContain('Ter kennisgeving aangenomen');
		expect(text).not.toContain('de notitie over de UDO vast te stellen.');
	});

	it('allowed: the adopted agenda, its openbare items only', async () => {
		const response = await get(agendaPdf, `/publicaties/${published}/agenda.pdf`, published);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const text = await pdfText(response);
		expect(text).toContain('Agenda ');
		expect(text).toContain('1 agendapunt is vertrouwelijk');
	});

	it('answers 304 to a cache that holds this version', async () => {
		const first = await get(agendaPdf, `/publicaties/${published}/agenda.pdf`, published);
		const again = await get(agendaPdf, `/publicaties/${published}/agenda.pdf`, published, {
			'if-none-match': first.headers.get('etag')!
		});
		expect(again.status).toBe(304);
	});

	it('denied: an adopted but unpublished list, an unknown meeting, a bad id and an unknown version are 404', async () => {
		for (const [id, query] of [
			[adoptedOnly, ''],
			['7c9e6679-7425-40de-944b-e07fc1f90ae7', ''],
			['niet-een-id', ''],
			[published, '?versie=3']
		] as const) {
			for (const handler of [besluitenlijstPdf, agendaPdf, diwooXml]) {
				const response = await get(handler, `/publicaties/${id}/x${query}`, id);
				expect(response.status, `${id}${query}`).toBe(404);
				expect(response.headers.get('cache-control')).toBe('no-store');
			}
		}
	});

	it('denied: a versie that is no whole number is a 400 with a Dutch message, never a 500', async () => {
		for (const query of ['?versie=abc', '?versie=0', '?versie=-1', '?versie=1.5']) {
			const response = await get(
				besluitenlijstPdf,
				`/publicaties/${published}/b${query}`,
				published
			);
			expect(response.status, query).toBe(400);
			expect(await response.text()).toMatch(/geheel getal vanaf 1/);
		}
	});
});

describe('ori.json', () => {
	it('allowed: the publication in ORI terms, valid against its schema, public', async () => {
		const response = await get(oriJson, `/publicaties/${published}/ori.json`, published);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/^public/);
		const body = oriPublicatie.parse(await response.json());
		expect(body.organisatie).toBe('https://identifier.overheid.nl/tooi/id/ministerie/mnre1034');
		expect(body.versie.nummer).toBe(2);
		expect(body.vergadering.agendapunten.map((punt) => punt.agendapuntKenmerk)).toEqual(['1', '2']);
		expect(body.vergadering.agendapunten[0]!.besluit!.toezeggingen[0]!.actiehouder).toBe(
			'Financiën'
		);
		expect(JSON.stringify(body)).not.toContain('het geheime voorstel');
		const first = await get(oriJson, `/publicaties/${published}/ori.json?versie=1`, published);
		expect(oriPublicatie.parse(await first.json()).versie.nummer).toBe(1);
	});

	it('denied: unpublished is a 404 and a bad versie a 400, both problem documents', async () => {
		const missing = await get(oriJson, `/publicaties/${adoptedOnly}/ori.json`, adoptedOnly);
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toBe('application/problem+json');
		const bad = await get(oriJson, `/publicaties/${published}/ori.json?versie=x`, published);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ status: 400, title: 'Ongeldige versie' });
	});
});

describe('diwoo.xml and the sitemap', () => {
	it('allowed: the meeting’s DiWoo metadata as XML, public', async () => {
		const response = await get(diwooXml, `/publicaties/${published}/diwoo.xml`, published);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/^public/);
		const xml = await response.text();
		expect(XMLValidator.validate(xml)).toBe(true);
		const { urlset } = parser.parse(xml);
		expect(urlset['@_xmlns:diwoo']).toBe('https://standaarden.overheid.nl/diwoo/metadata/');
		expect(urlset.url.map((url: { loc: string }) => url.loc)).toEqual([
			`${ORIGIN}/publicaties/${published}/agenda.pdf`,
			`${ORIGIN}/publicaties/${published}/besluitenlijst.pdf`
		]);
	});

	it('allowed: the sitemap lists the published meeting’s documents and leaves the unpublished out', async () => {
		const response = await sitemapXml({
			url: new URL('/publicaties/sitemap.xml', ORIGIN)
		} as never);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/^public/);
		const xml = await response.text();
		expect(XMLValidator.validate(xml)).toBe(true);
		const locs: string[] = parser.parse(xml).urlset.url.map((url: { loc: string }) => url.loc);
		expect(locs).toContain(`${ORIGIN}/publicaties/${published}/besluitenlijst.pdf`);
		expect(locs).toContain(`${ORIGIN}/publicaties/${published}/agenda.pdf`);
		expect(locs.some((loc) => loc.includes(adoptedOnly))).toBe(false);
		expect(xml).not.toContain('het geheime voorstel');
	});
});
