import { endpoint } from '$lib/server/api/endpoint';
import { carryOver } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** Items not dealt with go to a later meeting or back to "nog te agenderen". */
export const POST = endpoint(api.carryOver, async ({ actor, id, body, context }) => ({
	decisions: await carryOver(actor, id, body, context)
}));
