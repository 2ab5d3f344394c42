import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { deferItem } from '$lib/server/agenda';

/** The secretariaat holds the item over, with a reason. */
export const POST = endpoint(
	async ({ actor, id, body, version, context }) => {
		await requireItemVersion(actor, id, version);
		return versioned(await deferItem(actor, id, body, context));
	},
	{ ifMatch: true }
);
