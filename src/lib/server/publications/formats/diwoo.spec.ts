import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DIWOO_NS, SITEMAP_NS, diwooSitemap, diwooXml } from './diwoo';
import { samplePublication } from './sample-publication';

const origin = 'https://overleg.example.nl';
const BZK = 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034';
const KERN = 'https://identifier.overheid.nl/tooi/def/thes/kern/';

/** The values DOMAIN.md lists; every code in the XML must be one of them. */
const allowed = {
	informatiecategorie: [`${KERN}c_816e508d`],
	documentsoort: { agenda: `${KERN}c_f90465b3`, besluitenlijst: `${KERN}c_d4a4792f` },
	soortHandeling: [`${KERN}c_641ecd76`],
	reden: [`${KERN}c_c77c86e0`]
};

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	isArray: (name) => name === 'url'
});

type Node = Record<string, unknown> & { '#text'?: string; '@_resource'?: string };

/** Parses the XML back with a real parser, after checking it is well-formed. */
function parse(xml: string) {
	expect(XMLValidator.validate(xml)).toBe(true);
	const tree = parser.parse(xml) as { urlset: Node & { url?: Node[] } };
	return tree.urlset;
}

const diwooOf = (url: Node) => (url['diwoo:Document'] as Node)['diwoo:DiWoo'] as Node;
const child = (node: Node, ...path: string[]) =>
	path.reduce<Node>((at, name) => {
		expect(at, `missing ${name}`).toHaveProperty([name]);
		return at[name] as Node;
	}, node);

