import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { markHeld } from '$lib/server/meetings';

/** After the meeting began, with its agenda adopted. */
export const POST = endpoint(
	async ({ actor, id, version, context }) => {
		await requireMeetingVersion(actor, id, version);
		return versioned(await markHeld(actor, id, context));
	},
	{ ifMatch: true, body: 'none' }
);
