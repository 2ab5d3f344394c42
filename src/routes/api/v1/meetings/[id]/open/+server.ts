import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { openForProposals } from '$lib/server/meetings';

/** gepland → open voor voorstellen. */
export const POST = endpoint(
	async ({ actor, id, version, context }) => {
		await requireMeetingVersion(actor, id, version);
		return versioned(await openForProposals(actor, id, context));
	},
	{ ifMatch: true, body: 'none' }
);
