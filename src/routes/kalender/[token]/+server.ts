import { AccessError } from '$lib/server/access';
import { calendarFeed } from '$lib/server/calendar';
import type { RequestHandler } from './$types';

/**
 * A person's private calendar feed. Calendar apps send no session: the token in the URL is the
 * key. Anything unknown or revoked is a plain 404, the same for every case.
 */
export const GET: RequestHandler = async (event) => {
	try {
		const body = await calendarFeed(event.params.token, event.url.origin);
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'inline; filename="overhedenoverleg.ics"',
				'cache-control': 'private, max-age=300',
				'referrer-policy': 'no-referrer'
			}
		});
	} catch (caught) {
		if (caught instanceof AccessError)
			return new Response('Niet gevonden.', {
				status: 404,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
			});
		throw caught;
	}
};
