import { decideAccess } from '$lib/server/access';
import { getAccount } from '$lib/server/identity/account';
import { newestEventId } from '$lib/server/realtime/live';
import type { LiveStart, Viewer } from '$lib/viewer';
import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the account corner of the header. */
export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	if (!actor || actor.via !== 'session') return { viewer: null, live: null };
	const [account, since] = await Promise.all([getAccount(actor), newestEventId()]);
	const viewer: Viewer = {
		personId: actor.personId,
		organisationId: actor.organisationId,
		party: actor.party,
		name: account.name,
		role: account.role,
		organisationName: account.organisationName,
		mayAdminister: decideAccess(actor, 'person.list') === 'ok',
		mayReadAudit: decideAccess(actor, 'audit.read') === 'ok'
	};
	// Live updates start from here: what happens after this page was made reaches it.
	const live: LiveStart = { since };
	return { viewer, live };
};
