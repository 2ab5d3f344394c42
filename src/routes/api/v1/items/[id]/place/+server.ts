import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { placeItem } from '$lib/server/agenda';

/** The secretariaat places the item on an agenda, with minutes. */
export const POST = endpoint(
	async ({ actor, id, body, version, context }) => {
		await requireItemVersion(actor, id, version);
		return versioned(await placeItem(actor, id, body, context));
	},
	{ ifMatch: true }
);
