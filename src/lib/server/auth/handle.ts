import type { Handle } from '@sveltejs/kit';
import { config } from '../config';
import { authenticateApiToken } from '../identity/account';
import { resolveSession } from '../identity/session-lookup';
import { deleteSessionCookie, readSessionCookie, setSessionCookie } from './cookie';

/** Over https, or in production behind a TLS proxy: the cookie gets Secure and `__Host-`. */
export function isSecureRequest(url: URL): boolean {
	return url.protocol === 'https:' || config().NODE_ENV === 'production';
}

/**
 * Who is asking: an API token (`Authorization: Bearer`, for /api only) or the session cookie.
 * A session that still waits for its second step gives `locals.session` but no actor.
 */
export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	event.locals.session = null;

	const authorization = event.request.headers.get('authorization');
	if (authorization !== null) {
		const [scheme, token] = authorization.split(' ', 2);
		if (event.url.pathname.startsWith('/api/') && scheme?.toLowerCase() === 'bearer' && token) {
			event.locals.actor = await authenticateApiToken(token.trim());
		}
		return resolve(event);
	}

	const secure = isSecureRequest(event.url);
	const token = readSessionCookie(event.cookies, secure);
	if (token) {
		const valid = await resolveSession(token);
		if (!valid) {
			deleteSessionCookie(event.cookies, secure);
		} else {
			event.locals.session = {
				id: valid.session.id,
				personId: valid.actor.personId,
				role: valid.actor.role,
				twoFactorVerified: valid.session.twoFactorVerified,
				totpEnabled: valid.totpEnabled,
				organisationName: valid.organisationName,
				expiresAt: valid.session.expiresAt
			};
			if (valid.refreshed) setSessionCookie(event.cookies, token, valid.session.expiresAt, secure);
			if (valid.session.twoFactorVerified) event.locals.actor = valid.actor;
		}
	}
	return resolve(event);
};
