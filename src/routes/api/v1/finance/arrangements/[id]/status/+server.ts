import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { setArrangementStatus } from '$lib/server/finance';
import { presentRow } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(
	api.setArrangementStatus,
	async ({ actor, id, body, version, context }) =>
		presentRow(await setArrangementStatus(actor, id, withVersion(body, version), context))
);
