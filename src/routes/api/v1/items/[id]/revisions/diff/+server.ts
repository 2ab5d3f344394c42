import { endpoint } from '$lib/server/api/endpoint';
import { invalid } from '$lib/server/api/problems';
import { diffRevisions } from '$lib/server/agenda';
import type { Content } from '$lib/server/agenda/store';
import { api } from '$lib/server/openapi/operations';

/** ?from=1&to=3: the difference between two versions, field by field. */
export const GET = endpoint(api.diffRevisions, async ({ actor, id, event }) => {
	const { searchParams } = event.url;
	for (const name of ['from', 'to'])
		if (!/^\d{1,9}$/.test(searchParams.get(name) ?? ''))
			throw invalid(name, 'Kies een versie: een heel getal vanaf 1.');
	const diff = await diffRevisions(actor, id, searchParams.get('from'), searchParams.get('to'));
	// Before and after are values of content fields (text, a choice or an id), or null.
	type Value = Content[keyof Content];
	return {
		...diff,
		fields: diff.fields.map((row) => ({
			...row,
			before: row.before as Value,
			after: row.after as Value
		}))
	};
});
