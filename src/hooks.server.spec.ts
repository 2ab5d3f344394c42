import { isHttpError, type RequestEvent } from '@sveltejs/kit';
// @ts-expect-error -- SvelteKit's internal entry, which its own `sequence` uses, ships no types.
import { with_request_store } from '@sveltejs/kit/internal/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle, handleError } from './hooks.server';
import { logger } from '$lib/server/logger';
import { FORM_UNREADABLE, FORM_WRONG_TYPE } from '$lib/server/http/form-body';

// Who is signed in, as the session lookup would say; the real one needs a database.
const signedIn = vi.hoisted(() => ({ session: null as null | { id: string } }));
vi.mock('$lib/server/auth/handle', () => ({
	authenticate: ({
		event,
		resolve
	}: {
		event: RequestEvent;
		resolve: (e: RequestEvent) => unknown;
	}) => {
		event.locals.actor = null;
		event.locals.session = signedIn.session as RequestEvent['locals']['session'];
		return resolve(event);
	}
}));

function fakeEvent() {
	const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
	const event = {
		locals: { log, requestId: 'req-1' },
		url: new URL('http://localhost/vergaderingen')
	};
	return { event: event as unknown as RequestEvent, log };
}

describe('handleError', () => {
	it('logs an unexpected error with an id and answers calmly in Dutch, quoting that id', async () => {
		const { event, log } = fakeEvent();
		const result = await handleError({
			error: new Error('connection reset'),
			event,
			status: 500,
			message: 'Internal Error'
		});
		expect(result?.errorId).toMatch(/^[0-9a-f-]{36}$/);
		expect(result?.message).toMatch(/Er ging aan onze kant iets mis/);
		expect(result?.message).not.toContain('connection reset');
		expect(log.error).toHaveBeenCalledOnce();
		expect(log.error.mock.calls[0]?.[0]).toMatchObject({ errorId: result?.errorId, status: 500 });
	});

	it('answers a missing page without logging it as a fault', async () => {
		const { event, log } = fakeEvent();
		const result = await handleError({
			error: new Error('Not found'),
			event,
			status: 404,
			message: 'Not Found'
		});
		expect(result?.message).toBe('Deze pagina bestaat niet (meer).');
		expect(result?.errorId).toBeUndefined();
		expect(log.error).not.toHaveBeenCalled();
	});

	it("answers SvelteKit's own 4xx (a form action sent JSON: 415) as the client's mistake", async () => {
		const { event, log } = fakeEvent();
		const result = await handleError({
			error: new Error('Form actions expect form-encoded data — received application/json'),
			event,
			status: 415,
			message: 'Unsupported Media Type'
		});
		expect(result).toEqual({ message: FORM_WRONG_TYPE });
		expect(log.error).not.toHaveBeenCalled();
		expect(log.warn.mock.calls[0]?.[0]).toMatchObject({ status: 415 });
	});
});

/** What the hooks see of a request; `resolve` stands in for SvelteKit and the page. */
function requestEvent(path: string, init: RequestInit & { dataRequest?: boolean } = {}) {
	const url = new URL(path, 'http://localhost');
	return {
		request: new Request(url, init),
		url,
		locals: {},
		cookies: { get: () => undefined, set: () => {}, delete: () => {} },
		isDataRequest: init.dataRequest ?? false,
		route: { id: url.pathname },
		params: {},
		setHeaders: () => {},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
}

/** A form action as the routes write them: it reads the form first. */
const formAction = async (event: RequestEvent) => {
	const form = await event.request.formData();
	const file = form.get('file');
	return Response.json({ a: form.get('a'), size: file instanceof File ? file.size : null });
};

/**
 * The real `handle`, run as SvelteKit runs it: `sequence` reads its tracing from the request
 * store that SvelteKit sets up around every request.
 */
const handled = (event: RequestEvent, resolve: (event: RequestEvent) => Promise<Response>) => {
	const state = { tracing: { record_span: ({ fn }: { fn: (span: object) => unknown }) => fn({}) } };
	return Promise.resolve(
		(with_request_store as (store: unknown, fn: () => unknown) => unknown)({ event, state }, () =>
			handle({ event, resolve: (e) => resolve(e) })
		) as Promise<Response>
	);
};

async function refusal(event: RequestEvent) {
	const caught = await handled(event, formAction).then(
		() => null,
		(error: unknown) => error
	);
	expect(isHttpError(caught)).toBe(true);
	return caught as { status: number; body: App.Error };
}

describe('form actions: a body that is no readable form is the client’s mistake', () => {
	const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
	beforeEach(() => {
		vi.spyOn(logger, 'child').mockReturnValue(log as never);
	});
	afterEach(() => {
		vi.restoreAllMocks();
		log.warn.mockClear();
		log.error.mockClear();
	});

	const truncated = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nbbb';
	const cases: [string, string, string, number, string][] = [
		['text/plain', 'text/plain', 'a=b', 415, FORM_WRONG_TYPE],
		['multipart without a boundary', 'multipart/form-data', truncated, 400, FORM_UNREADABLE],
		['truncated multipart', 'multipart/form-data; boundary=x', truncated, 400, FORM_UNREADABLE]
	];
	for (const [label, contentType, body, status, message] of cases) {
		it(`${label}: ${status} with a Dutch message, logged as a warning`, async () => {
			const error = await refusal(
				requestEvent('/inloggen', {
					method: 'POST',
					headers: { 'content-type': contentType },
					body
				})
			);
			expect(error.status).toBe(status);
			expect(error.body).toEqual({ message });
			expect(error.body.message).toMatch(/formulier/);
			expect(log.warn).toHaveBeenCalledWith(
				expect.objectContaining({ status, path: '/inloggen' }),
				'form body refused'
			);
			expect(log.error).not.toHaveBeenCalled();
		});
	}

	it('passes real forms through whole: urlencoded, and multipart with a file', async () => {
		const urlencoded = await handled(
			requestEvent('/inloggen', { method: 'POST', body: new URLSearchParams({ a: 'één' }) }),
			formAction
		);
		expect(await urlencoded.json()).toEqual({ a: 'één', size: null });
		const form = new FormData();
		form.set('a', 'b');
		form.set('file', new File([new Uint8Array(3 * 1024 * 1024)], 'nota.pdf'));
		const multipart = await handled(
			requestEvent('/agendapunten/x/bijlagen?/upload', { method: 'POST', body: form }),
			formAction
		);
		expect(await multipart.json()).toEqual({ a: 'b', size: 3 * 1024 * 1024 });
		expect(log.warn).not.toHaveBeenCalled();
	});

	it('leaves the API to read its own bodies', async () => {
		const caught = await handled(
			requestEvent('/api/v1/items', {
				method: 'POST',
				headers: { 'content-type': 'text/plain' },
				body: 'a=b'
			}),
			formAction
		).then(
			() => null,
			(error: unknown) => error
		);
		expect(caught).toBeInstanceOf(TypeError);
	});
});

describe('Cache-Control for people who are signed in', () => {
	afterEach(() => {
		signedIn.session = null;
	});
	const page = () =>
		Promise.resolve(
			new Response('<!doctype html><html lang="nl"></html>', {
				headers: { 'content-type': 'text/html', 'cache-control': 'public, max-age=60' }
			})
		);

	it('a signed-in page is private, no-store, whatever the page set', async () => {
		signedIn.session = { id: 's1' };
		const response = await handled(requestEvent('/mijn-voorstellen'), page);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
	});

	it('a page for someone not signed in keeps its own caching', async () => {
		const response = await handled(requestEvent('/publicaties'), page);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
	});
});
