import { endpoint } from '$lib/server/api/endpoint';
import { linkOnward } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.linkAgreement, ({ actor, id, body, context }) =>
	linkOnward(actor, id, body, context)
);
