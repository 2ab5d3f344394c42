import { endpoint } from '$lib/server/api/endpoint';
import { listRevisions } from '$lib/server/agenda';

export const GET = endpoint(async ({ actor, id }) => ({ data: await listRevisions(actor, id) }));
