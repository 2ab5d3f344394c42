import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { financeTotals } from '$lib/server/finance';
import { presentTotals } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.financeTotals, async ({ actor, event }) =>
	presentTotals(
		await financeTotals(actor, queryObject(event.url, ['layer', 'instrument', 'status']))
	)
);
