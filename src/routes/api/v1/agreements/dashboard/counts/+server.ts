import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { partyDashboard } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

/** A party's counts, the own party's without ?party=. */
export const GET = endpoint(api.agreementDashboard, ({ actor, event }) =>
	partyDashboard(actor, queryObject(event.url))
);
