import { endpoint } from '$lib/server/api/endpoint';
import { getCircular } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getCircular, async ({ actor, id }) => getCircular(actor, id));
