import { publicEndpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { parseInput } from '$lib/server/kernel/input';
import { getPublication } from '$lib/server/publications';
import { publisher } from '$lib/server/publications/formats/http';
import { toOri } from '$lib/server/publications/formats/ori';
import { publicationQuery } from '$lib/server/openapi/public-operations';
import { api } from '$lib/server/openapi/operations';

/**
 * The published list in ORI 2.0 terms through the public API (docs/ori.md): the same document as
 * /publicaties/{id}/ori.json, here with the API's query (`?version=N`), caching and rate limit.
 */
export const GET = publicEndpoint(api.getPublicationOri, async ({ event, id }) => {
	const { version } = parseInput(publicationQuery, queryObject(event.url));
	return toOri(await getPublication(id, version), event.url.origin, publisher());
});
