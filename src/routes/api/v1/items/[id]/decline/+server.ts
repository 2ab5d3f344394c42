import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { declineItem } from '$lib/server/agenda';

/** The secretariaat declines the item, with a reason. */
export const POST = endpoint(
	async ({ actor, id, body, version, context }) => {
		await requireItemVersion(actor, id, version);
		return versioned(await declineItem(actor, id, body, context));
	},
	{ ifMatch: true }
);
