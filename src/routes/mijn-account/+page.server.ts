import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { isSecureRequest } from '$lib/server/auth/handle';
import { requestContext } from '$lib/server/http/client';
import {
	changePassword,
	createApiToken,
	endSession,
	getAccount,
	listApiTokens,
	listSessions,
	revokeApiToken
} from '$lib/server/identity/account';
import { TWO_FACTOR_REQUIRED } from '$lib/server/identity/context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, session } = requireSignedIn(event);
	const [account, sessions, tokens] = await orAccessError(
		Promise.all([getAccount(actor), listSessions(actor), listApiTokens(actor)])
	);
	return {
		account: {
			name: account.name,
			email: account.email,
			organisationName: account.organisationName,
			role: account.role,
			totpEnabledAt: account.totpEnabledAt,
			recoveryCodesLeft: account.recoveryCodesLeft,
			passwordChangedAt: account.passwordChangedAt
		},
		twoFactorRequired: TWO_FACTOR_REQUIRED.has(account.role),
		// Most recently used first; this device on top.
		sessions: sessions
			.map((row) => ({
				id: row.id,
				userAgent: row.userAgent,
				ipAddress: row.ipAddress,
				createdAt: row.createdAt,
				lastSeenAt: row.lastSeenAt,
				current: row.id === session.id
			}))
			.sort(
				(a, b) =>
					Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime()
			),
		tokens
	};
};

const sessionId = z.string().regex(/^[a-z0-9]{8,64}$/);
const tokenId = z.uuid();

export const actions: Actions = {
	endSession: async (event) => {
		const { actor, session } = requireSignedIn(event);
		const form = await event.request.formData();
		const id = sessionId.safeParse(text(form, 'sessionId'));
		// An unknown or already ended session: nothing left to end.
		const own = id.success && (await listSessions(actor)).some((row) => row.id === id.data);
		if (!id.success || !own) return { form: 'session' as const, ended: false };
		try {
			await endSession(actor, id.data, requestContext(event));
		} catch (caught) {
			return formFailure('session', caught);
		}
		if (id.data === session.id) {
			deleteSessionCookie(event.cookies, isSecureRequest(event.url));
			redirect(303, `${localizeHref('/')}?uitgelogd`);
		}
		return { form: 'session' as const, ended: true };
	},

	password: async (event) => {
		const { actor, session } = requireSignedIn(event);
		const form = await event.request.formData();
		try {
			await changePassword(
				actor,
				session.id,
				{
					currentPassword: text(form, 'currentPassword'),
					newPassword: text(form, 'newPassword'),
					newPasswordConfirm: text(form, 'newPasswordConfirm')
				},
				requestContext(event)
			);
		} catch (caught) {
			return formFailure('password', caught);
		}
		return { form: 'password' as const, changed: true };
	},

	createToken: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = {
			name: text(form, 'name'),
			scope: text(form, 'scope'),
			expiresInDays: text(form, 'expiresInDays')
		};
		try {
			const created = await createApiToken(actor, values, requestContext(event));
			return {
				form: 'token' as const,
				created: {
					name: values.name.trim(),
					token: created.token,
					scope: created.scope,
					expiresAt: created.expiresAt
				}
			};
		} catch (caught) {
			return formFailure('token', caught, values);
		}
	},

	revokeToken: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const id = tokenId.safeParse(text(form, 'tokenId'));
		const own = id.success && (await listApiTokens(actor)).some((row) => row.id === id.data);
		if (!id.success || !own) {
			return invalidForm('revoke', { '': 'Dit token bestaat niet (meer).' });
		}
		try {
			await revokeApiToken(actor, id.data, requestContext(event));
		} catch (caught) {
			return formFailure('revoke', caught);
		}
		return { form: 'revoke' as const, revoked: true };
	}
};
