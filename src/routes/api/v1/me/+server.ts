import { endpoint } from '$lib/server/api/endpoint';
import { getAccount } from '$lib/server/identity/account';
import { api } from '$lib/server/openapi/operations';

/** Who the token (or session) acts as. A machine client's first call. */
export const GET = endpoint(api.me, async ({ actor }) => {
	const account = await getAccount(actor);
	return {
		id: account.id,
		name: account.name,
		email: account.email,
		role: account.role,
		organisation: account.organisationName,
		party: actor.party,
		via: actor.via,
		scope: actor.scope
	};
});
