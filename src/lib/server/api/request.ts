import type { Actor } from '../access';
import { findUnfitText } from '../kernel/text';
import { ApiProblem, invalid } from './problems';

/** Far above the largest valid body (a summary of 20,000 characters), far below harm. */
export const MAX_JSON_BYTES = 256 * 1024;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isWrite = (request: Request) => WRITE_METHODS.has(request.method);

function mediaType(request: Request): string | null {
	const header = request.headers.get('content-type');
	return header ? header.split(';')[0]!.trim().toLowerCase() : null;
}

const isJsonType = (type: string | null) =>
	type === 'application/json' || (type !== null && /^application\/[a-z0-9.+-]+\+json$/.test(type));

/**
 * Cross-site request forgery, for writes that ride on the session cookie. SvelteKit's origin check
 * only covers form content types; a cross-site page can still send a "simple" request. So a cookie
 * write must say it is JSON (which a cross-site page cannot send without a CORS preflight, and we
 * allow none), and when the browser names the Origin it must be ours. Bearer tokens are not sent
 * by browsers on their own, so they need neither.
 */
export function guardCookieWrite(
	request: Request,
	url: URL,
	actor: Actor,
	body: 'json' | 'multipart' | 'none'
) {
	if (actor.via !== 'session' || !isWrite(request)) return;
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== url.origin)
		throw new ApiProblem(
			403,
			'Geen toegang',
			'Dit verzoek komt van een andere website en is daarom geweigerd.'
		);
	if (body === 'multipart') {
		// A form can send multipart across sites: then the browser always names its Origin.
		if (origin === null)
			throw new ApiProblem(
				403,
				'Geen toegang',
				'Een upload met een sessie moet een Origin meesturen.'
			);
		return;
	}
	if (request.method !== 'DELETE' && !isJsonType(mediaType(request)))
		throw new ApiProblem(
			415,
			'Verkeerd inhoudstype',
			'Stuur schrijfverzoeken als "Content-Type: application/json".'
		);
}

/**
 * The JSON body as an unknown value for a verb to validate; `{}` when there is none. Refuses other
 * content types (415), bodies that are too large (413), text that is not JSON (400), and any string
 * or key holding a character that is not text (400 naming its path; see kernel/text.ts).
 */
export async function readJson(request: Request): Promise<unknown> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) throw tooLarge();
	if (!request.body) return {};
	const bytes = await readLimited(request.body, MAX_JSON_BYTES);
	if (bytes.length === 0) return {};
	if (!isJsonType(mediaType(request)))
		throw new ApiProblem(
			415,
			'Verkeerd inhoudstype',
			'Stuur de gegevens als JSON, met "Content-Type: application/json".'
		);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw invalid('', 'De gegevens zijn geen geldige UTF-8-tekst.');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw invalid('', 'De gegevens zijn geen geldige JSON.');
	}
	// Every body of this API is an object; `null` would otherwise read as "no fields at all".
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw invalid('', 'Stuur de gegevens als een JSON-object.');
	// The catch-all behind every schema's own check: such a string never reaches the database.
	const unfit = findUnfitText(value);
	if (unfit) throw invalid(unfit.field, unfit.message);
	return value;
}

const tooLarge = () =>
	new ApiProblem(
		413,
		'Te groot',
		`Stuur hoogstens ${MAX_JSON_BYTES / 1024} kB aan gegevens per verzoek.`
	);

async function readLimited(stream: ReadableStream<Uint8Array>, limit: number) {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/**
 * The version a write was made against, from `If-Match: "<version>"`. Without it: 428, so a client
 * cannot overwrite someone else's change by forgetting to say which version it edited.
 */
export function requiredVersion(request: Request): number {
	const header = request.headers.get('if-match');
	if (header === null)
		throw new ApiProblem(
			428,
			'Versie vereist',
			'Stuur de versie die u bewerkt mee als "If-Match" (de ETag van de laatste GET).'
		);
	const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
	const version = match ? Number(match[1]) : NaN;
	if (!Number.isInteger(version) || version < 1)
		throw invalid('If-Match', 'Stuur in If-Match precies één versie als ETag, bijvoorbeeld "3".');
	return version;
}

export const etag = (version: number) => `"${version}"`;

/**
 * A query string as a plain object for a verb's zod schema (the last value of a name wins, but a
 * name in `repeated` keeps all its values: a list twice, an array, `?status=a&status=b`). A name
 * or value with a character that is not text (`?q=%00`) is refused here, as in a JSON body.
 */
export function queryObject(
	url: URL,
	repeated: readonly string[] = []
): Record<string, string | string[]> {
	for (const [name, value] of url.searchParams) {
		const unfit = findUnfitText({ [name]: value });
		if (unfit) throw invalid(unfit.field, unfit.message);
	}
	const query: Record<string, string | string[]> = Object.fromEntries(url.searchParams);
	for (const name of repeated) {
		const values = url.searchParams.getAll(name);
		if (values.length > 1) query[name] = values;
	}
	return query;
}
