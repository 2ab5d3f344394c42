import { endpoint } from '$lib/server/api/endpoint';
import { answerCorrection } from '$lib/server/decisions';
import { api } from '$lib/server/openapi/operations';

/** The secretariaat takes a correction over or declines it. */
export const POST = endpoint(api.answerCorrection, async ({ actor, id, body, context }) => {
	const answered = await answerCorrection(actor, id, body, context);
	return {
		id: answered.id,
		status: answered.status as 'overgenomen' | 'afgewezen',
		answerReason: answered.answerReason
	};
});
