import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../../src/lib/server/auth/handle';
import { login, verifySecondFactor } from '../../../src/lib/server/identity/auth';
import { createApiToken } from '../../../src/lib/server/identity/account';
import { resolveSession } from '../../../src/lib/server/identity/session-lookup';
import { useProcessDatabase } from '../process-env';
import { context, createPerson, PASSWORD } from './fixtures';

useProcessDatabase();

/** Runs the authentication hook for a request and returns what it left in locals. */
async function authenticateRequest(
	path: string,
	headers: Record<string, string>,
	cookieJar: Record<string, string> = {}
) {
	const written: string[] = [];
	const cookies = {
		get: (name: string) => cookieJar[name],
		set: (name: string) => written.push(`set:${name}`),
		delete: (name: string) => written.push(`delete:${name}`)
	} as unknown as Cookies;
	const event = {
		url: new URL(`http://localhost${path}`),
		request: new Request(`http://localhost${path}`, { headers }),
		cookies,
		locals: {}
	} as unknown as RequestEvent;
	await authenticate({ event, resolve: async () => new Response('ok') });
	return { locals: event.locals, written };
}

describe('the authentication hook', () => {
	it('allowed: a bearer token on the API acts as its person with the token’s scope', async () => {
		const { actor } = await createPerson('medewerker');
		const { token } = await createApiToken(actor, { name: 'Zaaksysteem', scope: 'read' }, context);
		const { locals } = await authenticateRequest('/api/v1/me', {
			authorization: `Bearer ${token}`
		});
		expect(locals.actor).toMatchObject({ personId: actor.personId, via: 'token', scope: 'read' });
	});

	it('denied: a bearer token outside the API, a wrong token, or another scheme give no actor', async () => {
		const { actor } = await createPerson('medewerker');
		const { token } = await createApiToken(actor, { name: 'Koppeling', scope: 'write' }, context);
		expect(
			(await authenticateRequest('/mijn-account', { authorization: `Bearer ${token}` })).locals
				.actor
		).toBeNull();
		expect(
			(await authenticateRequest('/api/v1/me', { authorization: `Bearer ${token}x` })).locals.actor
		).toBeNull();
		expect(
			(await authenticateRequest('/api/v1/me', { authorization: `Basic ${token}` })).locals.actor
		).toBeNull();
	});

	it('allowed: a session cookie signs in; denied: an unknown cookie is deleted', async () => {
		const { email, actor } = await createPerson('bestuurder');
		const { token } = await login({ email, password: PASSWORD }, context);
		const signedIn = await authenticateRequest('/', {}, { oho_session: token });
		expect(signedIn.locals.actor?.personId).toBe(actor.personId);
		const unknown = await authenticateRequest('/', {}, { oho_session: 'abc.def' });
		expect(unknown.locals.actor).toBeNull();
		expect(unknown.written).toContain('delete:oho_session');
	});

	it('a session waiting for its second step is known but gives no actor until the step is done', async () => {
		const { email, actor } = await createPerson('beheerder');
		const { startTotpEnrolment, confirmTotpEnrolment } =
			await import('../../../src/lib/server/identity/account');
		const enrolment = startTotpEnrolment(actor, email);
		const { generateTOTP } = await import('@oslojs/otp');
		const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
		const { recoveryCodes } = await confirmTotpEnrolment(
			actor,
			null,
			{ key: enrolment.key, code: generateTOTP(decodeBase32IgnorePadding(enrolment.key), 30, 6) },
			context
		);
		const { token } = await login({ email, password: PASSWORD }, context);
		const pending = await authenticateRequest('/', {}, { oho_session: token });
		expect(pending.locals.session).toMatchObject({
			personId: actor.personId,
			twoFactorVerified: false
		});
		expect(pending.locals.actor).toBeNull();
		const session = await resolveSession(token);
		await verifySecondFactor(
			session!.session.id,
			actor.personId,
			{ code: recoveryCodes[3]! },
			context
		);
		expect(
			(await authenticateRequest('/', {}, { oho_session: token })).locals.actor?.personId
		).toBe(actor.personId);
	});
});
