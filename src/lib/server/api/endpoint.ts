import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { hash } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../access';
import { rateLimiter, type Limit } from '../auth/rate-limit';
import { RateLimitedError } from '../kernel/errors';
import { unauthenticated } from '../http/problem';
import { requestContext } from '../http/client';
import type { RequestContext } from '../identity/context';
import type { Operation } from '../openapi/operation';
import { apiProblemFor, invalid } from './problems';
import { etag, guardCookieWrite, readJson, requiredVersion } from './request';

export interface EndpointInput {
	event: RequestEvent;
	actor: Actor;
	/** The JSON body, unvalidated: the verb validates it with its own zod schema. */
	body: unknown;
	/** The body is multipart/form-data (an operation with multipartBody): the handler reads it. */
	multipart: boolean;
	/** From If-Match, when the operation requires it. */
	version: number;
	context: RequestContext;
	/** The route's `[id]`, never missing for routes that have one. */
	id: string;
}

/**
 * What a handler returns: a Response as is (a download), or the data the operation's response
 * schema projects; its input type is what the verbs return (rows with Dates), so a handler whose
 * data lacks a documented field does not compile.
 */
export type Handler<Answer extends z.ZodType> = (
	input: EndpointInput
) => Promise<Response | z.input<Answer>>;

/** A projection that does not fit is a bug on our side: a 500 that names the operation. */
export class ProjectionError extends Error {
	constructor(operationId: string, cause: z.ZodError) {
		const where = cause.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		super(`The answer of ${operationId} does not fit its projection (${where.join('; ')})`, {
			cause
		});
		this.name = 'ProjectionError';
	}
}

const isMultipart = (request: Request) =>
	/^multipart\/form-data\s*;/i.test(request.headers.get('content-type') ?? '');

const bodyKindOf = (operation: Operation, request: Request) =>
	operation.bodyMediaType === 'multipart/form-data' ||
	(operation.multipartBody && isMultipart(request))
		? 'multipart'
		: operation.body
			? 'json'
			: 'none';

/**
 * One API operation, as the document describes it: authenticates (401), guards cookie writes
 * against CSRF, reads the body the operation has (JSON, multipart or none) and If-Match when it
 * asks one, calls the handler (which calls a verb), and answers the handler's data through the
 * operation's response schema: only the fields the document names, times as ISO strings, with
 * the documented status and, for versioned answers, the version as ETag. What a verb throws for
 * client mistakes becomes a problem document; anything else is a bug and goes on to handleError.
 */
export function endpoint<Answer extends z.ZodType>(
	operation: Operation<Answer>,
	handler: Handler<Answer>
): RequestHandler & { operation: Operation<Answer> } {
	// The document says a public operation needs no account: it must run as publicEndpoint().
	if (operation.public) throw new Error(`${operation.operationId} is public: use publicEndpoint()`);
	const run: RequestHandler = async (event) => {
		const bodyKind = bodyKindOf(operation, event.request);
		const actor = event.locals.actor;
		if (!actor) return unauthenticated();
		try {
			const write = event.request.method !== 'GET' && event.request.method !== 'HEAD';
			guardCookieWrite(event.request, event.url, actor, bodyKind);
			const version = operation.ifMatch ? requiredVersion(event.request) : 0;
			const body = bodyKind === 'json' ? await readJson(event.request) : {};
			const result = await handler({
				event,
				actor,
				body,
				multipart: bodyKind === 'multipart',
				version,
				context: requestContext(event),
				id: event.params.id ?? ''
			});
			if (result instanceof Response) {
				// Only a download answers as it likes; JSON always goes through the projection.
				if (!operation.responseMediaType)
					throw new Error(`${operation.operationId} answers JSON: return data, not a Response`);
				return result;
			}
			const projected = operation.response.safeParse(result);
			if (!projected.success) throw new ProjectionError(operation.operationId, projected.error);
			const data = projected.data as { version?: number };
			const headers: Record<string, string> = { 'cache-control': 'private, no-store' };
			if (operation.etag && typeof data.version === 'number') {
				headers.etag = etag(data.version);
				// A client that still has this version need not download it again.
				const cached = event.request.headers.get('if-none-match');
				if (!write && cached?.split(',').some((tag) => tag.trim() === headers.etag))
					return new Response(null, { status: 304, headers });
			}
			return json(data, { status: operation.status ?? 200, headers });
		} catch (caught) {
			return apiProblemFor(caught);
		}
	};
	// The operation rides along, so a test can check each route runs the one its path documents.
	return Object.assign(run, { operation });
}

/** Merges the If-Match version into a write's body as the verb's expectedVersion. */
export function withVersion(body: unknown, version: number): Record<string, unknown> {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw invalid('', 'Stuur de gegevens als een JSON-object.');
	return { ...(body as Record<string, unknown>), expectedVersion: version };
}

/** The public API's own limit per IP address, apart from the sign-in limits. */
export const publicApiLimit: Limit = { name: 'public-api:ip', max: 300, windowMs: 60_000 };
export const PUBLIC_CACHE = 'public, max-age=60';

export interface PublicEndpointInput {
	event: RequestEvent;
	context: RequestContext;
	/** The route's `[id]`. */
	id: string;
}

/**
 * A public operation (`public: true`, GET only): no actor, no body, no cookie, so the answer is
 * the same for everyone and any cache may keep it for a minute (`Cache-Control: public`), with an
 * ETag (a hash of the answer) that answers 304. Each
 * IP address has a limit of its own (429 with Retry-After). The handler reads only the public
 * side (server/publications), and its data goes through the operation's projection as in endpoint().
 */
export function publicEndpoint<Answer extends z.ZodType>(
	operation: Operation<Answer>,
	handler: (input: PublicEndpointInput) => Promise<z.input<Answer>>
): RequestHandler & { operation: Operation<Answer> } {
	if (!operation.public || operation.method !== 'get' || operation.body)
		throw new Error(`${operation.operationId} is no public read: use endpoint()`);
	const run: RequestHandler = async (event) => {
		try {
			const context = requestContext(event);
			const verdict = await rateLimiter().consume(publicApiLimit, context.ipAddress ?? 'unknown');
			if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
			const result = await handler({ event, context, id: event.params.id ?? '' });
			const projected = operation.response.safeParse(result);
			if (!projected.success) throw new ProjectionError(operation.operationId, projected.error);
			const body = JSON.stringify(projected.data);
			// From the answer itself, not its version number alone: an older version's answer also
			// lists the versions after it, which a later correction adds to.
			const tag = `"${hash('sha1', body, 'base64url')}"`;
			const headers = { 'cache-control': PUBLIC_CACHE, etag: tag };
			const cached = event.request.headers.get('if-none-match');
			if (cached?.split(',').some((candidate) => candidate.trim() === tag))
				return new Response(null, { status: 304, headers });
			return new Response(body, {
				headers: { ...headers, 'content-type': 'application/json' }
			});
		} catch (caught) {
			return apiProblemFor(caught);
		}
	};
	return Object.assign(run, { operation });
}
