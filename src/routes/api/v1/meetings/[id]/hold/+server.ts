import { endpoint } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { markHeld } from '$lib/server/meetings';
import { api } from '$lib/server/openapi/operations';

/** After the meeting began, with its agenda adopted. */
export const POST = endpoint(api.holdMeeting, async ({ actor, id, version, context }) => {
	await requireMeetingVersion(actor, id, version);
	return markHeld(actor, id, context);
});
