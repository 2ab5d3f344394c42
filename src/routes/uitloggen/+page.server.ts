import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { isSecureRequest } from '$lib/server/auth/handle';
import { requestContext } from '$lib/server/http/client';
import { logout } from '$lib/server/identity/auth';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST only; a GET (a link, a prefetch) just goes home.
export const load: PageServerLoad = () => {
	redirect(303, localizeHref('/'));
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, cookies, url } = event;
		if (locals.session) {
			// A session that still waits for its second step has no actor: log the person alone.
			const actor = locals.actor ?? { personId: locals.session.personId, organisationId: null };
			await logout(actor, locals.session.id, requestContext(event));
		}
		deleteSessionCookie(cookies, isSecureRequest(url));
		redirect(303, `${localizeHref('/')}?uitgelogd`);
	}
};
