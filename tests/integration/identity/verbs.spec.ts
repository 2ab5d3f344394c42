import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { events, people, sessions } from '../../../src/lib/server/db/schema';
import {
	ConflictError,
	InvalidInputError,
	RateLimitedError
} from '../../../src/lib/server/kernel/errors';
import {
	login,
	logout,
	LOGIN_FAILED,
	verifySecondFactor
} from '../../../src/lib/server/identity/auth';
import {
	authenticateApiToken,
	changePassword,
	confirmTotpEnrolment,
	createApiToken,
	endSession,
	listApiTokens,
	listSessions,
	revokeApiToken,
	startTotpEnrolment
} from '../../../src/lib/server/identity/account';
import {
	acceptInvitation,
	getInvitation,
	invite
} from '../../../src/lib/server/identity/invitations';
import { changeRole, setDisabled } from '../../../src/lib/server/identity/people';
import { listPeople } from '../../../src/lib/server/identity/people-queries';
import { readAudit } from '../../../src/lib/server/identity/audit';
import { resolveSession } from '../../../src/lib/server/identity/session-lookup';
import { useProcessDatabase } from '../process-env';
import { context, createPerson, PASSWORD } from './fixtures';

useProcessDatabase();

async function eventTypesAbout(personId: string) {
	const db = await useDb();
	const rows = await db
		.select({ type: events.type })
		.from(events)
		.where(and(eq(events.subjectType, 'person'), eq(events.subjectId, personId)))
		.orderBy(asc(events.id));
	return rows.map((row) => row.type);
}

async function rejection(work: Promise<unknown>) {
	return work.then(
		() => null,
		(caught: unknown) => caught
	);
}

describe('login', () => {
	it('allowed: the right password gives a session and a log entry', async () => {
		const { email, person } = await createPerson('medewerker');
		const result = await login({ email: email.toUpperCase(), password: PASSWORD }, context);
		expect(result).toMatchObject({ needsSecondFactor: false, needsEnrolment: false });
		const session = await resolveSession(result.token);
		expect(session?.actor.personId).toBe(person.id);
		expect(await eventTypesAbout(person.id)).toContain('auth.login_succeeded.v1');
	});

	it('denied: a wrong password and an unknown address get the same answer, and both are logged', async () => {
		const { email, person } = await createPerson('medewerker');
		const wrong = await rejection(login({ email, password: 'niet het goede wachtwoord' }, context));
		const unknown = await rejection(
			login({ email: 'niemand@nergens.example', password: PASSWORD }, context)
		);
		expect(wrong).toBeInstanceOf(InvalidInputError);
		expect(unknown).toBeInstanceOf(InvalidInputError);
		expect((wrong as Error).message).toBe(LOGIN_FAILED);
		expect((unknown as Error).message).toBe(LOGIN_FAILED);
		expect(await eventTypesAbout(person.id)).toContain('auth.login_failed.v1');
	});

	it('denied: a disabled account cannot sign in, with the same answer', async () => {
		const { email, person } = await createPerson('bestuurder');
		const db = await useDb();
		await db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, person.id));
		const caught = await rejection(login({ email, password: PASSWORD }, context));
		expect((caught as Error).message).toBe(LOGIN_FAILED);
	});

	it('denied: bad input is a clear message, not a crash', async () => {
		expect(await rejection(login({ email: 'geen-adres', password: '' }, context))).toBeInstanceOf(
			InvalidInputError
		);
		expect(await rejection(login(null, context))).toBeInstanceOf(InvalidInputError);
	});

	it('is rate limited per account, whether the account exists or not', async () => {
		const ip = { ...context, ipAddress: '198.51.100.7' };
		let last: unknown = null;
		for (let attempt = 0; attempt < 7; attempt++) {
			last = await rejection(
				login({ email: 'doelwit@nergens.example', password: 'fout-fout-fout' }, ip)
			);
		}
		expect(last).toBeInstanceOf(RateLimitedError);
		expect((last as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
	});

	it('requires the second step for a person with two-factor login; the session is not usable before it', async () => {
		const { email, actor } = await createPerson('secretariaat');
		const enrolment = startTotpEnrolment(actor, email);
		const key = decodeBase32IgnorePadding(enrolment.key);
		const { recoveryCodes } = await confirmTotpEnrolment(
			actor,
			null,
			{ key: enrolment.key, code: generateTOTP(key, 30, 6) },
			context
		);
		expect(recoveryCodes).toHaveLength(10);

		const first = await login({ email, password: PASSWORD }, context);
		expect(first.needsSecondFactor).toBe(true);
		const pending = await resolveSession(first.token);
		expect(pending?.session.twoFactorVerified).toBe(false);

		// The code used at enrolment is for a step already used: a replay is refused.
		const replay = await rejection(
			verifySecondFactor(
				pending!.session.id,
				actor.personId,
				{ code: generateTOTP(key, 30, 6) },
				context
			)
		);
		expect(replay).toBeInstanceOf(InvalidInputError);
		// A recovery code works once.
		expect(
			await verifySecondFactor(
				pending!.session.id,
				actor.personId,
				{ code: recoveryCodes[0]! },
				context
			)
		).toEqual({ usedRecoveryCode: true });
		expect((await resolveSession(first.token))?.session.twoFactorVerified).toBe(true);

		const second = await login({ email, password: PASSWORD }, context);
		const again = await resolveSession(second.token);
		expect(
			await rejection(
				verifySecondFactor(again!.session.id, actor.personId, { code: recoveryCodes[0]! }, context)
			)
		).toBeInstanceOf(InvalidInputError);
	});

	it('tells a secretariaat without two-factor login to enrol', async () => {
		const { email } = await createPerson('secretariaat');
		expect((await login({ email, password: PASSWORD }, context)).needsEnrolment).toBe(true);
	});
});

