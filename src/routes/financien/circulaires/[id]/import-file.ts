import { createHash } from 'node:crypto';

/*
 * The uploaded table between its preview and its import: the preview page carries the file's
 * bytes in a hidden field (base64; a file of at most 5 MB stays well within a form post) with
 * their sha256, so that the person need not choose the file again and the import reads exactly
 * the bytes the preview showed. The import checks everything again anyway (all or nothing).
 */

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const tooLarge = 'Dit bestand is groter dan 5 MB. Splits het in kleinere bestanden.';
export const noFile = 'Kies een CSV- of Excelbestand (XLSX).';
export const changed =
	'Het bestand is onderweg veranderd. Kies het opnieuw en bekijk het voorbeeld nog eens.';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface CarriedFile {
	fileName: string;
	data: string;
	sha256: string;
}

export function carry(fileName: string, bytes: Uint8Array): CarriedFile {
	return { fileName, data: Buffer.from(bytes).toString('base64'), sha256: sha256(bytes) };
}

/** The bytes of a carried file, or null when they are not what the preview showed. */
export function unpack(file: CarriedFile): Uint8Array | null {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.data)) return null;
	const bytes = new Uint8Array(Buffer.from(file.data, 'base64'));
	if (bytes.byteLength === 0 || bytes.byteLength > MAX_IMPORT_BYTES) return null;
	return sha256(bytes) === file.sha256 ? bytes : null;
}
