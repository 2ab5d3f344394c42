import { endpoint } from '$lib/server/api/endpoint';
import { queryObject } from '$lib/server/api/request';
import { agreementRegister, createAgreement } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

/**
 * The register: the verb validates the filters (a wrong one is a 400 naming its field); the
 * status may be repeated for more than one.
 */
export const GET = endpoint(api.listAgreements, ({ actor, event }) =>
	agreementRegister(actor, queryObject(event.url, ['status']))
);

export const POST = endpoint(api.createAgreement, ({ actor, body, context }) =>
	createAgreement(actor, body, context)
);