describe('account', () => {
	it('allowed: logout ends the session and is logged', async () => {
		const { email, actor } = await createPerson('medewerker');
		const { token } = await login({ email, password: PASSWORD }, context);
		const session = await resolveSession(token);
		await logout(actor, session!.session.id, context);
		expect(await resolveSession(token)).toBeNull();
		expect(await eventTypesAbout(actor.personId)).toContain('auth.logout.v1');
	});

	it('allowed: a person ends their own other session; denied: someone else’s is not found', async () => {
		const { email, actor } = await createPerson('medewerker');
		const a = await login({ email, password: PASSWORD }, context);
		const b = await login({ email, password: PASSWORD }, context);
		const bSession = (await resolveSession(b.token))!.session.id;
		expect((await listSessions(actor)).map((s) => s.id)).toContain(bSession);
		const stranger = await createPerson('beheerder');
		const denied = await rejection(endSession(stranger.actor, bSession, context));
		expect(denied).toBeInstanceOf(AccessError);
		expect((denied as AccessError).status).toBe(404);
		await endSession(actor, bSession, context);
		expect(await resolveSession(b.token)).toBeNull();
		expect(await resolveSession(a.token)).not.toBeNull();
	});

	it('allowed: changing the password ends the other sessions; denied: with a wrong current password', async () => {
		const { email, actor } = await createPerson('bestuurder');
		const here = await login({ email, password: PASSWORD }, context);
		const elsewhere = await login({ email, password: PASSWORD }, context);
		const hereId = (await resolveSession(here.token))!.session.id;
		const denied = await rejection(
			changePassword(
				actor,
				hereId,
				{
					currentPassword: 'fout',
					newPassword: 'Nieuwe lange zin voor mij',
					newPasswordConfirm: 'Nieuwe lange zin voor mij'
				},
				context
			)
		);
		expect((denied as InvalidInputError).fields.currentPassword).toBeDefined();
		const weak = await rejection(
			changePassword(
				actor,
				hereId,
				{
					currentPassword: PASSWORD,
					newPassword: 'wachtwoord123',
					newPasswordConfirm: 'wachtwoord123'
				},
				context
			)
		);
		expect((weak as InvalidInputError).fields.newPassword).toMatch(/minstens 12|te vaak/);
		await changePassword(
			actor,
			hereId,
			{
				currentPassword: PASSWORD,
				newPassword: 'Nieuwe lange zin voor mij',
				newPasswordConfirm: 'Nieuwe lange zin voor mij'
			},
			context
		);
		expect(await resolveSession(here.token)).not.toBeNull();
		expect(await resolveSession(elsewhere.token)).toBeNull();
		expect(
			(await login({ email, password: 'Nieuwe lange zin voor mij' }, context)).token
		).toBeTruthy();
	});

	it('allowed: API tokens act as their person; read-only cannot write; denied: revoked, or another person’s', async () => {
		const { actor } = await createPerson('beheerder');
		const reader = await createApiToken(
			actor,
			{ name: 'Koppeling VNG', scope: 'read', expiresInDays: 30 },
			context
		);
		expect(reader.token).toMatch(/^oho_[0-9a-f-]{36}\.[a-z0-9]+$/);
		const asReader = await authenticateApiToken(reader.token);
		expect(asReader).toMatchObject({
			personId: actor.personId,
			role: 'beheerder',
			via: 'token',
			scope: 'read'
		});
		expect(
			await rejection(createApiToken(asReader!, { name: 'x', scope: 'write' }, context))
		).toBeInstanceOf(AccessError);
		expect((await listApiTokens(actor)).find((t) => t.id === reader.id)?.prefix).toBe(
			reader.token.slice(0, 12)
		);

		const other = await createPerson('medewerker');
		expect(
			((await rejection(revokeApiToken(other.actor, reader.id, context))) as AccessError).status
		).toBe(404);
		await revokeApiToken(actor, reader.id, context);
		expect(await authenticateApiToken(reader.token)).toBeNull();
		expect(await authenticateApiToken('oho_nonsense')).toBeNull();
		expect(await authenticateApiToken(reader.token.slice(0, -2) + 'zz')).toBeNull();
	});

	it('denied: bad enrolment input changes nothing', async () => {
		const { actor, email } = await createPerson('medewerker');
		const enrolment = startTotpEnrolment(actor, email);
		expect(
			await rejection(
				confirmTotpEnrolment(actor, null, { key: enrolment.key, code: '000000' }, context)
			)
		).toBeInstanceOf(InvalidInputError);
		expect(
			await rejection(confirmTotpEnrolment(actor, null, { key: 'kapot', code: '12' }, context))
		).toBeInstanceOf(InvalidInputError);
		const db = await useDb();
		const [row] = await db.select().from(people).where(eq(people.id, actor.personId));
		expect(row!.totpEnabledAt).toBeNull();
	});
});

