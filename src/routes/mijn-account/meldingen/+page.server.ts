import { formFailure, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { requestContext } from '$lib/server/http/client';
import {
	getNotificationPreferences,
	updateNotificationPreferences
} from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	return { preferences: await orAccessError(getNotificationPreferences(actor)) };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = {
			version: text(form, 'version'),
			language: text(form, 'language'),
			mailKinds: form.getAll('mailKinds').filter((value) => typeof value === 'string'),
			digest: text(form, 'mode') === 'digest',
			digestTime: text(form, 'digestTime')
		};
		try {
			await updateNotificationPreferences(actor, values, requestContext(event));
		} catch (caught) {
			return formFailure('save', caught, {
				language: values.language,
				mode: values.digest ? 'digest' : 'single',
				digestTime: values.digestTime
			});
		}
		return { form: 'save' as const, saved: true };
	}
};
