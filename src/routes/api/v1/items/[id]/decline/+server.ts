import { endpoint } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { declineItem } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat declines the item, with a reason. */
export const POST = endpoint(api.declineItem, async ({ actor, id, body, version, context }) => {
	await requireItemVersion(actor, id, version);
	return declineItem(actor, id, body, context);
});
