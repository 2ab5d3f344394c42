import { crc32 } from 'node:zlib';

/**
 * Small but real files of every accepted type, built in memory, so the content sniffing is tested
 * on the formats themselves. Office and OpenDocument files are zip containers: a stored (not
 * compressed) zip is enough for the detector and keeps this writer short.
 */
export function storedZip(entries: [name: string, content: string][]): Uint8Array {
	const encoder = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const [name, text] of entries) {
		const nameBytes = encoder.encode(name);
		const data = encoder.encode(text);
		const crc = crc32(data);
		const local = new Uint8Array(30 + nameBytes.length + data.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		lv.setUint16(4, 20, true);
		lv.setUint32(14, crc, true);
		lv.setUint32(18, data.length, true);
		lv.setUint32(22, data.length, true);
		lv.setUint16(26, nameBytes.length, true);
		local.set(nameBytes, 30);
		local.set(data, 30 + nameBytes.length);
		const central = new Uint8Array(46 + nameBytes.length);
		const cv = new DataView(central.buffer);
		cv.setUint32(0, 0x02014b50, true);
		cv.setUint16(4, 20, true);
		cv.setUint16(6, 20, true);
		cv.setUint32(16, crc, true);
		cv.setUint32(20, data.length, true);
		cv.setUint32(24, data.length, true);
		cv.setUint16(28, nameBytes.length, true);
		cv.setUint32(42, offset, true);
		central.set(nameBytes, 46);
		locals.push(local);
		centrals.push(central);
		offset += local.length;
	}
	const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, entries.length, true);
	ev.setUint16(10, entries.length, true);
	ev.setUint32(12, centralSize, true);
	ev.setUint32(16, offset, true);
	return concat([...locals, ...centrals, end]);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

const contentTypes = (main: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/main.xml" ContentType="${main}"/></Types>`;

const openDocument = (mime: string) =>
	storedZip([
		['mimetype', mime],
		['content.xml', '<office:document-content/>']
	]);

export const samples = {
	pdf: new TextEncoder().encode(
		'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
	),
	png: Uint8Array.from(
		Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
			'base64'
		)
	),
	jpeg: Uint8Array.from([
		0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
		0x00, 0x01, 0x00, 0x00, 0xff, 0xd9
	]),
	docx: storedZip([
		[
			'[Content_Types].xml',
			contentTypes(
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
			)
		],
		['word/document.xml', '<w:document/>']
	]),
	xlsx: storedZip([
		[
			'[Content_Types].xml',
			contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')
		],
		['xl/workbook.xml', '<workbook/>']
	]),
	pptx: storedZip([
		[
			'[Content_Types].xml',
			contentTypes(
				'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'
			)
		],
		['ppt/presentation.xml', '<p:presentation/>']
	]),
	odt: openDocument('application/vnd.oasis.opendocument.text'),
	ods: openDocument('application/vnd.oasis.opendocument.spreadsheet'),
	/** A plain zip: a container, but none of the accepted formats. */
	zip: storedZip([['notes.txt', 'hallo']]),
	text: new TextEncoder().encode('Dit is gewoon tekst, geen PDF.\n')
};
