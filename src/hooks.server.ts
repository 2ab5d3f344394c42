import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { clientErrorMessage } from '$lib/server/http/client-error';
import { formBody } from '$lib/server/http/form-body';
import { pageEtag } from '$lib/server/http/etag';
import { privateResponses } from '$lib/server/http/private-responses';
import { requestIdFrom } from '$lib/server/http/request-id';
import { securityHeaders } from '$lib/server/http/security-headers';
import { authenticate } from '$lib/server/auth/handle';
import { logger } from '$lib/server/logger';
import { startUp } from '$lib/server/startup';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { databaseUnavailableProblem } from '$lib/server/http/problem';

/** Parse the environment, open and prepare the database and the rest before the first request. */
export const init: ServerInit = async () => {
	// server.js leaves its HTTP server here; socket.io joins it (the dev server: vite.config.ts).
	const httpServer = (globalThis as Record<symbol, unknown>)[
		Symbol.for('overhedenoverleg.http-server')
	] as HttpServer | undefined;
	await startUp(httpServer);
};

const requestContext: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestIdFrom(event.request.headers);
	event.locals.log = logger.child({ requestId: event.locals.requestId });
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// Before any page ran (e.g. looking up the session): the database is out of reach.
		if (!isDatabaseUnavailable(error)) throw error;
		event.locals.log.warn({ err: error }, 'database unavailable');
		response = unavailableResponse(event.url);
	}
	if (event.locals.databaseUnavailable && response.status === 500) {
		// A page or form action failed on the database: it changed nothing; say 503, not 500.
		response = new Response(response.body, { status: 503, headers: response.headers });
		response.headers.set('retry-after', '30');
	}
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

// formBody comes last, so that it guards the request the action really gets (i18n may replace it).
// pageEtag sits outside every handle that transforms the page: it must see the finished HTML.
export const handle = sequence(
	requestContext,
	pageEtag,
	authenticate,
	privateResponses,
	i18n,
	formBody
);

/**
 * Only unexpected errors arrive here (expected ones are thrown with `error()`): log them with an
 * id and answer calmly and generically, quoting that id. A 4xx that SvelteKit raised itself (a
 * missing page or form action, a body too large or of the wrong type) is the client's: a warning,
 * and a Dutch message without an id.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = randomUUID();
	const log = event.locals.log ?? logger;
	if (status >= 400 && status < 500) {
		const reason = error instanceof Error ? error.message : String(error);
		if (status !== 404) log.warn({ status, path: event.url.pathname, reason }, message);
		return { message: clientErrorMessage(status) };
	}
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		log.warn({ err: error, path: event.url.pathname }, 'database unavailable');
		return { message: DATABASE_UNAVAILABLE };
	}
	log.error({ err: error, errorId, status, path: event.url.pathname }, message);
	return {
		message:
			'Er ging aan onze kant iets mis. Probeer het later opnieuw. Noem bij contact met de servicedesk dit foutnummer.',
		errorId
	};
};

/** 503 before any page could run: a problem document for the API, a short Dutch page otherwise. */
function unavailableResponse(url: URL): Response {
	if (url.pathname.startsWith('/api/')) return databaseUnavailableProblem();
	const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Even niet bereikbaar</title></head><body><main><h1>Even niet bereikbaar</h1><p>${DATABASE_UNAVAILABLE}</p></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '30' }
	});
}
