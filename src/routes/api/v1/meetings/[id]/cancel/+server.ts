import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { cancelMeeting } from '$lib/server/meetings';

/** Cancelled with a reason; its open items go back to the list. */
export const POST = endpoint(
	async ({ actor, id, body, version, context }) => {
		await requireMeetingVersion(actor, id, version);
		return versioned(await cancelMeeting(actor, id, body, context));
	},
	{ ifMatch: true }
);
