import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { Actor } from '../access';
import { unauthenticated } from '../http/problem';
import { requestContext } from '../http/client';
import type { RequestContext } from '../identity/context';
import { apiProblemFor, invalid } from './problems';
import { etag, guardCookieWrite, readJson, requiredVersion } from './request';

export interface EndpointInput {
	event: RequestEvent;
	actor: Actor;
	/** The JSON body, unvalidated: the verb validates it with its own zod schema. */
	body: unknown;
	/** From If-Match, when the endpoint requires it. */
	version: number;
	context: RequestContext;
	/** The route's `[id]`, never missing for routes that have one. */
	id: string;
}

/** What an endpoint returns: a Response as is, or data to answer as JSON (with an ETag if versioned). */
export type EndpointResult = Response | { data: unknown; status?: number; version?: number };

export interface EndpointOptions {
	/** 'json' (default for writes) reads a JSON body; 'none' ignores the body. */
	body?: 'json' | 'none' | 'multipart';
	/** The write changes a versioned row: If-Match is required (428 without it). */
	ifMatch?: boolean;
}

/**
 * One API endpoint: authenticates (401), guards cookie writes against CSRF, reads the JSON body
 * and If-Match, calls the handler (which calls a verb), and turns what a verb throws for client
 * mistakes into a problem document. Anything else is a bug and goes on to handleError.
 */
export function endpoint(
	handler: (input: EndpointInput) => Promise<EndpointResult>,
	options: EndpointOptions = {}
): RequestHandler {
	return async (event) => {
		const actor = event.locals.actor;
		if (!actor) return unauthenticated();
		try {
			const write = event.request.method !== 'GET' && event.request.method !== 'HEAD';
			const bodyKind = options.body ?? (write ? 'json' : 'none');
			guardCookieWrite(event.request, event.url, actor, bodyKind);
			const version = options.ifMatch ? requiredVersion(event.request) : 0;
			const body = bodyKind === 'json' ? await readJson(event.request) : {};
			const result = await handler({
				event,
				actor,
				body,
				version,
				context: requestContext(event),
				id: event.params.id ?? ''
			});
			if (result instanceof Response) return result;
			const headers: Record<string, string> = { 'cache-control': 'private, no-store' };
			if (result.version !== undefined) {
				headers.etag = etag(result.version);
				// A client that still has this version need not download it again.
				const cached = event.request.headers.get('if-none-match');
				if (!write && cached?.split(',').some((tag) => tag.trim() === headers.etag))
					return new Response(null, { status: 304, headers });
			}
			return json(result.data, { status: result.status ?? 200, headers });
		} catch (caught) {
			return apiProblemFor(caught);
		}
	};
}

/** A verb's result that carries a version: answered with its ETag. */
export const versioned = <T extends { version: number }>(data: T, status = 200) => ({
	data,
	status,
	version: data.version
});

/** Merges the If-Match version into a write's body as the verb's expectedVersion. */
export function withVersion(body: unknown, version: number): Record<string, unknown> {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw invalid('', 'Stuur de gegevens als een JSON-object.');
	return { ...(body as Record<string, unknown>), expectedVersion: version };
}