describe('invitations and people', () => {
	it('allowed: the secretariaat invites; the invitee sets a password once and is signed in', async () => {
		const { actor } = await createPerson('secretariaat');
		const { organisation } = await createPerson('medewerker', 'ipo');
		const email = `nieuw.${Date.now()}@ipo.example`;
		const invited = await invite(
			actor,
			{ email, organisationId: organisation.id, role: 'bestuurder' },
			'http://localhost',
			context
		);
		expect(invited.mailed).toBe(false);
		const token = invited.link.split('/uitnodiging/')[1]!;
		expect(await getInvitation(token)).toMatchObject({
			email,
			role: 'bestuurder',
			organisationName: 'Interprovinciaal Overleg'
		});
		const weak = await rejection(
			acceptInvitation(
				token,
				{ name: 'Nieuwe Bestuurder', password: 'kort', passwordConfirm: 'kort' },
				context
			)
		);
		expect(weak).toBeInstanceOf(InvalidInputError);
		const accepted = await acceptInvitation(
			token,
			{
				name: 'Nieuwe Bestuurder',
				password: 'Een zin die niemand raadt',
				passwordConfirm: 'Een zin die niemand raadt'
			},
			context
		);
		expect((await resolveSession(accepted.token))?.actor).toMatchObject({
			role: 'bestuurder',
			party: 'ipo'
		});
		expect(await getInvitation(token)).toBeNull();
		expect(
			await rejection(
				acceptInvitation(
					token,
					{
						name: 'Nog eens',
						password: 'Een zin die niemand raadt',
						passwordConfirm: 'Een zin die niemand raadt'
					},
					context
				)
			)
		).toBeInstanceOf(InvalidInputError);
		expect(await eventTypesAbout(accepted.personId)).toContain('auth.invitation_accepted.v1');
	});

	it('denied: a medewerker cannot invite; the secretariaat cannot invite a beheerder; an existing address conflicts', async () => {
		const staff = await createPerson('medewerker');
		const secretariat = await createPerson('secretariaat');
		const input = {
			email: 'iemand@vng.example',
			organisationId: staff.organisation.id,
			role: 'medewerker'
		};
		expect(
			((await rejection(invite(staff.actor, input, 'http://localhost', context))) as AccessError)
				.status
		).toBe(404);
		expect(
			(
				(await rejection(
					invite(secretariat.actor, { ...input, role: 'beheerder' }, 'http://localhost', context)
				)) as AccessError
			).status
		).toBe(403);
		expect(
			await rejection(
				invite(secretariat.actor, { ...input, email: staff.email }, 'http://localhost', context)
			)
		).toBeInstanceOf(ConflictError);
		expect(
			await rejection(
				invite(secretariat.actor, { ...input, email: 'geen adres' }, 'http://localhost', context)
			)
		).toBeInstanceOf(InvalidInputError);
		expect(await getInvitation('onzin.token')).toBeNull();
	});

	it('allowed: a beheerder changes a role; denied: the secretariaat, and the beheerder for themselves', async () => {
		const admin = await createPerson('beheerder');
		const secretariat = await createPerson('secretariaat');
		const staff = await createPerson('medewerker');
		expect(
			(
				(await rejection(
					changeRole(secretariat.actor, { personId: staff.person.id, role: 'bestuurder' }, context)
				)) as AccessError
			).status
		).toBe(403);
		expect(
			(
				(await rejection(
					changeRole(admin.actor, { personId: admin.person.id, role: 'medewerker' }, context)
				)) as AccessError
			).status
		).toBe(403);
		await changeRole(admin.actor, { personId: staff.person.id, role: 'bestuurder' }, context);
		const db = await useDb();
		const [row] = await db.select().from(people).where(eq(people.id, staff.person.id));
		expect(row!.role).toBe('bestuurder');
		expect(await eventTypesAbout(staff.person.id)).toContain('auth.role_changed.v1');
	});

	it('allowed: a beheerder disables an account, which locks it out at once; denied: others', async () => {
		const admin = await createPerson('beheerder');
		const secretariat = await createPerson('secretariaat');
		const staff = await createPerson('medewerker');
		const { token } = await login({ email: staff.email, password: PASSWORD }, context);
		expect(
			(
				(await rejection(
					setDisabled(secretariat.actor, staff.person.id, true, context)
				)) as AccessError
			).status
		).toBe(403);
		expect(await resolveSession(token)).not.toBeNull();
		await setDisabled(admin.actor, staff.person.id, true, context);
		expect(await resolveSession(token)).toBeNull();
		const db = await useDb();
		expect(
			await db.select().from(sessions).where(eq(sessions.personId, staff.person.id))
		).toHaveLength(0);
		expect(
			((await rejection(login({ email: staff.email, password: PASSWORD }, context))) as Error)
				.message
		).toBe(LOGIN_FAILED);
		await setDisabled(admin.actor, staff.person.id, false, context);
		expect((await login({ email: staff.email, password: PASSWORD }, context)).token).toBeTruthy();
		expect(await eventTypesAbout(staff.person.id)).toEqual(
			expect.arrayContaining(['auth.account_disabled.v1', 'auth.account_enabled.v1'])
		);
	});

	it('allowed: the secretariaat lists people; denied: a bestuurder', async () => {
		const secretariat = await createPerson('secretariaat');
		const listed = await listPeople(secretariat.actor);
		expect(listed.people.map((p) => p.id)).toContain(secretariat.person.id);
		const board = await createPerson('bestuurder');
		expect(((await rejection(listPeople(board.actor))) as AccessError).status).toBe(404);
	});
});

