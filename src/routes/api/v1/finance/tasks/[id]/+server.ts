import { endpoint, withVersion } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { parseInput } from '$lib/server/kernel/input';
import { getTask, updateTask } from '$lib/server/finance';
import { presentTask } from '$lib/server/openapi/finance-schemas';
import { asOfQuery } from '$lib/server/openapi/finance-operations';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getFinanceTask, async ({ actor, id, event }) =>
	presentTask(await getTask(actor, id, parseInput(asOfQuery, queryObject(event.url))))
);

export const PATCH = endpoint(
	api.updateFinanceTask,
	async ({ actor, id, body, version, context }) =>
		presentTask(await updateTask(actor, id, withVersion(body, version), context))
);
