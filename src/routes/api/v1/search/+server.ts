import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { searchAgenda } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** Only what the searcher may see: another organisation's concept never matches. */
export const GET = endpoint(api.search, ({ actor, event }) =>
	searchAgenda(actor, queryObject(event.url))
);