describe('audit', () => {
	it('allowed: a beheerder reads, filters and pages; denied: the secretariaat', async () => {
		const admin = await createPerson('beheerder');
		const staff = await createPerson('medewerker');
		await login({ email: staff.email, password: PASSWORD }, context);
		await rejection(login({ email: staff.email, password: 'fout wachtwoord hier' }, context));
		const forStaff = await readAudit(admin.actor, { person: staff.person.id });
		expect(forStaff.events.map((e) => e.type)).toEqual(
			expect.arrayContaining(['auth.login_succeeded.v1', 'auth.login_failed.v1'])
		);
		const onlyFailures = await readAudit(admin.actor, {
			person: staff.person.id,
			type: 'auth.login_failed.v1'
		});
		expect(onlyFailures.events.every((e) => e.type === 'auth.login_failed.v1')).toBe(true);
		const today = new Date().toISOString().slice(0, 10);
		expect(
			(await readAudit(admin.actor, { from: '2000-01-01', to: '2000-01-02' })).events
		).toHaveLength(0);
		expect((await readAudit(admin.actor, { from: today })).events.length).toBeGreaterThan(0);
		expect(await rejection(readAudit(admin.actor, { from: 'gisteren' }))).toBeInstanceOf(
			InvalidInputError
		);
		expect(
			await rejection(readAudit(admin.actor, { from: '2026-02-02', to: '2026-02-01' }))
		).toBeInstanceOf(InvalidInputError);
		const secretariat = await createPerson('secretariaat');
		expect(((await rejection(readAudit(secretariat.actor, {}))) as AccessError).status).toBe(404);
	});
});
