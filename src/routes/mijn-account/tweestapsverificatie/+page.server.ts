import { fail } from '@sveltejs/kit';
import { formFailure, text } from '$lib/form-results.server';
import { safeReturnPath } from '$lib/return-path';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import type { Actor } from '$lib/server/access';
import {
	decodeKey,
	encodeKey,
	enrolmentQrSvg,
	enrolmentUri,
	formatManualKey
} from '$lib/server/auth/mfa';
import { requestContext } from '$lib/server/http/client';
import { confirmTotpEnrolment, getAccount, startTotpEnrolment } from '$lib/server/identity/account';
import { TWO_FACTOR_REQUIRED } from '$lib/server/identity/context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// This page is where the guard sends roles that still need two-factor login.
	const { actor } = requireSignedIn(event, { allowWithoutTwoFactor: true });
	const account = await orAccessError(getAccount(actor));
	const enrolment = startTotpEnrolment(actor, account.email);
	return {
		enabledAt: account.totpEnabledAt,
		recoveryCodesLeft: account.recoveryCodesLeft,
		required: TWO_FACTOR_REQUIRED.has(account.role),
		enrolment: { key: enrolment.key, manualKey: enrolment.manualKey, qrSvg: enrolment.qrSvg },
		back: safeReturnPath(event.url.searchParams.get('terug'))
	};
};

/**
 * After a wrong code the page must show the same key again: the person already scanned it, and
 * the load function would make a new one. Nothing is stored until a code is confirmed.
 */
async function sameEnrolment(actor: Actor, posted: string) {
	const key = decodeKey(posted);
	if (!key) return null;
	const account = await getAccount(actor);
	return {
		key: encodeKey(key),
		manualKey: formatManualKey(key),
		qrSvg: enrolmentQrSvg(enrolmentUri(account.email, key))
	};
}

export const actions: Actions = {
	default: async (event) => {
		const { actor, session } = requireSignedIn(event, { allowWithoutTwoFactor: true });
		const form = await event.request.formData();
		const key = text(form, 'key');
		try {
			const { recoveryCodes } = await confirmTotpEnrolment(
				actor,
				session.id,
				{ key, code: text(form, 'code') },
				requestContext(event)
			);
			return { form: 'enrol' as const, recoveryCodes };
		} catch (caught) {
			const failure = formFailure('enrol', caught);
			return fail(failure.status, { ...failure.data, enrolment: await sameEnrolment(actor, key) });
		}
	}
};
