import { endpoint } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { placeItem } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat places the item on an agenda, with minutes. */
export const POST = endpoint(api.placeItem, async ({ actor, id, body, version, context }) => {
	await requireItemVersion(actor, id, version);
	return placeItem(actor, id, body, context);
});
