import { endpoint } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { openForProposals } from '$lib/server/meetings';
import { api } from '$lib/server/openapi/operations';

/** gepland → open voor voorstellen. */
export const POST = endpoint(api.openMeeting, async ({ actor, id, version, context }) => {
	await requireMeetingVersion(actor, id, version);
	return openForProposals(actor, id, context);
});
