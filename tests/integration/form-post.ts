import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../../src/lib/server/access';

/**
 * A form post as SvelteKit hands it to a form action, signed in as the actor (with two-factor
 * login done, so the guard lets every role through), for calling an action as a function.
 */
export function formPost(
	actor: Actor | null,
	path: string,
	fields: Record<string, string | File | File[]>,
	params: Record<string, string> = {}
): never {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
	const url = new URL(path, 'http://localhost:4341');
	const session = actor ? { id: 'form-test', twoFactorVerified: true, totpEnabled: true } : null;
	return {
		request: new Request(url, { method: 'POST', body: form }),
		url,
		params,
		locals: { requestId: 'form-test', actor, session },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => '192.0.2.30'
	} as unknown as RequestEvent as never;
}

/** What an action answered when it refused: fail(status, { errors, … }). */
export type Failure = { status: number; data: { errors: Record<string, string> } };
export const failed = (result: unknown) => result as Failure;
