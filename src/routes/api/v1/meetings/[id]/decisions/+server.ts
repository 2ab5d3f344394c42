import { endpoint } from '$lib/server/api/endpoint';
import { meetingDecisions } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The meeting's decisions, in the order its items were dealt with. */
export const GET = endpoint(api.listDecisions, async ({ actor, id }) => ({
	decisions: await meetingDecisions(actor, id)
}));
