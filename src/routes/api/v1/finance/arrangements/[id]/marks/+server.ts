import { endpoint } from '$lib/server/api/endpoint';
import { markFigures } from '$lib/server/finance';
import { presentRow } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

/** The schedule version the koepel looked at is in the body (`scheduleVersion`). */
export const POST = endpoint(api.markArrangementFigures, async ({ actor, id, body, context }) =>
	presentRow(await markFigures(actor, id, body, context))
);