describe('diwooXml', () => {
	it('describes the agenda and the besluitenlijst in the DiWoo namespace, every required element present', () => {
		const urlset = parse(diwooXml(samplePublication(), origin, BZK, false));
		expect(urlset['@_xmlns']).toBe(SITEMAP_NS);
		expect(urlset['@_xmlns:diwoo']).toBe(DIWOO_NS);
		expect(DIWOO_NS).toBe('https://standaarden.overheid.nl/diwoo/metadata/');
		const urls = urlset.url!;
		expect(urls.map((url) => url.loc)).toEqual([
			`${origin}/publicaties/0b7f3c2e-5a43-4e0c-9a57-7d1f2c1e9a01/agenda.pdf`,
			`${origin}/publicaties/0b7f3c2e-5a43-4e0c-9a57-7d1f2c1e9a01/besluitenlijst.pdf`
		]);
		for (const [url, kind] of [
			[urls[0]!, 'agenda'],
			[urls[1]!, 'besluitenlijst']
		] as const) {
			expect(url.lastmod).toBe('2026-12-08T09:15:00.000Z');
			const diwoo = diwooOf(url);
			expect(child(diwoo, 'diwoo:publisher')['@_resource']).toBe(BZK);
			expect(child(diwoo, 'diwoo:publisher')['#text']).toBe(
				'ministerie van Binnenlandse Zaken en Koninkrijksrelaties'
			);
			expect(child(diwoo, 'diwoo:titelcollectie', 'diwoo:officieleTitel')).toBe(
				`${kind === 'agenda' ? 'Agenda' : 'Besluitenlijst'} Overhedenoverleg najaar, 1 december 2026`
			);
			const classes = child(diwoo, 'diwoo:classificatiecollectie');
			const category = child(classes, 'diwoo:informatiecategorieen', 'diwoo:informatiecategorie');
			expect(allowed.informatiecategorie).toContain(category['@_resource']);
			const soort = child(classes, 'diwoo:documentsoorten', 'diwoo:documentsoort');
			expect(soort['@_resource']).toBe(allowed.documentsoort[kind]);
			const handeling = child(diwoo, 'diwoo:documenthandelingen', 'diwoo:documenthandeling');
			expect(allowed.soortHandeling).toContain(
				child(handeling, 'diwoo:soortHandeling')['@_resource']
			);
			const atTime = String(child(handeling, 'diwoo:atTime'));
			expect(atTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
			expect(atTime).toBe(
				kind === 'besluitenlijst' ? '2026-12-05T14:00:00.000Z' : '2026-12-01T09:00:00.000Z'
			);
			expect(child(diwoo, 'diwoo:creatiedatum')).toBe('2026-12-08');
			expect(child(diwoo, 'diwoo:language')['@_resource']).toBe(
				'http://publications.europa.eu/resource/authority/language/NLD'
			);
			expect(child(diwoo, 'diwoo:format')['@_resource']).toBe(
				'http://publications.europa.eu/resource/authority/file-type/PDF'
			);
			// A correction version names its reason from DiWoo's list.
			const reden = child(diwoo, 'diwoo:redenVerwijderingVervanging');
			expect(allowed.reden).toContain(reden['@_resource']);
			expect(reden['#text']).toBe('correctie procedurele fout');
			// Every DiWoo element is in the diwoo namespace (bound on the root above).
			for (const name of Object.keys(diwoo)) expect(name).toMatch(/^diwoo:/);
		}
	});

	it('pins the documents to the version asked for', () => {
		const urlset = parse(diwooXml(samplePublication(), origin, BZK, true));
		expect(urlset.url!.map((url) => url.loc)).toEqual([
			expect.stringMatching(/\/agenda\.pdf\?versie=2$/),
			expect.stringMatching(/\/besluitenlijst\.pdf\?versie=2$/)
		]);
	});

	it('a first version and a correction without a listed reason carry no reason element', () => {
		for (const version of [
			{ number: 1, reason: null, reasonCode: null, note: null },
			{ number: 3, reason: 'Inhoudelijke correctie', reasonCode: null, note: 'Tikfout' }
		]) {
			const urlset = parse(diwooXml(samplePublication(version), origin, BZK, false));
			expect(diwooOf(urlset.url![1]!)).not.toHaveProperty(['diwoo:redenVerwijderingVervanging']);
		}
	});

	it('escapes what people wrote and leaves out control characters, so the XML stays well-formed', () => {
		const publication = samplePublication();
		publication.list.meeting.title = 'Overleg <script>&"\'\u0007 najaar';
		const xml = diwooXml(publication, origin, BZK, false);
		expect(xml).not.toContain('<script>');
		const title = child(
			diwooOf(parse(xml).url![0]!),
			'diwoo:titelcollectie',
			'diwoo:officieleTitel'
		);
		expect(title).toBe('Agenda Overleg <script>&"\' najaar, 1 december 2026');
	});

	it('names a configured publisher by its TOOI URI', () => {
		const fin = 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1090';
		const urlset = parse(diwooXml(samplePublication(), origin, fin, false));
		expect(child(diwooOf(urlset.url![0]!), 'diwoo:publisher')).toMatchObject({
			'@_resource': fin,
			'#text': 'ministerie van Financiën'
		});
	});
});

describe('diwooSitemap', () => {
	it('lists every published document of every publication, with its lastmod and metadata', () => {
		const other = samplePublication({ number: 1, publishedAt: '2026-06-01T08:00:00.000Z' });
		other.list.meeting.id = '5d1a2b3c-0000-4000-8000-00000000abcd';
		const urlset = parse(
			diwooSitemap(
				[
					{ publication: samplePublication(), pinned: false },
					{ publication: other, pinned: false }
				],
				origin,
				BZK
			)
		);
		expect(urlset.url).toHaveLength(4);
		expect(urlset.url!.map((url) => url.lastmod)).toEqual([
			'2026-12-08T09:15:00.000Z',
			'2026-12-08T09:15:00.000Z',
			'2026-06-01T08:00:00.000Z',
			'2026-06-01T08:00:00.000Z'
		]);
		expect(String(urlset.url![3]!.loc)).toContain('5d1a2b3c-0000-4000-8000-00000000abcd');
	});

	it('is a valid empty urlset when nothing is published', () => {
		const urlset = parse(diwooSitemap([], origin, BZK));
		expect(urlset['@_xmlns']).toBe(SITEMAP_NS);
		expect(urlset.url ?? []).toEqual([]);
	});
});
