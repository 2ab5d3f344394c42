import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { decideAccess } from '$lib/server/access';
import {
	arrangementOverview,
	financeTotals,
	listBudgetMoments,
	financeStaffOf
} from '$lib/server/finance';
import { InvalidInputError } from '$lib/server/kernel/errors';
import type { PageServerLoad } from './$types';
import { errorsByParam, readOverviewParams } from './overview-params';

/**
 * The overview of financial arrangements: a GET form, so the address holds the filters and the
 * moment "as known at". The page and its totals row ask the same filters of the database (the
 * totals are summed there, never in the browser). Bad input is the person's to fix: Dutch messages
 * at the fields, never a 500, and no results beside them. A visitor reads where to sign in.
 */
export const load: PageServerLoad = async (event) => {
	// Rows and totals change in place (realtime/finance-overview-live.svelte.ts); a reload only when asked.
	event.depends('app:live');
	if (!event.locals.actor && !event.locals.session) return { visitor: true as const };
	const { actor } = requireSignedIn(event);
	const request = readOverviewParams(event.url.searchParams);
	const [moments, financeStaff] = await Promise.all([listBudgetMoments(), financeStaffOf(actor)]);
	const base = {
		visitor: false as const,
		values: request.values,
		moments,
		// The verbs' own gate (store.ts requireFinanceStaff), asked without throwing.
		canManage: decideAccess(actor, 'finance.manage', { financeStaff }) === 'ok',
		filter: request.input,
		thisYear: Number(
			new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
				new Date()
			)
		)
	};
	let errors = request.errors;
	try {
		const [overview, totals] = await Promise.all([
			orAccessError(arrangementOverview(actor, request.input)),
			orAccessError(financeTotals(actor, request.input))
		]);
		if (Object.keys(errors).length === 0) return { ...base, errors: null, overview, totals };
	} catch (caught) {
		if (!(caught instanceof InvalidInputError)) throw caught;
		errors = { ...errorsByParam(caught.fields, request.values), ...errors };
	}
	return { ...base, errors, overview: null, totals: null };
};
