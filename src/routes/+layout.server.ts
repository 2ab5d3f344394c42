import { decideAccess } from '$lib/server/access';
import { newestEventId } from '$lib/server/realtime/live';
import type { LiveStart, Viewer } from '$lib/viewer';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, for the account corner of the header. Every page runs this, so it asks the
 * database nothing: the session lookup of this request read the person and organisation already,
 * and the realtime layer knows where live updates start.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const { actor, session } = locals;
	if (!actor || actor.via !== 'session' || !session) return { viewer: null, live: null };
	const viewer: Viewer = {
		personId: actor.personId,
		organisationId: actor.organisationId,
		party: actor.party,
		name: actor.name,
		role: actor.role,
		organisationName: session.organisationName,
		mayAdminister: decideAccess(actor, 'person.list') === 'ok',
		mayReadAudit: decideAccess(actor, 'audit.read') === 'ok'
	};
	// Live updates start from here: what happens after this page was made reaches it.
	const live: LiveStart = { since: await newestEventId() };
	return { viewer, live };
};
