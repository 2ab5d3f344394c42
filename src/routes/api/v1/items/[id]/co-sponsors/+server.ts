import { endpoint } from '$lib/server/api/endpoint';
import { inviteCoSponsor } from '$lib/server/agenda';

export const POST = endpoint(async ({ actor, id, body, context }) => ({
	data: await inviteCoSponsor(actor, id, body, context),
	status: 201
}));
