import { endpoint } from '$lib/server/api/endpoint';
import { inviteCoSponsor } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.inviteCoSponsor, ({ actor, id, body, context }) =>
	inviteCoSponsor(actor, id, body, context)
);
