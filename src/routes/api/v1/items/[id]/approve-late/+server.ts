import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { approveLateSubmission } from '$lib/server/agenda';

/** The secretariaat accepts a late submission. */
export const POST = endpoint(
	async ({ actor, id, version, context }) => {
		await requireItemVersion(actor, id, version);
		return versioned(await approveLateSubmission(actor, id, context));
	},
	{ ifMatch: true, body: 'none' }
);
