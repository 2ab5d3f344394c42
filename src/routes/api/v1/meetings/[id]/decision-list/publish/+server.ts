import { endpoint } from '$lib/server/api/endpoint';
import { publishDecisionList } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The first published version. */
export const POST = endpoint(api.publishDecisionList, ({ actor, id, body, context }) =>
	publishDecisionList(actor, id, body, context)
);
