import { audiences } from '../audience';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { people, recoveryCodes, sessions } from '../db/schema';
import { appendEvents } from '../events';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession, invalidateSession } from '../auth/session';
import { recoveryCodeMatches, verifyTotpCode } from '../auth/mfa';
import { limits, rateLimiter } from '../auth/rate-limit';
import { InvalidInputError, RateLimitedError } from '../kernel/errors';
import type { Actor } from '../access';
import { sessionPolicy, TWO_FACTOR_REQUIRED, type RequestContext } from './context';
import { loginSchema, totpCodeSchema } from './schemas';

export const LOGIN_FAILED = 'Het e-mailadres of het wachtwoord klopt niet.';

// Verifying against a real hash when the account does not exist keeps the answer time the same,
// so timing does not reveal which addresses have an account.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword('geen-account-dummy-wachtwoord'));

export interface LoginResult {
	token: string;
	expiresAt: Date;
	/** The person has two-factor login: the session is not usable until the second step. */
	needsSecondFactor: boolean;
	/** The role requires two-factor login and it is not set up yet. */
	needsEnrolment: boolean;
}

/** Signs a person in with email and password. Never says whether the account exists. */
export async function login(input: unknown, context: RequestContext): Promise<LoginResult> {
	const parsed = loginSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError({ '': LOGIN_FAILED });
	const { email, password } = parsed.data;

	const limiter = rateLimiter();
	const byIp = await limiter.consume(limits.loginPerIp, context.ipAddress ?? 'unknown');
	const byAccount = await limiter.consume(limits.loginPerAccount, email);
	if (!byIp.allowed || !byAccount.allowed) {
		throw new RateLimitedError(
			Math.max(
				byIp.allowed ? 0 : byIp.retryAfterSeconds,
				byAccount.allowed ? 0 : byAccount.retryAfterSeconds
			)
		);
	}

	// A failed attempt is logged and committed; the refusal is thrown only after the commit.
	const outcome = await transaction(async (tx): Promise<LoginResult | null> => {
		const [person] = await tx
			.select()
			.from(people)
			.where(sql`lower(${people.email}) = lower(${email})`)
			.limit(1);
		const valid = person?.passwordHash
			? await verifyPassword(person.passwordHash, password)
			: (await verifyPassword(await dummy(), password), false);

		if (!person || !valid || person.disabledAt) {
			await appendEvents(tx, { actor: null, requestId: context.requestId }, [
				{
					type: 'auth.login_failed.v1',
					subjectType: person ? 'person' : 'email',
					subjectId: person ? person.id : email.toLowerCase(),
					audience: audiences.audit,
					payload: {
						reason: !person ? 'unknown_account' : person.disabledAt ? 'disabled' : 'wrong_password',
						ipAddress: context.ipAddress ?? null
					}
				}
			]);
			return null;
		}

		await limiter.reset(limits.loginPerAccount, email);
		const totpEnabled = person.totpEnabledAt !== null;
		const { token, session } = await createSession(tx, person.id, sessionPolicy(), {
			twoFactorVerified: !totpEnabled,
			userAgent: context.userAgent,
			ipAddress: context.ipAddress
		});
		await tx.update(people).set({ lastLoginAt: new Date() }).where(eq(people.id, person.id));
		await appendEvents(
			tx,
			{
				actor: { personId: person.id, organisationId: person.organisationId },
				requestId: context.requestId
			},
			[
				{
					type: totpEnabled ? 'auth.password_accepted.v1' : 'auth.login_succeeded.v1',
					subjectType: 'person',
					subjectId: person.id,
					audience: audiences.audit,
					payload: { sessionId: session.id, ipAddress: context.ipAddress ?? null }
				}
			]
		);
		return {
			token,
			expiresAt: session.expiresAt,
			needsSecondFactor: totpEnabled,
			needsEnrolment: !totpEnabled && TWO_FACTOR_REQUIRED.has(person.role)
		};
	});
	if (!outcome) throw new InvalidInputError({ '': LOGIN_FAILED });
	return outcome;
}

/**
 * The second step: a TOTP code, or one of the recovery codes (each works once). On success the
 * session becomes fully signed in.
 */
export async function verifySecondFactor(
	sessionId: string,
	personId: string,
	input: unknown,
	context: RequestContext
): Promise<{ usedRecoveryCode: boolean }> {
	const parsed = totpCodeSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError({ code: parsed.error.issues[0]!.message });

	const limiter = rateLimiter();
	const byPerson = await limiter.consume(limits.secondFactorPerSession, personId);
	const byIp = await limiter.consume(limits.secondFactorPerIp, context.ipAddress ?? 'unknown');
	if (!byPerson.allowed || !byIp.allowed) {
		throw new RateLimitedError(Math.max(byPerson.retryAfterSeconds, byIp.retryAfterSeconds));
	}

	const outcome = await transaction(async (tx): Promise<{ usedRecoveryCode: boolean } | null> => {
		const [person] = await tx.select().from(people).where(eq(people.id, personId)).limit(1);
		if (!person?.totpKey || person.disabledAt)
			throw new InvalidInputError({ code: 'Deze code klopt niet.' });
		const actor = { personId: person.id, organisationId: person.organisationId };

		let usedRecoveryCode = false;
		const step = verifyTotpCode(person.totpKey, parsed.data.code, person.totpLastStep);
		if (step !== null) {
			await tx.update(people).set({ totpLastStep: step }).where(eq(people.id, person.id));
		} else {
			const unused = await tx
				.select()
				.from(recoveryCodes)
				.where(and(eq(recoveryCodes.personId, person.id), isNull(recoveryCodes.usedAt)));
			const match = unused.find((row) => recoveryCodeMatches(parsed.data.code, row.codeHash));
			if (!match) {
				await appendEvents(tx, { actor, requestId: context.requestId }, [
					{
						type: 'auth.second_factor_failed.v1',
						subjectType: 'person',
						subjectId: person.id,
						audience: audiences.audit,
						payload: { ipAddress: context.ipAddress ?? null }
					}
				]);
				return null;
			}
			await tx
				.update(recoveryCodes)
				.set({ usedAt: new Date() })
				.where(eq(recoveryCodes.id, match.id));
			usedRecoveryCode = true;
		}

		await tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
		await limiter.reset(limits.secondFactorPerSession, personId);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.login_succeeded.v1',
				subjectType: 'person',
				subjectId: person.id,
				audience: audiences.audit,
				payload: {
					sessionId,
					secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp',
					ipAddress: context.ipAddress ?? null
				}
			}
		]);
		return { usedRecoveryCode };
	});
	if (!outcome) {
		throw new InvalidInputError({
			code: 'Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.'
		});
	}
	return outcome;
}

/**
 * Ends the current session. A session still waiting for its second step has no full actor yet:
 * the person alone is enough for the log.
 */
export async function logout(
	actor: Pick<Actor, 'personId'> & { organisationId: string | null },
	sessionId: string,
	context: RequestContext
): Promise<void> {
	await transaction(async (tx) => {
		await invalidateSession(tx, sessionId);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.logout.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: audiences.audit,
				payload: { sessionId }
			}
		]);
	});
}
