import { endpoint, versioned, withVersion } from '$lib/server/api/endpoint';
import { getItem, updateItem } from '$lib/server/agenda';

export const GET = endpoint(async ({ actor, id }) => versioned(await getItem(actor, id)));

/** The version goes into the verb, which checks it under a row lock: two saves, one wins. */
export const PATCH = endpoint(
	async ({ actor, id, body, version, context }) =>
		versioned(await updateItem(actor, id, withVersion(body, version), context)),
	{ ifMatch: true }
);
