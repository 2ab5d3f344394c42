import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { searchAgenda } from '$lib/server/agenda';

/** Only what the searcher may see: another organisation's concept never matches. */
export const GET = endpoint(async ({ actor, event }) => ({
	data: await searchAgenda(actor, queryObject(event.url))
}));
