import { getLocale } from '$lib/paraglide/runtime';

/*
 * How a file reads in a list (an item's attachments, a progress report's): the short name of its
 * type and its size, in the page's language.
 */

/** The types the server accepts, by the media type it detected from the content. */
const typeLabels: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG'
};

export const fileTypeLabel = (mediaType: string) => typeLabels[mediaType] ?? mediaType;

/** A hint for the file picker; the server decides by the content. */
export const acceptedFiles = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.png,.jpg,.jpeg';

/** The largest file (and upload) the server takes: stopped before it is sent, with scripts. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export function formatSize(bytes: number): string {
	const locale = getLocale() === 'nl' ? 'nl-NL' : 'en-GB';
	const [value, unit] =
		bytes >= 1024 * 1024
			? [bytes / (1024 * 1024), 'MB']
			: bytes >= 1024
				? [bytes / 1024, 'kB']
				: [bytes, 'B'];
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
