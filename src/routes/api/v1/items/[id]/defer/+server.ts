import { endpoint } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { deferItem } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat holds the item over, with a reason. */
export const POST = endpoint(api.deferItem, async ({ actor, id, body, version, context }) => {
	await requireItemVersion(actor, id, version);
	return deferItem(actor, id, body, context);
});
