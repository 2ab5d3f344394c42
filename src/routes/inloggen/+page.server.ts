import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { safeReturnPath } from '$lib/return-path';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { isSecureRequest } from '$lib/server/auth/handle';
import { requestContext } from '$lib/server/http/client';
import { login } from '$lib/server/identity/auth';
import { freeText } from '$lib/server/kernel/text';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const back = safeReturnPath(url.searchParams.get('terug'));
	if (locals.actor) redirect(303, back ?? localizeHref('/mijn-werk'));
	return { back };
};

// Only whether the fields are filled in is checked here; whether they are right is the verb's
// business, and it never says which of the two was wrong. Messages are Dutch, as the verbs' are;
// the page shows them in the reader's language.
const filledIn = z.object({
	email: freeText('Het e-mailadres', 'Vul uw e-mailadres in.')
		.trim()
		.min(1, { error: 'Vul uw e-mailadres in.' }),
	password: freeText('Het wachtwoord', 'Vul een wachtwoord in.').min(1, {
		error: 'Vul een wachtwoord in.'
	})
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const input = { email: text(form, 'email'), password: text(form, 'password') };
		const back = safeReturnPath(text(form, 'terug'));
		const values = { email: input.email };

		const checked = filledIn.safeParse(input);
		if (!checked.success) {
			const errors: Record<string, string> = {};
			for (const issue of checked.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return invalidForm('login', errors, values);
		}

		let result;
		try {
			result = await login(input, requestContext(event));
		} catch (caught) {
			return formFailure('login', caught, values);
		}
		setSessionCookie(event.cookies, result.token, result.expiresAt, isSecureRequest(event.url));

		const query = back ? `?terug=${encodeURIComponent(back)}` : '';
		if (result.needsSecondFactor) redirect(303, `${localizeHref('/inloggen/tweede-stap')}${query}`);
		if (result.needsEnrolment) redirect(303, localizeHref('/mijn-account/tweestapsverificatie'));
		redirect(303, back ?? localizeHref('/mijn-werk'));
	}
};
