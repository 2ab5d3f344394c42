import { endpoint } from '$lib/server/api/endpoint';
import { proposeCorrection } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** A party proposes a correction of one decision. */
export const POST = endpoint(api.proposeCorrection, async ({ actor, id, body, context }) => {
	const proposed = await proposeCorrection(actor, id, body, context);
	return {
		id: proposed.id,
		decisionId: proposed.decisionId,
		party: proposed.party,
		status: 'voorgesteld' as const
	};
});
