import { endpoint } from '$lib/server/api/endpoint';
import { recordCircularAmounts } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

/** All or nothing: a wrong line refuses the whole, naming its line. */
export const POST = endpoint(api.recordCircularAmounts, ({ actor, id, body, context }) =>
	recordCircularAmounts(actor, id, body, context)
);
