import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { startAgendaAlignment } from '$lib/server/meetings';

/** The agenda goes "in afstemming". */
export const POST = endpoint(
	async ({ actor, id, version, context }) => {
		await requireMeetingVersion(actor, id, version);
		return versioned(await startAgendaAlignment(actor, id, context));
	},
	{ ifMatch: true, body: 'none' }
);
