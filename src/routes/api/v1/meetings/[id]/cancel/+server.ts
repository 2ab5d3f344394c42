import { endpoint } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { cancelMeeting } from '$lib/server/meetings';
import { api } from '$lib/server/openapi/operations';

/** Cancelled with a reason; its open items go back to the list. */
export const POST = endpoint(api.cancelMeeting, async ({ actor, id, body, version, context }) => {
	await requireMeetingVersion(actor, id, version);
	return cancelMeeting(actor, id, body, context);
});
