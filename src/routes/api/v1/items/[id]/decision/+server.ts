import { endpoint } from '$lib/server/api/endpoint';
import { recordDecision } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** Records or corrects the decision on an item. */
export const PUT = endpoint(api.recordDecision, ({ actor, id, body, context }) =>
	recordDecision(actor, id, body, context)
);
