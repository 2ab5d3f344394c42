import { requireSignedIn } from '$lib/route-guards.server';
import { registerDownload } from '$lib/server/exports/register';
import { readRegisterParams } from '../afspraken/register-params';
import type { RequestHandler } from './$types';

/** The register as XLSX, with the filters of /afspraken from its address: every row they match. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	return registerDownload(
		actor,
		readRegisterParams(event.url.searchParams),
		'xlsx',
		event.url.origin
	);
};
