import { endpoint } from '$lib/server/api/endpoint';
import { arrangementOverview, createArrangement } from '$lib/server/finance';
import { presentPage, presentRow } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';
import { filterQuery } from '../query';

export const GET = endpoint(api.listArrangements, async ({ actor, event }) =>
	presentPage(await arrangementOverview(actor, filterQuery(event.url)))
);

export const POST = endpoint(api.createArrangement, async ({ actor, body, context }) =>
	presentRow(await createArrangement(actor, body, context))
);
