import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { getAgreement, updateAgreement } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getAgreement, ({ actor, id }) => getAgreement(actor, id));

/** The version goes into the verb, which checks it under a row lock: two saves, one wins. */
export const PATCH = endpoint(api.updateAgreement, ({ actor, id, body, version, context }) =>
	updateAgreement(actor, id, withVersion(body, version), context)
);
