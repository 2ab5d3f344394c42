import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { deleteSessionCookie, setSessionCookie } from './cookie';

function recordingCookies() {
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			set.push({ name, value, options }),
		delete: (name: string, options: Record<string, unknown>) =>
			set.push({ name, value: '', options: { ...options, deleted: true } })
	} as unknown as Cookies;
	return { cookies, set };
}

describe('the session cookie', () => {
	const expires = new Date('2026-11-23T14:00:00Z');

	it('is HttpOnly and SameSite=Lax, on path /, with the session end as expiry', () => {
		const { cookies, set } = recordingCookies();
		setSessionCookie(cookies, 'id.secret', expires, false);
		expect(set[0]).toEqual({
			name: 'oho_session',
			value: 'id.secret',
			options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', expires }
		});
	});

	it('over https is Secure and carries the __Host- prefix', () => {
		const { cookies, set } = recordingCookies();
		setSessionCookie(cookies, 'id.secret', expires, true);
		expect(set[0]!.name).toBe('__Host-oho_session');
		expect(set[0]!.options).toMatchObject({ secure: true, path: '/', httpOnly: true });
	});

	it('is deleted with the same attributes', () => {
		const { cookies, set } = recordingCookies();
		deleteSessionCookie(cookies, true);
		expect(set[0]).toMatchObject({
			name: '__Host-oho_session',
			options: { secure: true, path: '/', deleted: true }
		});
	});
});
