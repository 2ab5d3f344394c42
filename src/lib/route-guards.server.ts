import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { AccessError, type Actor } from '$lib/server/access';
import { TWO_FACTOR_REQUIRED } from '$lib/server/identity/context';

export type SignedInSession = NonNullable<App.Locals['session']>;

/** The sign-in page, with the way back to where the person was going. */
export function signInHref(url: URL): string {
	const back = url.pathname + (url.search.startsWith('?/') ? '' : url.search);
	return `${localizeHref('/inloggen')}?terug=${encodeURIComponent(back)}`;
}

/**
 * The guard of every signed-in page and form action (layout loads do not protect actions, so each
 * calls this itself). Not signed in: to the sign-in page, or to the second step when the password
 * was already accepted. A role that requires two-factor login without it set up: to the set-up
 * page, which passes `allowWithoutTwoFactor`.
 */
export function requireSignedIn(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	options: { allowWithoutTwoFactor?: boolean } = {}
): { actor: Actor; session: SignedInSession } {
	const { actor, session } = event.locals;
	if (!actor || !session) {
		if (session && !session.twoFactorVerified) {
			const back = encodeURIComponent(event.url.pathname);
			redirect(303, `${localizeHref('/inloggen/tweede-stap')}?terug=${back}`);
		}
		redirect(303, signInHref(event.url));
	}
	if (
		!options.allowWithoutTwoFactor &&
		TWO_FACTOR_REQUIRED.has(actor.role) &&
		!session.totpEnabled
	) {
		redirect(303, localizeHref('/mijn-account/tweestapsverificatie'));
	}
	return { actor, session };
}

/**
 * For load functions: what the actor may not see becomes the 404 (or 403) page, as in the verbs;
 * it must not reach handleError as an unexpected 500.
 */
export async function orAccessError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof AccessError) error(caught.status, caught.message);
		throw caught;
	}
}
