import { endpoint } from '$lib/server/api/endpoint';
import { invalid } from '$lib/server/api/problems';
import { diffRevisions } from '$lib/server/agenda';

/** ?from=1&to=3: the difference between two versions, field by field. */
export const GET = endpoint(async ({ actor, id, event }) => {
	const { searchParams } = event.url;
	for (const name of ['from', 'to'])
		if (!/^\d{1,9}$/.test(searchParams.get(name) ?? ''))
			throw invalid(name, 'Kies een versie: een heel getal vanaf 1.');
	return {
		data: await diffRevisions(actor, id, searchParams.get('from'), searchParams.get('to'))
	};
});
