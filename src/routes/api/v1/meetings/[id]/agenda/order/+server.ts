import { endpoint } from '$lib/server/api/endpoint';
import { reorderAgenda } from '$lib/server/agenda';

export const PUT = endpoint(async ({ actor, id, body, context }) => ({
	data: await reorderAgenda(actor, id, body, context)
}));
