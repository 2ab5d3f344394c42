import { endpoint } from '$lib/server/api/endpoint';
import { startVerification } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat sends the list to the four parties. */
export const POST = endpoint(api.startVerification, async ({ actor, id, body, context }) => {
	const list = await startVerification(actor, id, body, context);
	return { meetingId: list.meetingId, status: list.status, version: list.version };
});
