import { endpoint, versioned } from '$lib/server/api/endpoint';
import { withdrawItem } from '$lib/server/agenda';

/** The proposer withdraws; the verb checks the version under its row lock. */
export const POST = endpoint(
	async ({ actor, id, version, context }) =>
		versioned(await withdrawItem(actor, id, { expectedVersion: version }, context)),
	{ ifMatch: true, body: 'none' }
);
