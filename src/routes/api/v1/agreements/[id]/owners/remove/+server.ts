import { endpoint } from '$lib/server/api/endpoint';
import { removeOwner } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.removeAgreementOwner, ({ actor, id, body, context }) =>
	removeOwner(actor, id, body, context)
);
