import { endpoint } from '$lib/server/api/endpoint';
import { setCurrentItem } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The item dealt with now, for everyone following the meeting. */
export const PUT = endpoint(api.setCurrentItem, ({ actor, id, body, context }) =>
	setCurrentItem(actor, id, body, context)
);
