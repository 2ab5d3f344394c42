import { problem, problemFor } from '../http/problem';
import { StaleVersionError } from '../kernel/errors';

/**
 * A client mistake found by the API layer itself (before any verb ran): it answers as a problem
 * document. Thrown inside an endpoint, caught by `endpoint()`.
 */
export class ApiProblem extends Error {
	constructor(
		public readonly status: number,
		public readonly title: string,
		detail: string,
		public readonly extra: Record<string, unknown> = {}
	) {
		super(detail);
		this.name = 'ApiProblem';
	}

	toResponse(): Response {
		return problem(this.status, this.title, this.message, this.extra);
	}
}

/** One wrong field, as the 400 problem document lists it. */
export const invalid = (field: string, message: string) =>
	new ApiProblem(400, 'Ongeldige invoer', message, { errors: [{ field, message }] });

/**
 * Maps what an endpoint throws to its answer. A stale version becomes 412 naming the fields that
 * changed since (problemFor would say 409); the rest goes through the shared problem mapping,
 * which rethrows what is not a client mistake (that becomes a logged 500).
 */
export function apiProblemFor(caught: unknown): Response {
	if (caught instanceof ApiProblem) return caught.toResponse();
	if (caught instanceof StaleVersionError) {
		return problem(412, 'Versie verouderd', caught.message, {
			currentVersion: caught.currentVersion,
			changedFields: caught.changedFields
		});
	}
	return problemFor(caught);
}
