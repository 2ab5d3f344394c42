import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { listOrganisations } from '$lib/server/organisations/queries';
import type { PageServerLoad } from './$types';

/** The start page: signed-in people start at their own work, visitors get the introduction. */
export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor && locals.session) redirect(303, localizeHref('/mijn-werk'));
	return {
		organisations: (await listOrganisations()).map(
			({ slug, name, shortName, kind, party, tooiUri }) => ({
				slug,
				name,
				shortName,
				kind,
				party,
				tooiUri
			})
		)
	};
};
