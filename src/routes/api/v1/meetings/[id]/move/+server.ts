import { endpoint } from '$lib/server/api/endpoint';
import { invalid } from '$lib/server/api/problems';
import { fieldErrors, InvalidInputError } from '$lib/server/kernel/errors';
import { updateMeeting } from '$lib/server/meetings';
import { moveMeetingSchema } from '$lib/server/openapi/meeting-operations';
import { api } from '$lib/server/openapi/operations';

/**
 * A meeting moves in time: a new start and end (both required here, unlike PATCH), and optionally
 * a new proposal deadline. The same verb as PATCH, so the same checks and the same log.
 */
export const POST = endpoint(api.moveMeeting, async ({ actor, id, body, version, context }) => {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw invalid('', 'Stuur de gegevens als een JSON-object.');
	const parsed = moveMeetingSchema.safeParse(body);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { startsAt, endsAt, proposalDeadline } = body as Record<string, unknown>;
	const changes = {
		startsAt,
		endsAt,
		...(proposalDeadline !== undefined ? { proposalDeadline } : {}),
		expectedVersion: version
	};
	return updateMeeting(actor, id, changes, context);
});
