import { endpoint } from '$lib/server/api/endpoint';
import { financeTotals } from '$lib/server/finance';
import { presentTotals } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';
import { filterQuery } from '../query';

export const GET = endpoint(api.financeTotals, async ({ actor, event }) =>
	presentTotals(await financeTotals(actor, filterQuery(event.url)))
);
