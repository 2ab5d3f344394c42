import { endpoint } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { markTreated } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** After the meeting: the item was dealt with. */
export const POST = endpoint(api.treatItem, async ({ actor, id, version, context }) => {
	await requireItemVersion(actor, id, version);
	return markTreated(actor, id, context);
});
