import { endpoint } from '$lib/server/api/endpoint';
import { reorderAgenda } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

export const PUT = endpoint(api.reorderAgenda, ({ actor, id, body, context }) =>
	reorderAgenda(actor, id, body, context)
);
