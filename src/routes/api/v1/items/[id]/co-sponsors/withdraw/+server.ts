import { endpoint } from '$lib/server/api/endpoint';
import { withdrawCoSponsorInvitation } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** Takes back a request on a concept before the submission sends it. */
export const POST = endpoint(api.withdrawCoSponsorInvitation, ({ actor, id, body, context }) =>
	withdrawCoSponsorInvitation(actor, id, body, context)
);
