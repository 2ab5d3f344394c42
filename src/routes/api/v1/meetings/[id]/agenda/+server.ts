import { endpoint } from '$lib/server/api/endpoint';
import { agendaJson } from '$lib/server/api/present';
import { api } from '$lib/server/openapi/operations';

/** The meeting's agenda in a fixed number of queries, however many items (benchmarked). */
export const GET = endpoint(api.getAgenda, ({ actor, id }) => agendaJson(actor, id));
