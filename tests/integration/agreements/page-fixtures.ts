import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { Actor } from '../../../src/lib/server/access';

/*
 * The agreements' pages called as SvelteKit calls them: a load with the person signed in (two-factor
 * login done, so the guard lets every role through), and what a refused action or load throws.
 */

const session = { id: 's', personId: 'p', twoFactorVerified: true, totpEnabled: true };

/** A page load's event for `path`, signed in as the actor (or a visitor, for null). */
export function pageEvent(path: string, actor: Actor | null, params: Record<string, string> = {}) {
	return {
		url: new URL(`http://localhost${path}`),
		params,
		locals: { actor, session: actor ? session : null },
		depends: () => {}
	} as never;
}

/** The status of the error page a load or action ended in (403, 404), or of its redirect. */
export async function thrownStatus(work: () => unknown): Promise<number | null> {
	try {
		await work();
	} catch (caught) {
		if (isHttpError(caught)) return caught.status;
		if (isRedirect(caught)) return caught.status;
		throw caught;
	}
	return null;
}

/** Where a redirect of a load or action goes. */
export async function redirectOf(work: () => unknown): Promise<string | null> {
	try {
		await work();
	} catch (caught) {
		if (isRedirect(caught)) return caught.location;
		throw caught;
	}
	return null;
}
