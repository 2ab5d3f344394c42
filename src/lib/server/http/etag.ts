import type { Handle } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { hash } from 'node:crypto';

const encoder = new TextEncoder();

/** SvelteKit's marker on the responses its page renderer made. */
const PAGE_MARKER = 'x-sveltekit-page';

/**
 * A page's ETag from a native hash. SvelteKit sets one on every rendered page by running djb2 over
 * the whole HTML in a JavaScript loop (render.js), about 15% of the meeting page's server CPU for
 * its 80 KB. It hashes what the last transformPageChunk returns and offers no way to skip that, so
 * this handle (outermost of those that transform, so that it sees the finished HTML) takes the
 * finished HTML, hands SvelteKit an empty string to hash and puts the HTML back into the response
 * with an ETag from node:crypto. SvelteKit answers If-None-Match with 304 after the handles, from
 * whatever ETag the response then carries, so revalidation works as before. A page whose CSP
 * carries a nonce (svelte.config.js: every rendered page) differs in every answer, so no ETag of
 * it can ever match: it gets none, and the hash is not computed at all.
 *
 * When SvelteKit streams (a load returned promises), the rest of the page follows the transformed
 * part in the body, which is then put after the HTML. Should a future SvelteKit transform in
 * several calls, the first chunk that is not the last turns this off for that response, so that
 * the order of the parts never changes.
 */
export const nativePageEtag: Handle = async ({ event, resolve }) => {
	let html: string | null = null;
	let partial = false;
	const response = await resolve(event, {
		transformPageChunk: ({ html: chunk, done }) => {
			if (!done || partial) {
				partial = true;
				return chunk;
			}
			html = chunk;
			return '';
		}
	});
	// Not a page, or a page that a handle inside this one replaced with an answer of its own.
	if (html === null || partial || !response.headers.has(PAGE_MARKER)) return response;
	return withBody(response, html);
};

/** The dev server warns when a transform removes comments, so there SvelteKit hashes as it does. */
export const pageEtag: Handle = dev ? ({ event, resolve }) => resolve(event) : nativePageEtag;

function withBody(response: Response, html: string): Response {
	// TextEncoder, not Buffer.from: a third faster on the long concatenated strings SSR makes.
	const bytes = encoder.encode(html);
	const headers = new Headers(response.headers);
	const init = { status: response.status, statusText: response.statusText, headers };
	// SvelteKit sets no ETag when it streams: the rest of the page is in the body still.
	if (!response.headers.has('etag')) return new Response(prepend(bytes, response.body), init);
	if (hasNonce(response.headers)) headers.delete('etag');
	else headers.set('etag', `"${hash('sha1', bytes, 'base64url')}"`);
	headers.set('content-length', String(bytes.byteLength));
	return new Response(bytes, init);
}

function hasNonce(headers: Headers): boolean {
	const policies = [
		headers.get('content-security-policy'),
		headers.get('content-security-policy-report-only')
	];
	return policies.some((policy) => policy?.includes("'nonce-"));
}

function prepend(first: Uint8Array, rest: ReadableStream<Uint8Array> | null) {
	return new ReadableStream<Uint8Array>({
		async start(controller) {
			controller.enqueue(first);
			if (rest) for await (const chunk of rest) controller.enqueue(chunk);
			controller.close();
		}
	});
}
