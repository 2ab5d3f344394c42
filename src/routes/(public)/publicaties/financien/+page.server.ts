import { arrangementOverview, financeTotals } from '$lib/server/finance';
import { InvalidInputError } from '$lib/server/kernel/errors';
import type { PageServerLoad } from './$types';
import { repeated } from './public-finance';

/**
 * The public financial arrangements, for anyone: those marked openbaar that come from a published
 * decision (the finance audience's public rule answers the reader `null`), with the totals per year
 * of the same selection, exact to the cent. A GET form filters by layer and instrument, so a
 * selection has an address; bad input gets Dutch messages at the fields, never a 500. Not live: a
 * reload shows what was published since.
 */
export const load: PageServerLoad = async ({ url }) => {
	const chosen: Record<string, string[]> = {};
	const input: Record<string, string | string[]> = {};
	for (const [param, field] of Object.entries(repeated)) {
		chosen[param] = url.searchParams
			.getAll(param)
			.map((value) => value.trim())
			.filter(Boolean);
		if (chosen[param].length) input[field] = chosen[param];
	}
	const page = url.searchParams.get('pagina')?.trim();
	const searched = Object.keys(input).length > 0;
	try {
		const [overview, totals] = await Promise.all([
			arrangementOverview(null, {
				...input,
				...(page ? { page } : {}),
				sort: 'reference',
				dir: 'desc'
			}),
			financeTotals(null, input)
		]);
		return {
			chosen,
			searched,
			errors: null,
			page: {
				total: overview.total,
				page: overview.page,
				pageSize: overview.pageSize,
				// The public row: what the arrangement is and its total; no marks, no notes, no versions.
				rows: overview.rows.map((row) => ({
					id: row.id,
					reference: row.reference,
					title: row.title,
					instrument: row.instrument,
					layer: row.layer,
					status: row.status,
					totalCents: row.totalCents
				}))
			},
			totals: {
				years: totals.years,
				byLayer: totals.byLayer.map(({ key, values, totalCents }) => ({ key, values, totalCents })),
				total: { values: totals.total.values, totalCents: totals.total.totalCents }
			}
		};
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		const paramOf: Record<string, string> = {
			layer: 'laag',
			instrument: 'instrument',
			page: 'pagina'
		};
		const errors = Object.fromEntries(
			Object.entries(caught.fields).map(([field, message]) => [paramOf[field] ?? 'laag', message])
		);
		return { chosen, searched, errors, page: null, totals: null };
	}
};
