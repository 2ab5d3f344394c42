import { endpoint, versioned } from '$lib/server/api/endpoint';
import { submitItem } from '$lib/server/agenda';

/** concept → ingediend; the verb checks the version under its row lock. */
export const POST = endpoint(
	async ({ actor, id, version, context }) =>
		versioned(await submitItem(actor, id, { expectedVersion: version }, context)),
	{ ifMatch: true, body: 'none' }
);
