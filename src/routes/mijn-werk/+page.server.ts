import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { myWork } from '$lib/server/work';
import type { PageServerLoad } from './$types';

/** "Mijn werk": what waits for the signed-in person (src/lib/server/work). */
export const load: PageServerLoad = async (event) => {
	// Reloaded when a live event concerns it (concernsPage in src/lib/realtime/live.svelte.ts) and
	// the page cannot apply it (work-live.svelte.ts applies the besluitenlijsten' events).
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	return orAccessError(myWork(actor));
};
