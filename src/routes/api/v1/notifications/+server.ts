import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { listNotifications } from '$lib/server/notifications';
import { api } from '$lib/server/openapi/operations';

/** The bell's list and count: the same on every device. */
export const GET = endpoint(api.listNotifications, ({ actor, event }) =>
	listNotifications(actor, queryObject(event.url))
);
