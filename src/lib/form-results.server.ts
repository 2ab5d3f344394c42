import { fail, type ActionFailure } from '@sveltejs/kit';
import { failureFor } from '$lib/server/http/action';

/** A failed form, tagged with which form on the page it was (a page may carry several). */
export interface TaggedFailure<F extends string> {
	form: F;
	errors: Record<string, string>;
	values?: Record<string, string>;
}

/**
 * failureFor, with the name of the form added, so that the page shows the messages at the form
 * that was sent and not at its neighbours.
 */
export function formFailure<F extends string>(
	form: F,
	caught: unknown,
	values?: Record<string, string>
): ActionFailure<TaggedFailure<F>> {
	const failure = failureFor(caught, values);
	return fail(failure.status, { form, ...failure.data });
}

/** The form's answer when our own check at the edge (zod) already refused the input. */
export function invalidForm<F extends string>(
	form: F,
	errors: Record<string, string>,
	values?: Record<string, string>
): ActionFailure<TaggedFailure<F>> {
	return fail(400, { form, errors, values });
}

/** A text field of a form, or '' when it is missing or a file. */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
