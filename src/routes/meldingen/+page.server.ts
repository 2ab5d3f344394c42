import { z } from 'zod';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getLocale } from '$lib/paraglide/runtime';
import { requestContext } from '$lib/server/http/client';
import { listNotifications, markNotificationsRead } from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	const list = await orAccessError(listNotifications(actor, { limit: 100 }, getLocale()));
	return { ...list, personId: actor.personId };
};

export const actions: Actions = {
	read: async (event) => {
		const { actor } = requireSignedIn(event);
		const id = z.uuid().safeParse(text(await event.request.formData(), 'id'));
		if (!id.success) return invalidForm('read', { '': 'Deze melding bestaat niet (meer).' });
		try {
			await markNotificationsRead(actor, { ids: [id.data] }, requestContext(event));
		} catch (caught) {
			return formFailure('read', caught);
		}
		return { form: 'read' as const, done: true };
	},

	readAll: async (event) => {
		const { actor } = requireSignedIn(event);
		try {
			await markNotificationsRead(actor, { all: true }, requestContext(event));
		} catch (caught) {
			return formFailure('readAll', caught);
		}
		return { form: 'readAll' as const, done: true };
	}
};
