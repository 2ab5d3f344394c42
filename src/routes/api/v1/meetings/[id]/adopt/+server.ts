import { endpoint } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { adoptAgenda } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** All four parties agreed: the secretariaat adopts (freezes) the agenda. */
export const POST = endpoint(api.adoptAgenda, async ({ actor, id, version, context }) => {
	await requireMeetingVersion(actor, id, version);
	return adoptAgenda(actor, id, context);
});
