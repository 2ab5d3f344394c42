import { endpoint } from '$lib/server/api/endpoint';
import { withdrawItem } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The proposer withdraws; the verb checks the version under its row lock. */
export const POST = endpoint(api.withdrawItem, ({ actor, id, version, context }) =>
	withdrawItem(actor, id, { expectedVersion: version }, context)
);
