import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { setStatus } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.setAgreementStatus, ({ actor, id, body, version, context }) =>
	setStatus(actor, id, withVersion(body, version), context)
);
