import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { Actor } from '../../../src/lib/server/access';
import { authenticate } from '../../../src/lib/server/auth/handle';
import { createApiToken } from '../../../src/lib/server/identity/account';
import { context } from '../identity/fixtures';

/**
 * Calls the API's route handlers as SvelteKit would: a real Request, routed by the file layout of
 * src/routes/api/v1, with the authentication hook in front for Bearer tokens. Cheaper than a built
 * server, and it runs on both engines.
 */
type RouteModule = Partial<Record<string, RequestHandler>>;

export const routeModules = import.meta.glob<RouteModule>('/src/routes/api/v1/**/+server.ts', {
	eager: true
});

/** /src/routes/api/v1/items/[id]/+server.ts → /api/v1/items/[id] */
export const routePathOf = (file: string) =>
	file.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '');

const routes = Object.entries(routeModules).map(([file, module]) => {
	const path = routePathOf(file);
	const pattern = new RegExp(
		`^${path.replace(/\[(\w+)\]/g, '(?<$1>[^/]+)').replace(/\./g, '\\.')}$`
	);
	return { path, pattern, module };
});

export const ORIGIN = 'http://localhost:4341';

export interface CallOptions {
	/** A signed-in person through the session cookie. */
	actor?: Actor;
	/** A real API token, through the authentication hook. */
	token?: string;
	body?: unknown;
	/** Raw body text (for malformed JSON); wins over body. */
	raw?: string;
	/** A multipart form (uploads); the Request sets its content type. */
	form?: FormData;
	ifMatch?: string | number;
	headers?: Record<string, string>;
}

export interface Answer {
	status: number;
	headers: Headers;
	body: Record<string, unknown> & { errors?: { field: string; message: string }[] };
	list: Record<string, unknown>[];
	bytes: Uint8Array;
}

export async function call(method: string, path: string, options: CallOptions = {}) {
	const url = new URL(path, ORIGIN);
	const route = routes
		.map((candidate) => ({ candidate, match: candidate.pattern.exec(url.pathname) }))
		.find(({ match }) => match);
	if (!route) throw new Error(`no route for ${url.pathname}`);
	const handler = route.candidate.module[method];
	if (!handler) throw new Error(`no ${method} on ${route.candidate.path}`);

	const headers = new Headers(options.headers);
	let body: string | undefined = options.raw;
	if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
	// A browser client of the API says it sends JSON on every write (the CSRF guard asks it).
	const write = method !== 'GET' && method !== 'DELETE';
	if (
		!options.form &&
		(body !== undefined || (write && options.actor)) &&
		!headers.has('content-type')
	)
		headers.set('content-type', 'application/json');
	if (options.ifMatch !== undefined)
		headers.set(
			'if-match',
			typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch
		);
	if (options.token) headers.set('authorization', `Bearer ${options.token}`);
	const request = new Request(url, { method, headers, body: options.form ?? body });

	const log = { info() {}, warn() {}, error() {}, debug() {}, child: () => log };
	const event = {
		request,
		url,
		params: { ...route.match!.groups },
		route: { id: route.candidate.path },
		locals: { requestId: 'api-test', log, actor: options.actor ?? null, session: null },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => '192.0.2.20',
		setHeaders() {},
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined,
		fetch
	} as unknown as RequestEvent;
	const response = options.token
		? await authenticate({ event, resolve: (resolved) => handler(resolved as never) })
		: await handler(event as never);
	const type = response.headers.get('content-type') ?? '';
	const bytes = new Uint8Array(await response.arrayBuffer());
	const text = /json/.test(type) ? new TextDecoder().decode(bytes) : '';
	const parsed = text ? JSON.parse(text) : {};
	return {
		status: response.status,
		headers: response.headers,
		bytes,
		body: parsed,
		list: Array.isArray(parsed) ? parsed : []
	} as Answer;
}

/** A client for one actor: `as(team.vngMedewerker).post(path, { body, ifMatch })`. */
export function as(who: Actor | { token: string }) {
	const auth = 'token' in who ? { token: who.token } : { actor: who };
	const send =
		(method: string) =>
		(path: string, options: Omit<CallOptions, 'actor'> = {}) =>
			call(method, path, { ...auth, ...options });
	return {
		get: send('GET'),
		post: send('POST'),
		put: send('PUT'),
		patch: send('PATCH'),
		delete: send('DELETE')
	};
}

/** A real API token of the actor (who must be session-based to mint it). */
export async function tokenFor(actor: Actor, scope: 'read' | 'write') {
	const { token } = await createApiToken(actor, { name: `api-test ${scope}`, scope }, context);
	return token;
}
