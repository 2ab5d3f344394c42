import { endpoint } from '$lib/server/api/endpoint';
import { addOwner } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.addAgreementOwner, ({ actor, id, body, context }) =>
	addOwner(actor, id, body, context)
);
