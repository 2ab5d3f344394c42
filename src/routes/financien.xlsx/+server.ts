import { requireSignedIn } from '$lib/route-guards.server';
import { readOverviewParams } from '../financien/overview-params';
import { financeDownload } from '../financien.csv/finance-export.server';
import type { RequestHandler } from './$types';

/** The overview as XLSX, with the filters of /financien from its address: every row they match. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	return financeDownload(actor, readOverviewParams(event.url.searchParams), 'xlsx');
};
