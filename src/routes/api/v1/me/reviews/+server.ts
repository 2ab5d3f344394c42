import { endpoint } from '$lib/server/api/endpoint';
import { toReview } from '$lib/server/agenda';
import type { PartyApprovalState } from '$lib/server/agenda/approvals';
import { api } from '$lib/server/openapi/operations';

/** "Ter beoordeling": the agendas waiting for the bestuurder's party (never one with its akkoord). */
export const GET = endpoint(api.toReview, async ({ actor }) =>
	(await toReview(actor)).map((row) => ({
		...row,
		state: row.state as Exclude<PartyApprovalState, 'akkoord'>
	}))
);
