import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { listMeetings, planMeeting } from '$lib/server/meetings';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.listMeetings, ({ actor, event }) =>
	listMeetings(actor, queryObject(event.url))
);

export const POST = endpoint(api.planMeeting, ({ actor, body, context }) =>
	planMeeting(actor, body, context)
);
