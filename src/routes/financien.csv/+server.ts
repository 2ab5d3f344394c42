import { requireSignedIn } from '$lib/route-guards.server';
import { readOverviewParams } from '../financien/overview-params';
import type { RequestHandler } from './$types';
import { financeDownload } from './finance-export.server';

/** The overview as CSV for Dutch Excel, with the filters of /financien: every row they match. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	return financeDownload(actor, readOverviewParams(event.url.searchParams), 'csv');
};
