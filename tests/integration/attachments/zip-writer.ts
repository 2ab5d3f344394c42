import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A ZIP writer for the tests of the unpack limits: deflated entries, entries of many megabytes of
 * zeros made without holding them in memory, and directories that lie about the sizes.
 */
export interface ZipEntry {
	name: string;
	/** The entry's content; or `zeros` bytes of 0, deflated as a stream. */
	text?: string;
	zeros?: number;
	/** The uncompressed size the headers claim, when it should not be the real one. */
	declaredSize?: number;
}

interface Packed {
	name: Uint8Array;
	data: Uint8Array;
	crc: number;
	size: number;
}

async function deflateZeros(count: number): Promise<Packed['data']> {
	const chunk = new Uint8Array(1024 * 1024);
	const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
	const parts: Buffer[] = [];
	deflate.on('data', (part: Buffer) => parts.push(part));
	const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
	for (let left = count; left > 0; left -= chunk.length) {
		const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
		if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
	}
	deflate.end();
	await done;
	return Buffer.concat(parts);
}

function zerosCrc(count: number): number {
	const chunk = new Uint8Array(1024 * 1024);
	let crc = 0;
	for (let left = count; left > 0; left -= chunk.length)
		crc = crc32(left >= chunk.length ? chunk : chunk.subarray(0, left), crc);
	return crc;
}

async function pack(entry: ZipEntry): Promise<Packed> {
	const name = new TextEncoder().encode(entry.name);
	if (entry.zeros !== undefined) {
		return {
			name,
			data: await deflateZeros(entry.zeros),
			crc: zerosCrc(entry.zeros),
			size: entry.declaredSize ?? entry.zeros
		};
	}
	const content = new TextEncoder().encode(entry.text ?? '');
	return {
		name,
		data: deflateRawSync(content),
		crc: crc32(content),
		size: entry.declaredSize ?? content.length
	};
}

/** A ZIP file whose entries are all deflated (method 8), as Office writes them. */
export async function deflatedZip(entries: ZipEntry[]): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const entry of entries) {
		const { name, data, crc, size } = await pack(entry);
		const local = new Uint8Array(30 + name.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		lv.setUint16(4, 20, true);
		lv.setUint16(8, 8, true);
		lv.setUint32(14, crc, true);
		lv.setUint32(18, data.length, true);
		lv.setUint32(22, size, true);
		lv.setUint16(26, name.length, true);
		local.set(name, 30);
		const central = new Uint8Array(46 + name.length);
		const cv = new DataView(central.buffer);
		cv.setUint32(0, 0x02014b50, true);
		cv.setUint16(4, 20, true);
		cv.setUint16(6, 20, true);
		cv.setUint16(10, 8, true);
		cv.setUint32(16, crc, true);
		cv.setUint32(20, data.length, true);
		cv.setUint32(24, size, true);
		cv.setUint16(28, name.length, true);
		cv.setUint32(42, offset, true);
		central.set(name, 46);
		parts.push(local, data);
		centrals.push(central);
		offset += local.length + data.length;
	}
	const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, entries.length, true);
	ev.setUint16(10, entries.length, true);
	ev.setUint32(12, centralSize, true);
	ev.setUint32(16, offset, true);
	return Buffer.concat([...parts, ...centrals, end]);
}

/** The two entries that make file-type call it a DOCX, then whatever else the test adds. */
export const docxEntries: ZipEntry[] = [
	{
		name: '[Content_Types].xml',
		text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
	},
	{ name: 'word/document.xml', text: '<w:document/>' }
];
