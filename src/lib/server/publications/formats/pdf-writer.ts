import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/*
 * A tagged, accessible PDF in the house style, on top of pdfkit: the title in the metadata and in
 * the viewer's title bar, the language nl-NL, every piece of text inside a structure element
 * (headings, paragraphs, lists with their labels and bodies, tables with header cells) so that a
 * screen reader reads it in order and the text can be selected and extracted. Fira Sans, the
 * platform's font, is embedded: it has the euro sign and the Dutch letters, and an embedded
 * font gives every glyph its Unicode text.
 */

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
	require.resolve(`@fontsource/fira-sans/files/fira-sans-latin-${weight}-normal.woff`);

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const RULE = '#b3b3b3';
const MARGIN = 64;

export interface DocumentInfo {
	title: string;
	subject: string;
	author: string;
	keywords: string;
	/** When the document was made: the version's publication, so a version's bytes stay stable. */
	createdAt: Date;
}

export class TaggedPdf {
	readonly doc: PDFKit.PDFDocument;
	private readonly root: PDFKit.PDFStructureElement;
	private readonly chunks: Buffer[] = [];
	private readonly done: Promise<Buffer>;

	constructor(info: DocumentInfo) {
		this.doc = new PDFDocument({
			size: 'A4',
			margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
			pdfVersion: '1.7',
			tagged: true,
			lang: 'nl-NL',
			displayTitle: true,
			info: {
				Title: info.title,
				Subject: info.subject,
				Author: info.author,
				Keywords: info.keywords,
				Creator: info.author,
				CreationDate: info.createdAt,
				ModDate: info.createdAt
			}
		});
		this.doc.registerFont('regular', font(400));
		this.doc.registerFont('bold', font(700));
		this.doc.font('regular').fontSize(10.5).fillColor(INK);
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
		this.done = new Promise((resolve, reject) => {
			this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
			this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
			this.doc.on('error', reject);
		});
	}

	private get width() {
		return this.doc.page.width - MARGIN * 2;
	}

	/** Keeps a heading with at least a few lines of what follows it. */
	private keepRoom(points: number) {
		if (this.doc.y + points > this.doc.page.height - MARGIN) this.doc.addPage();
	}

	/** The platform's name above the title, small and quiet. */
	masthead(name: string, tagline: string) {
		this.doc.font('bold').fontSize(10).fillColor(INK);
		this.doc.text(name, { structParent: this.root, structType: 'P' });
		this.doc.font('regular').fontSize(9).fillColor(MUTED);
		this.doc.text(tagline, { structParent: this.root, structType: 'P' });
		this.rule();
		this.doc.fillColor(INK).fontSize(10.5);
	}

	heading(level: 1 | 2 | 3, text: string) {
		const size = { 1: 18, 2: 13, 3: 11 }[level];
		this.keepRoom(size * 4);
		this.doc.moveDown(level === 1 ? 0.3 : 0.8);
		this.doc.font('bold').fontSize(size).fillColor(INK);
		this.doc.text(text, { structParent: this.root, structType: `H${level}`, width: this.width });
		this.doc.moveDown(0.25);
		this.doc.font('regular').fontSize(10.5);
	}

	paragraph(text: string, options: { bold?: boolean; muted?: boolean } = {}) {
		this.doc
			.font(options.bold ? 'bold' : 'regular')
			.fontSize(10.5)
			.fillColor(options.muted ? MUTED : INK);
		this.doc.text(text, { structParent: this.root, structType: 'P', width: this.width });
		this.doc.font('regular').fillColor(INK);
		this.doc.moveDown(0.3);
	}

	/** A list as L > LI > (Lbl, LBody); numbered for dicta, bullets otherwise. */
	list(items: readonly string[], numbered: boolean) {
		if (items.length === 0) return;
		const list = this.doc.struct('L');
		this.root.add(list);
		this.doc.font('regular').fontSize(10.5).fillColor(INK);
		this.doc.list([...items], MARGIN, this.doc.y, {
			structParent: list,
			listType: numbered ? 'numbered' : 'bullet',
			bulletRadius: 2,
			width: this.width,
			paragraphGap: 3
		});
		list.end();
		this.doc.x = MARGIN;
		this.doc.moveDown(0.4);
	}

	/**
	 * A table with a header row (TH, scope Column) and body cells (TD); with `rowHeaders` the first
	 * cell of each row is a TH for its row, as in a list of properties ("Datum", "Plaats").
	 */
	table(
		header: readonly string[] | null,
		rows: readonly (readonly string[])[],
		widths: readonly number[],
		rowHeaders = false
	) {
		this.doc.font('regular').fontSize(10).fillColor(INK);
		const cell = (text: string, type: 'TH' | 'TD', scope?: 'Column' | 'Row') => ({
			text,
			type,
			...(scope ? { scope } : {}),
			font: type === 'TH' ? { src: 'bold' } : { src: 'regular' },
			padding: [3, 6, 3, 0] as [number, number, number, number]
		});
		const body = rows.map((row) =>
			row.map((text, index) =>
				rowHeaders && index === 0 ? cell(text, 'TH', 'Row') : cell(text, 'TD')
			)
		);
		const data = header ? [header.map((text) => cell(text, 'TH', 'Column')), ...body] : body;
		this.doc.x = MARGIN;
		// pdfkit's types do not list structParent for tables yet; its tables take it (TR, TH, TD).
		const options = {
			structParent: this.root,
			columnStyles: widths.map((share) => this.width * share),
			defaultStyle: { border: [0, 0, 0.5, 0], borderColor: RULE },
			rowStyles: (index: number) => (header && index === 0 ? { border: [0, 0, 1, 0] } : {}),
			data
		};
		this.doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData);
		this.doc.x = MARGIN;
		this.doc.moveDown(0.6);
	}

	rule() {
		this.doc.moveDown(0.4);
		const y = this.doc.y;
		// A line is decoration: an artifact, outside the structure a screen reader reads.
		this.doc.markContent('Artifact', { type: 'Layout' });
		this.doc
			.moveTo(MARGIN, y)
			.lineTo(MARGIN + this.width, y)
			.lineWidth(0.5)
			.strokeColor(RULE)
			.stroke();
		this.doc.endMarkedContent();
		this.doc.moveDown(0.6);
	}

	async finish(): Promise<Buffer> {
		this.root.end();
		this.doc.end();
		return this.done;
	}
}
