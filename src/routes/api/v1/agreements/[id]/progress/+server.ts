import { endpoint } from '$lib/server/api/endpoint';
import { reportProgress } from '$lib/server/agreements';
import { api } from '$lib/server/openapi/operations';

export const POST = endpoint(api.reportAgreementProgress, ({ actor, id, body, context }) =>
	reportProgress(actor, id, body, context)
);
