import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { parseInput } from '$lib/server/kernel/input';
import { getArrangement, updateArrangement } from '$lib/server/finance';
import { presentDetail, presentRow } from '$lib/server/openapi/finance-schemas';
import { asOfQuery } from '$lib/server/openapi/finance-operations';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getArrangement, async ({ actor, id, event }) =>
	presentDetail(await getArrangement(actor, id, parseInput(asOfQuery, queryObject(event.url))))
);

/** The version goes into the verb, which checks it under a row lock: two saves, one wins. */
export const PATCH = endpoint(
	api.updateArrangement,
	async ({ actor, id, body, version, context }) =>
		presentRow(await updateArrangement(actor, id, withVersion(body, version), context))
);
