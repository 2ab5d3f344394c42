import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { getMeeting, updateMeeting } from '$lib/server/meetings';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getMeeting, ({ actor, id }) => getMeeting(actor, id));

export const PATCH = endpoint(api.updateMeeting, ({ actor, id, body, version, context }) =>
	updateMeeting(actor, id, withVersion(body, version), context)
);
