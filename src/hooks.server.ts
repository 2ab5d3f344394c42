import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { config } from '$lib/server/config';
import { databaseHandle } from '$lib/server/db';
import { requestIdFrom } from '$lib/server/http/request-id';
import { securityHeaders } from '$lib/server/http/security-headers';
import { authenticate } from '$lib/server/auth/handle';
import { startHousekeeping } from '$lib/server/identity/housekeeping';
import { logger } from '$lib/server/logger';

/** Parse the environment and open, migrate and seed the database before the first request. */
export const init: ServerInit = async () => {
	config();
	await databaseHandle();
	startHousekeeping();
};

const requestContext: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestIdFrom(event.request.headers);
	event.locals.log = logger.child({ requestId: event.locals.requestId });
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	for (const [name, value] of Object.entries(securityHeaders(event.url))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	event.locals.log.info(
		{
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(requestContext, authenticate, i18n);

/**
 * Only unexpected errors arrive here (expected ones are thrown with `error()`): log them with an
 * id and answer calmly and generically, quoting that id.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = randomUUID();
	const log = event.locals.log ?? logger;
	if (status === 404) {
		return { message: 'Deze pagina bestaat niet (meer).' };
	}
	log.error({ err: error, errorId, status, path: event.url.pathname }, message);
	return {
		message:
			'Er ging aan onze kant iets mis. Probeer het later opnieuw. Noem bij contact met de servicedesk dit foutnummer.',
		errorId
	};
};
