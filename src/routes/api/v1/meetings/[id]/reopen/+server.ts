import { endpoint, versioned } from '$lib/server/api/endpoint';
import { requireMeetingVersion } from '$lib/server/api/versions';
import { reopenAgenda } from '$lib/server/agenda';

/** Reopens an adopted agenda, with a reason. */
export const POST = endpoint(
	async ({ actor, id, body, version, context }) => {
		await requireMeetingVersion(actor, id, version);
		return versioned(await reopenAgenda(actor, id, body, context));
	},
	{ ifMatch: true }
);
