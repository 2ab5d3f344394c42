import { queryObject } from '$lib/server/api/request';
import { parseInput } from '$lib/server/kernel/input';
import { momentParams } from '$lib/server/openapi/finance-operations';

/**
 * The overview's and the totals' filters as the verbs read them (layer, instrument and status may
 * repeat), once the moments they name (asOf, from, to) passed the edge's check; the verb validates
 * the rest, so a wrong filter is a 400 naming it.
 */
export function filterQuery(url: URL): Record<string, string | string[]> {
	const query = queryObject(url, ['layer', 'instrument', 'status']);
	parseInput(momentParams, query);
	return query;
}
