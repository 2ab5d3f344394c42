import { error, redirect } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { isSecureRequest } from '$lib/server/auth/handle';
import { requestContext } from '$lib/server/http/client';
import { TWO_FACTOR_REQUIRED } from '$lib/server/identity/context';
import { acceptInvitation, getInvitation } from '$lib/server/identity/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const invitation = await getInvitation(params.token);
	// Unknown, used, withdrawn or expired: gone, as far as the reader is concerned.
	if (!invitation) error(410, m.auth_invitation_gone_title());
	return {
		invitation: {
			email: invitation.email,
			role: invitation.role,
			twoFactorRequired: TWO_FACTOR_REQUIRED.has(invitation.role),
			organisationName: invitation.organisationName,
			expiresAt: invitation.expiresAt
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = { name: text(form, 'name') };
		let result;
		try {
			result = await acceptInvitation(
				event.params.token,
				{
					name: text(form, 'name'),
					password: text(form, 'password'),
					passwordConfirm: text(form, 'passwordConfirm')
				},
				requestContext(event)
			);
		} catch (caught) {
			return formFailure('accept', caught, values);
		}
		setSessionCookie(event.cookies, result.token, result.expiresAt, isSecureRequest(event.url));
		// The secretariat and administrators must use two-factor login: they set it up first.
		if (TWO_FACTOR_REQUIRED.has(result.role)) {
			redirect(303, localizeHref('/mijn-account/tweestapsverificatie'));
		}
		redirect(303, `${localizeHref('/mijn-account')}?welkom`);
	}
};
