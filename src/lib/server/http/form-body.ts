import { error, type Handle, type RequestEvent } from '@sveltejs/kit';

/** 415: the body is no form at all (SvelteKit lets text/plain through to the action). */
export const FORM_WRONG_TYPE =
	'Dit adres neemt alleen een formulier aan zoals een browser het verstuurt. Ga terug naar de pagina en verstuur het formulier opnieuw.';

/** 400: a form that did not arrive whole (multipart without boundary, cut off halfway). */
export const FORM_UNREADABLE =
	'Het formulier kwam niet goed aan en is niet verwerkt. Ga terug naar de pagina en verstuur het opnieuw.';

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * A form action: every POST outside the API (the site has no other POST handlers; the API reads
 * its own bodies in src/lib/server/api/request.ts, and /_app/ is SvelteKit's).
 */
export function isFormAction(event: Pick<RequestEvent, 'request' | 'url'>): boolean {
	const path = event.url.pathname;
	return event.request.method === 'POST' && !path.startsWith('/api/') && !path.startsWith('/_app/');
}

/**
 * Makes a body that cannot be read as a form the client's mistake, for every form action at once.
 * The action's own `request.formData()` call is where SvelteKit finds out, as an undici TypeError
 * that would otherwise become a 500 with an error id. So that call is wrapped: a wrong content
 * type answers 415, a broken form 400, both as SvelteKit's own error (the error page for a
 * browser post, an `error` result for an enhanced form), logged as a warning. Wrapping the call,
 * rather than reading the body here, keeps a 25 MB upload read once and only when the action
 * wants it.
 */
export const formBody: Handle = ({ event, resolve }) => {
	if (isFormAction(event)) guardFormData(event);
	return resolve(event);
};

function guardFormData(event: RequestEvent): void {
	const request = event.request;
	const readForm = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		configurable: true,
		value: async (): Promise<FormData> => {
			const contentType = request.headers.get('content-type');
			const mediaType = contentType?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
			if (!formTypes.includes(mediaType)) refuse(event, 415, FORM_WRONG_TYPE, contentType);
			try {
				return await readForm();
			} catch (caught) {
				// undici's parse failures are TypeErrors; anything else (SvelteKit's 413 for a body
				// over the limit, a stream error) keeps its own meaning.
				if (!(caught instanceof TypeError)) throw caught;
				refuse(event, 400, FORM_UNREADABLE, contentType, caught);
			}
		}
	});
}

function refuse(
	event: RequestEvent,
	status: 400 | 415,
	message: string,
	contentType: string | null,
	cause?: TypeError
): never {
	const reason = cause?.cause instanceof Error ? cause.cause.message : cause?.message;
	event.locals.log.warn(
		{ status, path: event.url.pathname, contentType, reason },
		'form body refused'
	);
	error(status, message);
}
