import { AccessError } from '$lib/server/access';
import { deadlineFeed } from '$lib/server/calendar';
import type { RequestHandler } from './$types';

/**
 * The deadlines of one's own party's agreements as a calendar feed. Calendar apps send no
 * session: the token of the person's calendar feed (Mijn account, Agenda) is the key, as at
 * /kalender/<token>. Anything unknown or revoked is a plain 404, the same for every case.
 */
export const GET: RequestHandler = async (event) => {
	try {
		const body = await deadlineFeed(event.params.token, event.url.origin);
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'inline; filename="termijnen-afspraken.ics"',
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
