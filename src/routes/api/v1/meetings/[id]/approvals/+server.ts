import { endpoint } from '$lib/server/api/endpoint';
import { approvalJson } from '$lib/server/api/present';
import { recordApproval } from '$lib/server/agenda';

export const POST = endpoint(async ({ actor, id, body, context }) => ({
	data: approvalJson(await recordApproval(actor, id, body, context))
}));
