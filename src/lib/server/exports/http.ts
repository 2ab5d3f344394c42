import { toCsv, toXlsx, type Book } from './spreadsheet';

/* How an export is answered: its media type, a safe file name and the download's headers. */

export type ExportFormat = 'xlsx' | 'csv';

export const mediaTypes: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	// RFC 4180's media type; header=present says the first record names the columns.
	csv: 'text/csv; charset=utf-8; header=present'
};

/** "Sectorale tafel Jeugd & Zorg" → "sectorale-tafel-jeugd-zorg": ASCII only, nothing to escape. */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * "besluitenlijst-overhedenoverleg-2026-05-12.xlsx": the parts as slugs, so the name needs no
 * quoting rules of its own in Content-Disposition and is valid on every file system.
 */
export function exportFilename(parts: readonly string[], format: ExportFormat): string {
	const name = parts.map(slug).filter(Boolean).join('-').slice(0, 120).replace(/-+$/, '');
	return `${name || 'export'}.${format}`;
}

const SAFE_FILENAME = /^[a-z0-9][a-z0-9-]*\.(xlsx|csv)$/;

/** A download under a name exportFilename made; anything else is a bug, never sent as a header. */
export function contentDisposition(filename: string): string {
	if (!SAFE_FILENAME.test(filename)) throw new TypeError(`Onveilige bestandsnaam: ${filename}`);
	return `attachment; filename="${filename}"`;
}

/** The file itself: the CSV holds the book's first sheet, the XLSX all of them. */
export async function spreadsheetFile(format: ExportFormat, book: Book, filename: string) {
	const body =
		format === 'xlsx' ? await toXlsx(book) : new TextEncoder().encode(toCsv(book.sheets[0]!));
	return { body, contentType: mediaTypes[format], filename };
}

/** The download for a signed-in reader: private, never stored by a shared cache. */
export async function spreadsheetResponse(
	format: ExportFormat,
	book: Book,
	filename: string
): Promise<Response> {
	const file = await spreadsheetFile(format, book, filename);
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': contentDisposition(file.filename),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
