import { endpoint } from '$lib/server/api/endpoint';
import { reportNeed } from '$lib/server/finance';
import { presentTask } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

/** On behalf of the own koepel only; the newest report per koepel and year counts. */
export const POST = endpoint(api.reportFinanceNeed, async ({ actor, id, body, context }) =>
	presentTask(await reportNeed(actor, id, body, context))
);
