import { listPublicAgreements } from '$lib/server/agreements/public';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { newestEventId } from '$lib/server/realtime/live';
import type { PageServerLoad } from './$types';

/** The page's Dutch parameter names and the query's field names. */
const params = {
	q: 'q',
	partij: 'party',
	status: 'status',
	vergadering: 'meetingId',
	pagina: 'page'
} as const;

/**
 * The public agreements, for anyone: those that are openbaar and come from a published decision,
 * with their status and progress, read only through the public door of the agreements
 * (server/agreements/public.ts, which applies the audience rule). A GET form, so a search has an
 * address; bad input is the visitor's to fix: Dutch messages at the fields, never a 500. The rows'
 * events after `since` come live over the public socket and are applied in place.
 */
export const load: PageServerLoad = async ({ url, depends }) => {
	depends('app:public-live');
	const since = await newestEventId();
	const values: Record<string, string> = {};
	const input: Record<string, string | string[]> = {};
	for (const [param, field] of Object.entries(params)) {
		if (param === 'status') continue;
		const value = url.searchParams.get(param)?.trim() ?? '';
		values[param] = value;
		if (value) input[field] = value;
	}
	// One or more statuses, each a parameter of its own (status=open&status=verlopen).
	const statuses = url.searchParams
		.getAll('status')
		.map((value) => value.trim())
		.filter(Boolean);
	if (statuses.length) input.status = statuses;
	const searched = Object.keys(input).some((field) => field !== 'page');
	try {
		const page = await listPublicAgreements(input);
		return { values, statuses, searched, errors: null, page, since };
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		const paramOf = Object.fromEntries(Object.entries(params).map(([p, f]) => [f, p]));
		const errors = Object.fromEntries(
			Object.entries(caught.fields).map(([field, message]) => [paramOf[field] ?? 'q', message])
		);
		return { values, statuses, searched, errors, page: null, since };
	}
};
