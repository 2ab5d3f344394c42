import { json } from '@sveltejs/kit';
import { getAccount } from '$lib/server/identity/account';
import { problemFor, unauthenticated } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Who the token (or session) acts as. A machine client's first call. */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.actor) return unauthenticated();
	try {
		const account = await getAccount(locals.actor);
		return json({
			id: account.id,
			name: account.name,
			email: account.email,
			role: account.role,
			organisation: account.organisationName,
			party: locals.actor.party,
			via: locals.actor.via,
			scope: locals.actor.scope
		});
	} catch (caught) {
		return problemFor(caught);
	}
};
