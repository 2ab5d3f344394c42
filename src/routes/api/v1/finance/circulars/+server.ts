import { endpoint } from '$lib/server/api/endpoint';
import { createCircular, listCirculars } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.listCirculars, async ({ actor }) => listCirculars(actor));

export const POST = endpoint(api.createCircular, ({ actor, body, context }) =>
	createCircular(actor, body, context)
);
