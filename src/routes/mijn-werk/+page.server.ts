import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { myWork } from '$lib/server/work';
import { agreementWork } from '$lib/server/work/agreements';
import { financeWork } from '$lib/server/finance/dashboard';
import type { PageServerLoad } from './$types';

/** "Mijn werk": what waits for the signed-in person (src/lib/server/work). */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event concerns it (concernsPage in src/lib/realtime/live.svelte.ts) and
	// the page cannot apply it (work-live.svelte.ts applies the besluitenlijsten' events,
	// agreement-work-live.svelte.ts the agreements').
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const [work, agreements, finance] = await orAccessError(
		Promise.all([myWork(actor), agreementWork(actor), financeWork(actor)])
	);
	return { ...work, agreements, finance };
};
