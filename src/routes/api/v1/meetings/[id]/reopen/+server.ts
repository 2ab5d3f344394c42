import { endpoint } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { reopenAgenda } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** Reopens an adopted agenda, with a reason. */
export const POST = endpoint(api.reopenAgenda, async ({ actor, id, body, version, context }) => {
	await requireMeetingVersion(actor, id, version);
	return reopenAgenda(actor, id, body, context);
});
