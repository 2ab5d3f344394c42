import { endpoint } from '$lib/server/api/endpoint';
import { publishCorrection } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** A corrected version of a published list, with its reason. */
export const POST = endpoint(api.publishCorrection, ({ actor, id, body, context }) =>
	publishCorrection(actor, id, body, context)
);
