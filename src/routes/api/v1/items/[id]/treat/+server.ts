import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { markTreated } from '$lib/server/agenda';

/** After the meeting: the item was dealt with. */
export const POST = endpoint(
	async ({ actor, id, version, context }) => {
		await requireItemVersion(actor, id, version);
		return versioned(await markTreated(actor, id, context));
	},
	{ ifMatch: true, body: 'none' }
);
