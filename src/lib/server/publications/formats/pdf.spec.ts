import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { agendaPdf, besluitenlijstPdf } from './pdf';
import { samplePublication } from './sample-publication';

/** Reads a PDF as a reader would: its text per page, its metadata and its structure tree. */
async function read(bytes: Buffer) {
	const task = getDocument({
		data: new Uint8Array(bytes),
		useSystemFonts: false
	});
	const pdf = await task.promise;
	const pages: string[] = [];
	const trees: unknown[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const page = await pdf.getPage(number);
		const content = await page.getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
		trees.push(await page.getStructTree());
	}
	const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
	// pdf.js answers the catalog's MarkInfo as a Map.
	const marks: unknown = await pdf.getMarkInfo();
	const markInfo = (marks instanceof Map ? Object.fromEntries(marks) : marks) as {
		Marked?: boolean;
	} | null;
	await task.destroy();
	return { text: pages.join('\n').replace(/\s+/g, ' '), info, markInfo, trees };
}

/** Every role in a structure tree, depth first. */
function roles(node: unknown, found: string[] = []): string[] {
	if (node && typeof node === 'object') {
		const { role, children } = node as { role?: string; children?: unknown[] };
		if (role) found.push(role);
		for (const child of children ?? []) roles(child, found);
	}
	return found;
}

describe('besluitenlijstPdf', () => {
	it('holds the title, the decisions’ dicta, the toezegging and the version, as selectable text', async () => {
		const bytes = await besluitenlijstPdf(samplePublication());
		const { text, info } = await read(bytes);
		const title = 'Besluitenlijst Overhedenoverleg najaar, 1 december 2026';
		expect(info.Title).toBe(title);
		expect(info.Language).toBe('nl-NL');
		expect(text).toContain(title);
		expect(text).toContain('Overhedenoverleg');
		expect(text).toContain('10:00–12:00 uur');
		expect(text).toContain('Den Haag, Ministerie van BZK');
		expect(text).toContain('Besluit:');
		expect(text).toContain('de afspraken over de jeugdzorg vast te stellen;');
		expect(text).toContain('de BOFv te vragen de verwerking in de meicirculaire voor te bereiden.');
		expect(text).toContain('kennis te nemen van de eerste ervaringen met de UDO.');
		expect(text).toContain('Hamerstuk');
		expect(text).toContain(
			'Ministerie van Financiën (het Rijk): zoekt compensatie voor 50% van de tekorten 2023–2024, uiterlijk 1 maart 2027.'
		);
		expect(text).toContain('Geen reactie ontvangen van de Unie van Waterschappen.');
		expect(text).toContain('Versie 2, gepubliceerd op 8 december 2026');
		expect(text).toContain(
			'Correctie procedurele fout: Punt 2 was aangenomen, niet ter kennisgeving.'
		);
		expect(text).toContain('1 agendapunt is vertrouwelijk');
		// The order in which the items were dealt with: item 2 (a hamerstuk) came first.
		expect(text.indexOf('2. Uitvoerbaarheidstoets')).toBeLessThan(text.indexOf('1. Jeugdzorg'));
	});

	it('is a tagged PDF: marked, in Dutch, its title shown, with headings, lists and a table', async () => {
		const bytes = await besluitenlijstPdf(samplePublication());
		const raw = bytes.toString('latin1');
		// The catalog points at its MarkInfo dictionary, which says the document is marked.
		const markInfo = /\/MarkInfo (\d+) 0 R/.exec(raw)?.[1];
		expect(raw).toMatch(new RegExp(`\\n${markInfo} 0 obj\\s*<<\\s*/Marked true`));
		expect(raw).toMatch(/\/Lang \(nl-NL\)/);
		expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
		expect(raw).toMatch(/\/DisplayDocTitle true/);
		const read_ = await read(bytes);
		expect(read_.markInfo?.Marked).toBe(true);
		const trees = read_.trees;
		const found = trees.flatMap((tree) => roles(tree));
		for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'])
			expect(found, role).toContain(role);
	});

	it('embeds a font with the euro sign and Dutch letters, so the text comes out as written', async () => {
		const publication = samplePublication();
		publication.list.decisions[0]!.dicta = ['€ 3 mld voor gemeenten, geïnd en gecoördineerd.'];
		const { text } = await read(await besluitenlijstPdf(publication));
		expect(text).toContain('€ 3 mld voor gemeenten, geïnd en gecoördineerd.');
		const raw = (await besluitenlijstPdf(publication)).toString('latin1');
		expect(raw).toMatch(/\/FontFile2|\/FontFile3/);
		expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
	});

	it('says so when nothing was decided in public, and leaves out a first version’s correction line', async () => {
		const publication = samplePublication({
			number: 1,
			reason: null,
			reasonCode: null,
			note: null
		});
		publication.list.decisions = [];
		publication.list.noResponseParties = [];
		const { text } = await read(await besluitenlijstPdf(publication));
		expect(text).toContain('Er zijn geen openbare besluiten.');
		expect(text).not.toContain('Correctie');
		expect(text).not.toContain('Geen reactie ontvangen');
	});
});

describe('agendaPdf', () => {
	it('lists the openbare items in agenda order with purpose, proposer and attachments', async () => {
		const { text, info } = await read(await agendaPdf(samplePublication()));
		expect(info.Title).toBe('Agenda Overhedenoverleg najaar, 1 december 2026');
		expect(text).toContain('Ter besluitvorming');
		expect(text).toContain('Ter informatie');
		expect(text).toContain('VNG');
		expect(text).toContain('Brief jeugdzorg.pdf');
		expect(text).toContain('€ 414 mln in 2025');
		expect(text.indexOf('1. Jeugdzorg')).toBeLessThan(text.indexOf('2. Uitvoerbaarheidstoets'));
		expect(text).not.toContain('Besluit:');
	});
});
