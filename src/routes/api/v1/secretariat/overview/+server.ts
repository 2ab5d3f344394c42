import { endpoint } from '$lib/server/api/endpoint';
import { secretariatOverview } from '$lib/server/agenda';

/** The secretariaat's open work across meetings. */
export const GET = endpoint(async ({ actor }) => ({ data: await secretariatOverview(actor) }));
