import { endpoint } from '$lib/server/api/endpoint';
import { getDecisionList } from '$lib/server/decisions';
import { AccessError } from '$lib/server/access';
import { api } from '$lib/server/openapi/operations';

/** The besluitenlijst of a held meeting; 404 before the meeting was held. */
export const GET = endpoint(api.getDecisionList, async ({ actor, id }) => {
	const list = await getDecisionList(actor, id);
	if (!list) throw new AccessError(404);
	return list;
});
