import type { Cookies } from '@sveltejs/kit';

/**
 * The session cookie: HttpOnly and SameSite=Lax always; over https (production) also Secure with
 * the `__Host-` prefix, which binds it to this host and path `/`.
 */
export const SESSION_COOKIE = 'oho_session';
export const SECURE_SESSION_COOKIE = '__Host-oho_session';

export function sessionCookieName(secure: boolean): string {
	return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function readSessionCookie(cookies: Cookies, secure: boolean): string | undefined {
	return cookies.get(sessionCookieName(secure));
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(sessionCookieName(secure), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(sessionCookieName(secure), { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
