import { endpoint } from '$lib/server/api/endpoint';
import { listBudgetMoments } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

/** Reference data: the moments `asOf`, `moment`, `from` and `to` name by their key. */
export const GET = endpoint(api.listBudgetMoments, async () => listBudgetMoments());
