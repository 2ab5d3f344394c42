import { redirect } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { safeReturnPath } from '$lib/return-path';
import { requestContext } from '$lib/server/http/client';
import { verifySecondFactor } from '$lib/server/identity/auth';
import type { Actions, PageServerLoad } from './$types';

/** Only a session whose password was accepted and that still waits for its second step. */
function pendingSession(locals: App.Locals, back: string | null) {
	const session = locals.session;
	if (!session) redirect(303, localizeHref('/inloggen'));
	if (session.twoFactorVerified) redirect(303, back ?? localizeHref('/mijn-werk'));
	return session;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const back = safeReturnPath(url.searchParams.get('terug'));
	pendingSession(locals, back);
	return { back };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const back = safeReturnPath(text(form, 'terug'));
		const session = pendingSession(event.locals, back);
		// Two forms post here: the code from the app, and (folded away) a recovery code.
		const kind = text(form, 'kind') === 'recovery' ? 'recovery' : 'totp';
		try {
			await verifySecondFactor(
				session.id,
				session.personId,
				{ code: text(form, 'code') },
				requestContext(event)
			);
		} catch (caught) {
			return formFailure(kind, caught);
		}
		redirect(303, back ?? localizeHref('/mijn-werk'));
	}
};
