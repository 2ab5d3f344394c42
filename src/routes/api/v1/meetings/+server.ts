import { endpoint, versioned } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { listMeetings, planMeeting } from '$lib/server/meetings';

export const GET = endpoint(async ({ actor, event }) => ({
	data: await listMeetings(actor, queryObject(event.url))
}));

export const POST = endpoint(async ({ actor, body, context }) =>
	versioned(await planMeeting(actor, body, context), 201)
);
