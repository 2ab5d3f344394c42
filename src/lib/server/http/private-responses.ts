import type { Handle } from '@sveltejs/kit';

export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * What a signed-in person is shown is theirs: no shared cache may keep it, and neither may the
 * browser (the back button on a shared computer after signing out). Their pages (HTML, and the
 * page data a client-side navigation fetches) are always private, whatever a load set; any other
 * answer to them, such as `/api/v1/me`, is private unless it chose its own caching, like a
 * download's `private, no-cache` with an ETag or the public OpenAPI document. Nobody signed in:
 * nothing changes, so public pages and static files stay cacheable.
 */
export const privateResponses: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.locals.session && !event.locals.actor) return response;
	const page =
		event.isDataRequest || (response.headers.get('content-type') ?? '').startsWith('text/html');
	if (page || !response.headers.has('cache-control'))
		response.headers.set('cache-control', PRIVATE_NO_STORE);
	return response;
};
