import { endpoint } from '$lib/server/api/endpoint';
import { createTask, listTasks } from '$lib/server/finance';
import { presentTask } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.listFinanceTasks, ({ actor }) => listTasks(actor));

export const POST = endpoint(api.createFinanceTask, async ({ actor, body, context }) =>
	presentTask(await createTask(actor, body, context))
);
