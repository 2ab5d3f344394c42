import { endpoint } from '$lib/server/api/endpoint';
import { requireItemVersion } from '$lib/server/api/versions';
import { approveLateSubmission } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat accepts a late submission. */
export const POST = endpoint(api.approveLateSubmission, async ({ actor, id, version, context }) => {
	await requireItemVersion(actor, id, version);
	return approveLateSubmission(actor, id, context);
});
