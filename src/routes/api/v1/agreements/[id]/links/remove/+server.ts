import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { unlinkOnward } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

/** The version goes into the verb, which checks it under a row lock: two takes-back, one wins. */
export const POST = endpoint(api.unlinkAgreement, ({ actor, id, body, version, context }) =>
	unlinkOnward(actor, id, withVersion(body, version), context)
);
