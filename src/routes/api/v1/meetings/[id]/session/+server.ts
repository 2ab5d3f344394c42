import { endpoint } from '$lib/server/api/endpoint';
import { openSession } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat opens meeting mode. */
export const POST = endpoint(api.openSession, ({ actor, id, context }) =>
	openSession(actor, id, context)
);
