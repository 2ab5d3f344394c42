import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { arrangementOverview, createArrangement } from '$lib/server/finance';
import { presentPage, presentRow } from '$lib/server/openapi/finance-schemas';
import { api } from '$lib/server/openapi/operations';

/** The verb validates the filters (a wrong one is a 400 naming it); layer, instrument and status repeat. */
const repeated = ['layer', 'instrument', 'status'];

export const GET = endpoint(api.listArrangements, async ({ actor, event }) =>
	presentPage(await arrangementOverview(actor, queryObject(event.url, repeated)))
);

export const POST = endpoint(api.createArrangement, async ({ actor, body, context }) =>
	presentRow(await createArrangement(actor, body, context))
);
