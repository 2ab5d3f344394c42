import { endpoint } from '$lib/server/api/endpoint';
import { financeDifference } from '$lib/server/finance';
import { presentTotals } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';
import { filterQuery } from '../../query';

export const GET = endpoint(api.financeDifference, async ({ actor, event }) => {
	const difference = await financeDifference(actor, filterQuery(event.url));
	return { ...difference, change: presentTotals(difference.change) };
});
