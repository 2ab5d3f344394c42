import { endpoint } from '$lib/server/api/endpoint';
import { verifyDecisionList } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** A party's akkoord on the list as it is now. */
export const POST = endpoint(api.verifyDecisionList, ({ actor, id, context }) =>
	verifyDecisionList(actor, id, context)
);
