import { publicEndpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { parseInput } from '$lib/server/kernel/input';
import { publicationAnswer } from '$lib/server/publications/api-answer';
import { publicationQuery } from '$lib/server/openapi/public-operations';
import { api } from '$lib/server/openapi/operations';

/** One meeting's published list, its newest version or `?version=N`; 404 for anything else. */
export const GET = publicEndpoint(api.getPublication, async ({ event, id }) => {
	const { version } = parseInput(publicationQuery, queryObject(event.url));
	return publicationAnswer(id, version);
});
