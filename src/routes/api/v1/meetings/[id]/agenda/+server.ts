import { endpoint } from '$lib/server/api/endpoint';
import { agendaJson } from '$lib/server/api/present';

/** The meeting's agenda in a fixed number of queries, however many items (benchmarked). */
export const GET = endpoint(async ({ actor, id }) => ({ data: await agendaJson(actor, id) }));
