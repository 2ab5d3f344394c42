import { endpoint } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { startAgendaAlignment } from '$lib/server/meetings';
import { api } from '$lib/server/openapi/operations';

/** The agenda goes "in afstemming". */
export const POST = endpoint(api.startAgendaAlignment, async ({ actor, id, version, context }) => {
	await requireMeetingVersion(actor, id, version);
	return startAgendaAlignment(actor, id, context);
});
