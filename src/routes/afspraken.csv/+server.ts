import { requireSignedIn } from '$lib/route-guards.server';
import { registerDownload } from '$lib/server/exports/register';
import { readRegisterParams } from '../afspraken/register-params';
import type { RequestHandler } from './$types';

/** The register as CSV for Dutch Excel, with the filters of /afspraken: every row they match. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	return registerDownload(
		actor,
		readRegisterParams(event.url.searchParams),
		'csv',
		event.url.origin
	);
};
