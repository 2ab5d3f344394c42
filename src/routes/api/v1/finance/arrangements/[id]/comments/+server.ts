import { endpoint } from '$lib/server/api/endpoint';
import { commentOnArrangement } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.commentOnArrangement, ({ actor, id, body, context }) =>
	commentOnArrangement(actor, id, body, context)
);
