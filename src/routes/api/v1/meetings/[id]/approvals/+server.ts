import { endpoint } from '$lib/server/api/endpoint';
import { recordApproval } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The answer leaves out the agenda snapshot the decision was given on (the projection). */
export const POST = endpoint(api.recordApproval, ({ actor, id, body, context }) =>
	recordApproval(actor, id, body, context)
);
