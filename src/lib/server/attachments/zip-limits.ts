import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { promisify } from 'node:util';

/**
 * What a ZIP container (every DOCX, XLSX, PPTX, ODT and ODS) may unpack to. A reader's Word or
 * LibreOffice inflates every entry it lists, so a 200 KB file that inflates to gigabytes hangs or
 * crashes the reader's machine. Real documents stay far below these numbers: the attachment itself
 * is at most 25 MB, and office XML compresses about 5 to 20 times.
 */
export const ZIP_LIMITS = {
	/** Inflated size of all entries together. */
	totalBytes: 100 * 1024 * 1024,
	entries: 10_000,
	/**
	 * Inflated size ÷ compressed size of one entry. Apache POI's ZipSecureFile stops at 100, which
	 * a sheet of many identical rows can pass; the total above carries the defence, and this stops
	 * a bomb of zeros (deflate reaches about 1000) early, before it has cost 100 MB of work.
	 */
	ratio: 200,
	/** An entry this small may compress as well as it likes (an empty sheet of zeros is tiny). */
	ratioGraceBytes: 5 * 1024 * 1024
};

export type ZipLimits = typeof ZIP_LIMITS;

export type ZipVerdict = 'ok' | 'too-large' | 'too-many-entries' | 'too-compressed' | 'damaged';

const open = promisify(
	yauzl.fromBuffer as (
		buffer: Buffer,
		options: yauzl.Options,
		callback: (error: Error | null, zip: ZipFile) => void
	) => void
);

/**
 * Walks the central directory, as the readers do, and inflates every entry while counting what
 * comes out, stopping at the first limit passed. The declared sizes are summed first (a cheap
 * refusal of an honest bomb), but not trusted: yauzl fails an entry that inflates past its declared
 * size, and the running count below stops at the limit whatever the directory says.
 */
export async function inspectZip(
	bytes: Uint8Array,
	limits: ZipLimits = ZIP_LIMITS
): Promise<ZipVerdict> {
	let zip: ZipFile;
	try {
		zip = await open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
			lazyEntries: true,
			validateEntrySizes: true,
			decodeStrings: true
		});
	} catch {
		return 'damaged';
	}
	// yauzl reports a broken entry as an 'error' event; nextEntry listens while it reads, and this
	// keeps a late one (after we stopped reading) from becoming an uncaught exception.
	zip.on('error', () => {});
	try {
		if (zip.entryCount > limits.entries) return 'too-many-entries';
		let declared = 0;
		let inflated = 0;
		for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
			declared += entry.uncompressedSize;
			if (declared > limits.totalBytes) return 'too-large';
			const verdict = await inflateEntry(zip, entry, limits, (count) => {
				inflated += count;
				return inflated > limits.totalBytes;
			});
			if (verdict !== 'ok') return verdict;
		}
		return 'ok';
	} catch {
		// A broken directory, an unknown compression method, a bad deflate stream, an entry that
		// inflates past its declared size: no reader could open this file as it is.
		return 'damaged';
	} finally {
		zip.close();
	}
}

/** The next entry of the central directory, or null after the last. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
	return new Promise((resolve, reject) => {
		const settle = (finish: () => void) => () => {
			zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
			finish();
		};
		const onEntry = (entry: Entry) => settle(() => resolve(entry))();
		const onEnd = settle(() => resolve(null));
		const onError = (error: Error) => settle(() => reject(error))();
		zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
		zip.readEntry();
	});
}

/** Inflates one entry; `addToTotal` answers true once the whole file has passed its limit. */
async function inflateEntry(
	zip: ZipFile,
	entry: Entry,
	limits: ZipLimits,
	addToTotal: (count: number) => boolean
): Promise<ZipVerdict> {
	if (entry.fileName.endsWith('/')) return 'ok';
	const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
		zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable)))
	);
	let count = 0;
	// Leaving the loop early destroys the stream, so nothing more is inflated.
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		count += chunk.length;
		if (addToTotal(chunk.length)) return 'too-large';
		if (count > limits.ratioGraceBytes && count / Math.max(entry.compressedSize, 1) > limits.ratio)
			return 'too-compressed';
	}
	return 'ok';
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Why a container was refused, in Dutch, for the file field. */
export function zipRefusal(verdict: Exclude<ZipVerdict, 'ok'>, limits: ZipLimits = ZIP_LIMITS) {
	const hangs =
		"Zo'n bestand nemen we niet aan: het kan de computer van wie het opent laten vastlopen.";
	const resave =
		'Sla het opnieuw op vanuit het programma waarmee het gemaakt is, of splits het op.';
	switch (verdict) {
		case 'too-large':
			return `Dit bestand pakt bij het openen uit tot meer dan ${mb(limits.totalBytes)}. ${hangs} ${resave}`;
		case 'too-many-entries':
			return `Dit bestand bestaat uit meer dan ${limits.entries.toLocaleString('nl-NL')} onderdelen. ${hangs} ${resave}`;
		case 'too-compressed':
			return `Dit bestand is ongewoon sterk ingepakt: een onderdeel wordt bij het openen meer dan ${limits.ratio} keer zo groot. ${hangs} ${resave}`;
		case 'damaged':
			return `Dit bestand is beschadigd: het laat zich niet uitpakken. ${resave}`;
	}
}
