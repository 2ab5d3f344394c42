import { redirect } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { createCircular, listCirculars } from '$lib/server/finance';
import { circularAmountCounts, mayEnterAmounts } from '$lib/server/finance/circular-view';
import { requestContext } from '$lib/server/http/client';
import type { Actions, PageServerLoad } from './$types';

/**
 * The fund circulars, newest first, with how many amounts each processed; the secretariaat and
 * the staff of Financiën and BZK add one when it appears (the verb's own gate decides).
 */
export const load: PageServerLoad = async (event) => {
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const [circulars, counts, mayCreate] = await orAccessError(
		Promise.all([listCirculars(actor), circularAmountCounts(actor), mayEnterAmounts(actor)])
	);
	return {
		circulars: circulars.map((circular) => ({ ...circular, amounts: counts[circular.id] ?? 0 })),
		mayCreate
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = {
			kind: text(form, 'kind'),
			year: text(form, 'year'),
			publishedOn: text(form, 'publishedOn')
		};
		let made;
		try {
			made = await createCircular(actor, values, requestContext(event));
		} catch (caught) {
			return formFailure('create', caught, values);
		}
		redirect(303, `${localizeHref(`/financien/circulaires/${made.id}`)}?toegevoegd`);
	}
};
