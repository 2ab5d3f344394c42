import { endpoint, versioned, withVersion } from '$lib/server/api/endpoint';
import { getMeeting, updateMeeting } from '$lib/server/meetings';

export const GET = endpoint(async ({ actor, id }) => versioned(await getMeeting(actor, id)));

export const PATCH = endpoint(
	async ({ actor, id, body, version, context }) =>
		versioned(await updateMeeting(actor, id, withVersion(body, version), context)),
	{ ifMatch: true }
);
