import { endpoint } from '$lib/server/api/endpoint';
import { markNotificationsRead } from '$lib/server/notifications';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.markNotificationsRead, ({ actor, body, context }) =>
	markNotificationsRead(actor, body, context)
);
