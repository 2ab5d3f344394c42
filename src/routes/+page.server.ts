import { listOrganisations } from '$lib/server/organisations/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
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
});
