import { InvalidInputError } from '$lib/server/kernel/errors';
import { listPublications } from '$lib/server/publications';
import { publicationYears } from '$lib/server/publications/years';
import { newestEventId } from '$lib/server/realtime/live';
import type { PageServerLoad } from './$types';

/** The page's Dutch parameter names and the query's field names. */
const params = { soort: 'kind', jaar: 'year', q: 'q' } as const;

/**
 * The published besluitenlijsten, for anyone: a GET form, so a search has an address. Everything
 * comes from the public side's one door (server/publications), which reads published versions
 * only. Bad input is the visitor's to fix: Dutch messages at the fields, never a 500. What is
 * published later comes live (the public socket) from `since`, read before the list.
 */
export const load: PageServerLoad = async ({ url, depends }) => {
	depends('app:public-live');
	const since = await newestEventId();
	const values: Record<string, string> = {};
	const input: Record<string, string> = {};
	for (const [param, field] of Object.entries(params)) {
		const value = url.searchParams.get(param)?.trim() ?? '';
		values[param] = value;
		if (value) input[field] = value;
	}
	const years = await publicationYears();
	const searched = Object.keys(input).length > 0;
	try {
		const publications = await listPublications(input);
		return { values, years, searched, errors: null, publications, since };
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		const paramOf = Object.fromEntries(Object.entries(params).map(([p, f]) => [f, p]));
		const errors = Object.fromEntries(
			Object.entries(caught.fields).map(([field, message]) => [paramOf[field] ?? 'q', message])
		);
		return { values, years, searched, errors, publications: [], since };
	}
};
