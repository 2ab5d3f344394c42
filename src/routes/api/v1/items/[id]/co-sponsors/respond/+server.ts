import { endpoint } from '$lib/server/api/endpoint';
import { respondCoSponsor } from '$lib/server/agenda';

/** The invited party answers: the actor's own party, so the path names no party. */
export const POST = endpoint(async ({ actor, id, body, context }) => ({
	data: await respondCoSponsor(actor, id, body, context)
}));
