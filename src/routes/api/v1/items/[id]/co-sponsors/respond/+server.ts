import { endpoint } from '$lib/server/api/endpoint';
import { respondCoSponsor } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The invited party answers: the actor's own party, so the path names no party. */
export const POST = endpoint(api.respondCoSponsor, ({ actor, id, body, context }) =>
	respondCoSponsor(actor, id, body, context)
);
