import { endpoint } from '$lib/server/api/endpoint';
import { recordRatification } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

/** The koepel's record; a correction names the version it corrects in the body. */
export const PUT = endpoint(api.recordAgreementRatification, ({ actor, id, body, context }) =>
	recordRatification(actor, id, body, context)
);
