import type { RequestEvent } from '@sveltejs/kit';
import type { RequestContext } from '../identity/context';

/** The request facts a verb logs and rate-limits on. */
export function requestContext(event: RequestEvent): RequestContext {
	let ipAddress: string | null;
	try {
		ipAddress = event.getClientAddress();
	} catch {
		// Not every adapter or test harness knows the client address.
		ipAddress = null;
	}
	return {
		requestId: event.locals.requestId,
		ipAddress,
		userAgent: event.request.headers.get('user-agent')
	};
}
