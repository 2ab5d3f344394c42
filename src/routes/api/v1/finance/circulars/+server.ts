import { endpoint } from '$lib/server/api/endpoint';
import { useDb } from '$lib/server/db';
import { createCircular, listCirculars } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.listCirculars, async ({ actor }) =>
	listCirculars(await useDb(), actor)
);

export const POST = endpoint(api.createCircular, ({ actor, body, context }) =>
	createCircular(actor, body, context)
);
