import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { meetingCalendar } from '$lib/server/calendar';
import type { RequestHandler } from './$types';

/** One meeting as an iCalendar file, for whoever may see the meeting. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireSignedIn(event);
	const { filename, body } = await orAccessError(
		meetingCalendar(actor, event.params.id, event.url.origin)
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-cache'
		}
	});
};
