import { endpoint } from '$lib/server/api/endpoint';
import { submitItem } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** concept → ingediend; the verb checks the version under its row lock. */
export const POST = endpoint(api.submitItem, ({ actor, id, version, context }) =>
	submitItem(actor, id, { expectedVersion: version }, context)
);
