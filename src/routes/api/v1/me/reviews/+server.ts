import { endpoint } from '$lib/server/api/endpoint';
import { toReview } from '$lib/server/agenda';

/** "Ter beoordeling": the agendas waiting for the bestuurder's party. */
export const GET = endpoint(async ({ actor }) => ({ data: await toReview(actor) }));
