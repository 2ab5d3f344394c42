import { endpoint } from '$lib/server/api/endpoint';
import { proposeProgressItem } from '$lib/server/agreements/agenda-item';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat puts "Voortgang afspraken" with the register's overview on the draft agenda. */
export const POST = endpoint(api.proposeProgressItem, ({ actor, id, context }) =>
	proposeProgressItem(actor, id, context)
);
