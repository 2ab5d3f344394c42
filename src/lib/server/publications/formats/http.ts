import { AccessError } from '../../access';
import { config } from '../../config';
import { problem } from '../../http/problem';
import { getPublication, type Publication } from '../index';

/*
 * How the format routes answer, the same for each: the newest version or `?versie=N`, a 404 for
 * anything unpublished or unknown (the same for every case, as the public pages), a 400 for a
 * versie that is no number, and caching that suits what never changes: a numbered version is
 * immutable, the newest may be followed by a correction, so it is cached briefly.
 */

/** Raised when the format changes, so caches drop what the old code made from the same version. */
const FORMAT_REVISION = 1;

export type FormatAnswer =
	{ body: string | Uint8Array; contentType: string; filename?: string } | Response;

export interface FormatRequest {
	params: { id: string };
	url: URL;
	request: Request;
}

/** `?versie=N`: a positive whole number, undefined when absent, null when it is something else. */
export function requestedVersion(url: URL): number | undefined | null {
	const raw = url.searchParams.get('versie');
	if (raw === null) return undefined;
	return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

const VERSION_MESSAGE = 'Een versie is een geheel getal vanaf 1, bijvoorbeeld ?versie=1.';

function refusal(status: 400 | 404, json: boolean): Response {
	const headers = { 'cache-control': 'no-store' };
	if (json)
		return status === 400
			? problem(400, 'Ongeldige versie', VERSION_MESSAGE, {}, headers)
			: problem(404, 'Niet gevonden', 'Deze publicatie bestaat niet.', {}, headers);
	return new Response(status === 400 ? VERSION_MESSAGE : 'Deze publicatie bestaat niet.', {
		status,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
}

/** The publisher the formats name (PUBLISHER_TOOI). */
export const publisher = () => config().PUBLISHER_TOOI;

/** Answers one published document of a meeting, rendered from its publication. */
export async function answerPublication(
	event: FormatRequest,
	render: (publication: Publication, pinned: boolean) => Promise<FormatAnswer> | FormatAnswer,
	options: { json?: boolean } = {}
): Promise<Response> {
	const json = options.json ?? false;
	const version = requestedVersion(event.url);
	if (version === null) return refusal(400, json);
	let publication: Publication;
	try {
		publication = await getPublication(event.params.id, version);
	} catch (caught) {
		if (caught instanceof AccessError) return refusal(404, json);
		throw caught;
	}
	const pinned = version !== undefined;
	const etag = `"${publication.list.meeting.id}-v${publication.version.number}-r${FORMAT_REVISION}"`;
	const headers: Record<string, string> = {
		'cache-control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
		etag,
		'x-content-type-options': 'nosniff'
	};
	if (event.request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	const answer = await render(publication, pinned);
	if (answer instanceof Response) return answer;
	if (answer.filename) headers['content-disposition'] = `attachment; filename="${answer.filename}"`;
	const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
	return new Response(body, { headers: { ...headers, 'content-type': answer.contentType } });
}
