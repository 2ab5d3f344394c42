import { endpoint } from '$lib/server/api/endpoint';
import { adoptDecisionList } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat adopts the list. */
export const POST = endpoint(api.adoptDecisionList, async ({ actor, id, context }) => {
	const list = await adoptDecisionList(actor, id, context);
	return { meetingId: list.meetingId, status: list.status, version: list.version };
});
