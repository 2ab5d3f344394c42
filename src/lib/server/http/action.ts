import { fail, error as kitError, type ActionFailure } from '@sveltejs/kit';
import { AccessError } from '../access';
import { ConflictError, InvalidInputError, RateLimitedError } from '../kernel/errors';

export interface FormFailure {
	/** Field name → Dutch message; `''` holds a message about the whole form. */
	errors: Record<string, string>;
	/** What the person typed, to put back in the form (never passwords). */
	values?: Record<string, string>;
}

/**
 * Turns what a verb throws for bad input into the form's answer: 400 with field messages, 409 for
 * a conflict, 429 when rate-limited. 403/404 become the error page. Anything else is unexpected
 * and goes on to handleError.
 */
export function failureFor(
	caught: unknown,
	values?: Record<string, string>
): ActionFailure<FormFailure> {
	if (caught instanceof InvalidInputError) return fail(400, { errors: caught.fields, values });
	if (caught instanceof ConflictError) return fail(409, { errors: { '': caught.message }, values });
	if (caught instanceof RateLimitedError)
		return fail(429, { errors: { '': caught.message }, values });
	if (caught instanceof AccessError) kitError(caught.status, caught.message);
	throw caught;
}

/** The form's text fields, without passwords or secrets, to refill the form after a failure. */
export function safeValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value === 'string' && !/password|code|key|token/i.test(name)) values[name] = value;
	}
	return values;
}
