import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { InvalidInputError } from '../kernel/errors';
import { inspectZip, zipRefusal } from './zip-limits';

/** 25 MB, the limit the issue sets. server.js lets a request of this size through. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * The accepted types, by the media type the content shows, with the names a file may carry.
 * `zip`: a ZIP container, whose unpacked size is checked; `image`: checked for hidden markup.
 */
export const acceptedTypes: Record<
	string,
	{ label: string; extensions: string[]; zip?: true; image?: true }
> = {
	'application/pdf': { label: 'PDF', extensions: ['pdf'] },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
		label: 'Word (DOCX)',
		extensions: ['docx'],
		zip: true
	},
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
		label: 'Excel (XLSX)',
		extensions: ['xlsx'],
		zip: true
	},
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
		label: 'PowerPoint (PPTX)',
		extensions: ['pptx'],
		zip: true
	},
	'application/vnd.oasis.opendocument.text': {
		label: 'OpenDocument-tekst (ODT)',
		extensions: ['odt'],
		zip: true
	},
	'application/vnd.oasis.opendocument.spreadsheet': {
		label: 'OpenDocument-rekenblad (ODS)',
		extensions: ['ods'],
		zip: true
	},
	'image/png': { label: 'PNG-afbeelding', extensions: ['png'], image: true },
	'image/jpeg': { label: 'JPEG-afbeelding', extensions: ['jpg', 'jpeg'], image: true }
};

/** For the file picker's accept attribute: a hint only; the server decides by content. */
export const acceptAttribute = Object.values(acceptedTypes)
	.flatMap((type) => type.extensions.map((extension) => `.${extension}`))
	.join(',');

const notAllowed =
	'Dit bestandstype is niet toegestaan. Kies een PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument (ODT, ODS), PNG of JPEG.';

/**
 * A name safe to store and to send back: no folders, no control or reserved characters, at most
 * 200 characters (keeping the extension).
 */
export function sanitiseFilename(raw: string): string {
	const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
	let name = base
		.replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+|[.\s]+$/g, '');
	if (name.length > 200) {
		const dot = name.lastIndexOf('.');
		const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
		name = name.slice(0, 200 - extension.length).trimEnd() + extension;
	}
	return name || 'bijlage';
}

function extensionOf(name: string): string | null {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

export interface CheckedFile {
	filename: string;
	mediaType: string;
	size: number;
	sha256: string;
}

/**
 * Decides the type by the content (file-type reads the magic numbers and, for the zip containers
 * of Office and OpenDocument, the entries inside). A name that claims another type is refused, so a
 * renamed file never reaches a reader under a false name. A name without extension gets one.
 */
export async function checkFile(rawName: string, bytes: Uint8Array): Promise<CheckedFile> {
	if (bytes.length === 0) throw new InvalidInputError({ file: 'Het bestand is leeg.' });
	if (bytes.length > MAX_ATTACHMENT_BYTES)
		throw new InvalidInputError({
			file: 'Het bestand is groter dan 25 MB. Verklein het of splits het op.'
		});
	let filename = sanitiseFilename(rawName);
	const detected = await fileTypeFromBuffer(bytes);
	const type = detected ? acceptedTypes[detected.mime] : undefined;
	if (!detected || !type) throw new InvalidInputError({ file: notAllowed });
	const extension = extensionOf(filename);
	if (
		extension === null ||
		!Object.values(acceptedTypes).some((t) => t.extensions.includes(extension))
	) {
		filename = `${filename}.${type.extensions[0]}`;
	} else if (!type.extensions.includes(extension)) {
		throw new InvalidInputError({
			file: `De naam eindigt op .${extension}, maar de inhoud is ${type.label}. Geef het bestand de juiste naam of kies het goede bestand.`
		});
	}
	if (type.zip) {
		const verdict = await inspectZip(bytes);
		if (verdict !== 'ok') throw new InvalidInputError({ file: zipRefusal(verdict) });
	}
	if (type.image && hidesMarkup(bytes))
		throw new InvalidInputError({
			file: "Deze afbeelding bevat ook HTML of script. Zo'n bestand nemen we niet aan. Sla de afbeelding opnieuw op (bijvoorbeeld als schermafdruk) en probeer het nog eens."
		});
	return {
		filename,
		mediaType: detected.mime,
		size: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex')
	};
}

/**
 * An image that is also an HTML page (a polyglot) would run as one if a browser ever sniffed it
 * as HTML. Downloads are sent with the detected type, nosniff and a sandbox CSP, so this is a
 * second line: a tag name followed by a space, `/` or `>` almost never occurs by chance in
 * compressed image data (about once in a million 2 MB photos), and a sniffer only sees raw bytes.
 */
function hidesMarkup(bytes: Uint8Array): boolean {
	return /<(?:script|html|iframe)[\s/>]/i.test(
		Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
	);
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback for old clients and the exact
 * name as UTF-8 in filename* (RFC 8187).
 */
export function contentDisposition(filename: string): string {
	const fallback = filename
		.normalize('NFKD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/["\\%]/g, '_')
		.trim();
	const encoded = encodeURIComponent(filename).replace(
		/['()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${fallback || 'bijlage'}"; filename*=UTF-8''${encoded}`;
}
