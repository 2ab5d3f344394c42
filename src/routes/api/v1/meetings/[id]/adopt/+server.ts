import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { adoptAgenda } from '$lib/server/agenda';

/** All four parties agreed: the secretariaat adopts (freezes) the agenda. */
export const POST = endpoint(
	async ({ actor, id, version, context }) => {
		await requireMeetingVersion(actor, id, version);
		return versioned(await adoptAgenda(actor, id, context));
	},
	{ ifMatch: true, body: 'none' }
);
