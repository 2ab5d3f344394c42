import { deLocalizeHref } from '$lib/paraglide/runtime';

const BASE = 'http://return-path.invalid';

/**
 * Where to go after signing in, taken from `?terug=`: only a path on this site, starting with a
 * single '/'. Anything else (another host, `//host`, `/\host`, a scheme) is ignored, so the login
 * page cannot be used to send people to a look-alike site. The sign-in pages themselves are
 * ignored too, to avoid a loop.
 */
export function safeReturnPath(raw: string | null | undefined): string | null {
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000) return null;
	if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
	// Control characters and whitespace have no place in a path we produced ourselves.
	if (/[\s\p{Cc}]/u.test(raw)) return null;
	let url: URL;
	try {
		url = new URL(raw, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const path = deLocalizeHref(url.pathname);
	if (/^\/(inloggen|uitloggen|uitnodiging)(\/|$)/.test(path)) return null;
	return url.pathname + url.search + url.hash;
}
