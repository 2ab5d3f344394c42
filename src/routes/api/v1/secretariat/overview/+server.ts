import { endpoint } from '$lib/server/api/endpoint';
import { secretariatOverview } from '$lib/server/agenda';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat's open work across meetings. */
export const GET = endpoint(api.secretariatOverview, ({ actor }) => secretariatOverview(actor));
