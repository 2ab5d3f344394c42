import { text, type RequestEvent, type ResolveOptions } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nativePageEtag as pageEtag } from './etag';

const event = { url: new URL('http://localhost/vergaderingen/x') } as unknown as RequestEvent;
const page = '<!doctype html><html><body><h1>Vergadering — ‘agenda’</h1><!--[--></body></html>';

/** What SvelteKit hashed last (a page renderer that hashes a long page is the cost saved). */
let hashed = '';

/** What SvelteKit's page renderer (runtime/server/page/render.js) does with a transform. */
async function render(options: ResolveOptions | undefined, streamed?: string[]) {
	const transformed = (await options?.transformPageChunk?.({ html: page, done: true })) ?? page;
	hashed = transformed;
	const headers = new Headers({ 'x-sveltekit-page': 'true', 'content-type': 'text/html' });
	headers.append('set-cookie', 'a=1; Path=/');
	headers.append('set-cookie', 'b=2; Path=/');
	if (!streamed) {
		headers.set('etag', `"${transformed.length}"`);
		return text(transformed, { headers });
	}
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(transformed + '\n'));
			for (const chunk of streamed) controller.enqueue(encoder.encode(chunk));
			controller.close();
		}
	});
	return new Response(body, { headers });
}

const sha1 = (value: string) => createHash('sha1').update(value).digest('base64url');

describe('pageEtag', () => {
	it('answers the page as rendered, with a native hash of it as ETag and its length', async () => {
		const response = await pageEtag({ event, resolve: (_event, options) => render(options) });
		const body = await response.text();
		expect(body).toBe(page);
		expect(response.headers.get('etag')).toBe(`"${sha1(page)}"`);
		expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(page)));
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(hashed).toBe('');
	});

	it('another page has another ETag', async () => {
		const first = await pageEtag({ event, resolve: (_event, options) => render(options) });
		const other = await pageEtag({
			event,
			resolve: async (_event, options) => {
				await options?.transformPageChunk?.({ html: page + ' ', done: true });
				return text('', { headers: { 'x-sveltekit-page': 'true', etag: '"0"' } });
			}
		});
		expect(await other.text()).toBe(page + ' ');
		expect(other.headers.get('etag')).not.toBe(first.headers.get('etag'));
	});

	it('a page with a CSP nonce, different in every answer, gets no ETag at all', async () => {
		const response = await pageEtag({
			event,
			resolve: async (_event, options) => {
				const rendered = await render(options);
				rendered.headers.set('content-security-policy', "script-src 'self' 'nonce-abc123'");
				return rendered;
			}
		});
		expect(await response.text()).toBe(page);
		expect(response.headers.has('etag')).toBe(false);
		expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(page)));
	});

	it('a streamed page keeps its parts in order and gets no ETag', async () => {
		const response = await pageEtag({
			event,
			resolve: (_event, options) => render(options, ['<script>1</script>', '<script>2</script>'])
		});
		expect(await response.text()).toBe(page + '\n<script>1</script><script>2</script>');
		expect(response.headers.has('etag')).toBe(false);
	});

	it('a transform in several calls is left alone', async () => {
		const response = await pageEtag({
			event,
			resolve: async (_event, options) => {
				const head = await options!.transformPageChunk!({ html: '<head>', done: false });
				const rest = await options!.transformPageChunk!({ html: '<body>', done: true });
				return text(`${head}${rest}`, { headers: { 'x-sveltekit-page': 'true', etag: '"s"' } });
			}
		});
		expect(await response.text()).toBe('<head><body>');
		expect(response.headers.get('etag')).toBe('"s"');
	});

	it('an answer that is no rendered page passes untouched', async () => {
		const json = new Response('{"ok":true}', { headers: { etag: '"7"' } });
		const response = await pageEtag({ event, resolve: () => json });
		expect(response).toBe(json);
		// A page that a handle inside replaced by its own answer: that answer, not the page.
		const replaced = new Response('Niet toegestaan', { status: 415 });
		const answer = await pageEtag({
			event,
			resolve: async (_event, options) => {
				await options?.transformPageChunk?.({ html: page, done: true });
				return replaced;
			}
		});
		expect(await answer.text()).toBe('Niet toegestaan');
	});
});
