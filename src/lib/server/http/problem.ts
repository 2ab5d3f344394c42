import { json } from '@sveltejs/kit';
import { AccessError } from '../access';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db/unavailable';
import { ConflictError, InvalidInputError, RateLimitedError } from '../kernel/errors';

/** A problem document (RFC 9457) for the JSON API, in Dutch. */
export function problem(
	status: number,
	title: string,
	detail?: string,
	extra: Record<string, unknown> = {},
	headers: Record<string, string> = {}
): Response {
	return json(
		{ type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra },
		{ status, headers: { 'content-type': 'application/problem+json', ...headers } }
	);
}

/** Maps what a verb throws for client mistakes to a problem document; rethrows the rest. */
export function problemFor(caught: unknown): Response {
	if (caught instanceof InvalidInputError) {
		return problem(400, 'Ongeldige invoer', caught.message, {
			errors: Object.entries(caught.fields).map(([field, message]) => ({ field, message }))
		});
	}
	if (caught instanceof AccessError) {
		return caught.status === 404
			? problem(404, 'Niet gevonden')
			: problem(403, 'Geen toegang', caught.message);
	}
	if (caught instanceof ConflictError) return problem(409, 'Conflict', caught.message);
	if (isDatabaseUnavailable(caught)) return databaseUnavailableProblem();
	if (caught instanceof RateLimitedError) {
		return problem(
			429,
			'Te veel verzoeken',
			caught.message,
			{},
			{ 'retry-after': String(caught.retryAfterSeconds) }
		);
	}
	throw caught;
}

export const unauthenticated = () =>
	problem(
		401,
		'Niet aangemeld',
		'Stuur een geldig API-token mee als "Authorization: Bearer …".',
		{},
		{
			'www-authenticate': 'Bearer realm="overhedenoverleg"'
		}
	);

/** 503: the database is out of reach; nothing changed, try again shortly. */
export function databaseUnavailableProblem(): Response {
	return problem(
		503,
		'Tijdelijk niet beschikbaar',
		DATABASE_UNAVAILABLE,
		{},
		{ 'retry-after': '30' }
	);
}
