import { formFailure } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { createFeed, feedStatus, revokeFeed } from '$lib/server/calendar';
import { requestContext } from '$lib/server/http/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	return { feed: await orAccessError(feedStatus(actor)) };
};

export const actions: Actions = {
	/** Makes the feed URL, or a new one that replaces it; shown once. */
	create: async (event) => {
		const { actor } = requireSignedIn(event);
		try {
			const { token } = await createFeed(actor, requestContext(event));
			return { form: 'create' as const, url: `${event.url.origin}/kalender/${token}` };
		} catch (caught) {
			return formFailure('create', caught);
		}
	},

	revoke: async (event) => {
		const { actor } = requireSignedIn(event);
		try {
			return { form: 'revoke' as const, revoked: await revokeFeed(actor, requestContext(event)) };
		} catch (caught) {
			return formFailure('revoke', caught);
		}
	}
};
