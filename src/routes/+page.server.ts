import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { listOrganisations } from '$lib/server/organisations/queries';
import { listPublications } from '$lib/server/publications';
import type { PageServerLoad } from './$types';

/**
 * The start page: signed-in people start at their own work; visitors get the introduction and the
 * latest publications (through the public side's one door, so only what was published).
 */
export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor && locals.session) redirect(303, localizeHref('/mijn-werk'));
	const [organisations, latest] = await Promise.all([listOrganisations(), listPublications({}, 3)]);
	return {
		latest,
		organisations: organisations.map(({ slug, name, shortName, kind, party, tooiUri }) => ({
			slug,
			name,
			shortName,
			kind,
			party,
			tooiUri
		}))
	};
};
