import { requireSignedIn } from '$lib/route-guards.server';
import { tableDecisionListExport } from '$lib/server/exports/decision-list-export';
import type { RequestHandler } from './$types';

/** The table's besluitenlijst as XLSX (with the Toezeggingen sheet), for whoever may read it. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	return tableDecisionListExport(actor, event.params.id, 'xlsx');
};
