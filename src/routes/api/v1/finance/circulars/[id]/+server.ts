import { endpoint } from '$lib/server/api/endpoint';
import { useDb } from '$lib/server/db';
import { getCircular } from '$lib/server/finance';
import { api } from '$lib/server/openapi/operations';

export const GET = endpoint(api.getCircular, async ({ actor, id }) =>
	getCircular(await useDb(), actor, id)
);
