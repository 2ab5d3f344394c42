import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { listTasks } from '$lib/server/finance';
import { taskAccess } from '$lib/server/finance/tasks';
import type { PageServerLoad } from './$types';

/**
 * The co-governance tasks (medebewindstaken) as the ROB asked to keep them: per task its law, the
 * layers that carry it, its UDO, and the money committed against the needs the koepels reported.
 */
export const load: PageServerLoad = async (event) => {
	// Reloaded on a task's or its money's event (the page's own listener): see +page.svelte.
	event.depends('app:finance-tasks');
	const { actor } = requireSignedIn(event);
	const [tasks, access] = await orAccessError(Promise.all([listTasks(actor), taskAccess(actor)]));
	return { tasks, mayCreate: access.manage };
};
