import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { financeDifference, financeTotals, listBudgetMoments } from '$lib/server/finance';
import { InvalidInputError } from '$lib/server/kernel/errors';
import type { PageServerLoad } from './$types';
import { errorsByParam, readTotalsParams } from './totals-params';

/**
 * The totals: per year by bestuurslaag and by instrument, summed in the database (financeTotals),
 * as known now or at a moment, and what changed between two moments (financeDifference). A GET
 * form, so the address holds the view. Bad input is the person's to fix: Dutch messages at the
 * fields and no figures beside them (a wrong difference leaves the totals standing), never a 500.
 */
export const load: PageServerLoad = async (event) => {
	// The pivot changes in place (realtime/finance-totals-live.svelte.ts); a reload only when asked.
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const request = readTotalsParams(event.url.searchParams);
	const moments = await listBudgetMoments();
	const base = { values: request.values, view: request.view, moments, filter: request.input };
	const errors = { ...request.errors };
	// A filter the page could not read would give totals of another selection: none then.
	const filterRefused = Object.keys(errors).some((param) => param !== 'van');
	let totals = null;
	if (!filterRefused)
		try {
			totals = await orAccessError(financeTotals(actor, request.input));
		} catch (caught) {
			if (!(caught instanceof InvalidInputError)) throw caught;
			Object.assign(errors, errorsByParam(caught.fields, request.values));
		}
	let difference = null;
	if (request.difference && totals) {
		const filters = Object.fromEntries(
			Object.entries(request.input).filter(([field]) => field !== 'asOf')
		);
		try {
			difference = await orAccessError(
				financeDifference(actor, { ...filters, ...request.difference })
			);
		} catch (caught) {
			if (!(caught instanceof InvalidInputError)) throw caught;
			Object.assign(errors, errorsByParam(caught.fields, request.values));
		}
	}
	return { ...base, errors: Object.keys(errors).length > 0 ? errors : null, totals, difference };
};
