import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { financeDifference } from '$lib/server/finance';
import { presentTotals } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.financeDifference, async ({ actor, event }) => {
	const query = queryObject(event.url, ['layer', 'instrument', 'status']);
	const difference = await financeDifference(actor, query);
	return { ...difference, change: presentTotals(difference.change) };
});
