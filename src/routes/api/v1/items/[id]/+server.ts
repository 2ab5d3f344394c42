import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { discardConcept, getItem, updateItem } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getItem, ({ actor, id }) => getItem(actor, id));

/** The version goes into the verb, which checks it under a row lock: two saves, one wins. */
export const PATCH = endpoint(api.updateItem, ({ actor, id, body, version, context }) =>
	updateItem(actor, id, withVersion(body, version), context)
);

/** Discards a concept; the version goes into the verb, as for every write to an item. */
export const DELETE = endpoint(api.discardItem, ({ actor, id, version, context }) =>
	discardConcept(actor, id, { expectedVersion: version }, context)
);
