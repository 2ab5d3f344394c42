import { audiences } from '../audience';
import { disconnectSockets } from '../realtime/disconnect';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { transaction, useDb } from '../db';
import { apiTokens, organisations, people, recoveryCodes, sessions } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { invalidatePersonSessions, listPersonSessions } from '../auth/session';
import {
	decodeKey,
	encodeKey,
	enrolmentQrSvg,
	enrolmentUri,
	formatManualKey,
	newRecoveryCodes,
	newTotpKey,
	verifyTotpCode
} from '../auth/mfa';
import { composeToken, hashSecret, randomSecret } from '../auth/tokens';
import { fieldErrors, InvalidInputError } from '../kernel/errors';
import { API_TOKEN_PREFIX } from './api-token-lookup';
import type { RequestContext } from './context';
import { apiTokenSchema, changePasswordSchema, confirmTotpSchema } from './schemas';

/** The person behind the actor, for "mijn account". */
export async function getAccount(actor: Actor) {
	requireAccess(actor, 'account.read', { personId: actor.personId });
	const db = await useDb();
	const [row] = await db
		.select({
			id: people.id,
			name: people.name,
			email: people.email,
			role: people.role,
			organisationName: organisations.name,
			totpEnabledAt: people.totpEnabledAt,
			passwordChangedAt: people.passwordChangedAt
		})
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(eq(people.id, actor.personId));
	const unusedCodes = await db
		.select({ id: recoveryCodes.id })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.personId, actor.personId), isNull(recoveryCodes.usedAt)));
	return { ...row!, recoveryCodesLeft: unusedCodes.length };
}

export async function listSessions(actor: Actor) {
	requireAccess(actor, 'account.read', { personId: actor.personId });
	return listPersonSessions(await useDb(), actor.personId);
}

/** Ends one of the actor's own sessions. Another person's session does not exist for them. */
export async function endSession(actor: Actor, sessionId: string, context: RequestContext) {
	await transaction(async (tx) => {
		const [session] = await tx
			.select({ personId: sessions.personId })
			.from(sessions)
			.where(eq(sessions.id, sessionId));
		requireAccess(actor, 'account.manage', { personId: session?.personId ?? '' });
		await tx.delete(sessions).where(eq(sessions.id, sessionId));
		disconnectSockets({ sessionIds: [sessionId] });
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.session_ended.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: audiences.audit,
				payload: { sessionId }
			}
		]);
	});
}

/** Changes the password and ends every other session of the person. */
export async function changePassword(
	actor: Actor,
	currentSessionId: string | null,
	input: unknown,
	context: RequestContext
) {
	requireAccess(actor, 'account.manage', { personId: actor.personId });
	const parsed = changePasswordSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { currentPassword, newPassword, newPasswordConfirm } = parsed.data;
	if (newPassword !== newPasswordConfirm) {
		throw new InvalidInputError({
			newPasswordConfirm: 'De twee nieuwe wachtwoorden zijn niet gelijk.'
		});
	}
	await transaction(async (tx) => {
		const [person] = await tx.select().from(people).where(eq(people.id, actor.personId));
		if (!person?.passwordHash || !(await verifyPassword(person.passwordHash, currentPassword))) {
			throw new InvalidInputError({ currentPassword: 'Uw huidige wachtwoord klopt niet.' });
		}
		const problem = passwordProblem(newPassword, [
			person.email.split('@')[0]!,
			...person.name.split(/\s+/)
		]);
		if (problem) throw new InvalidInputError({ newPassword: problem });
		await tx
			.update(people)
			.set({
				passwordHash: await hashPassword(newPassword),
				passwordChangedAt: new Date(),
				updatedAt: new Date()
			})
			.where(eq(people.id, actor.personId));
		const ended = await invalidatePersonSessions(tx, actor.personId, currentSessionId ?? undefined);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.password_changed.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: audiences.audit,
				payload: { otherSessionsEnded: ended.length }
			}
		]);
	});
}

/** A new TOTP key to scan; nothing is stored until a code from it is confirmed. */
export function startTotpEnrolment(actor: Actor, email: string) {
	requireAccess(actor, 'account.manage', { personId: actor.personId });
	const key = newTotpKey();
	const uri = enrolmentUri(email, key);
	return { key: encodeKey(key), manualKey: formatManualKey(key), uri, qrSvg: enrolmentQrSvg(uri) };
}

/** Confirms enrolment with a code from the app; returns the ten recovery codes, shown once. */
export async function confirmTotpEnrolment(
	actor: Actor,
	currentSessionId: string | null,
	input: unknown,
	context: RequestContext
): Promise<{ recoveryCodes: string[] }> {
	requireAccess(actor, 'account.manage', { personId: actor.personId });
	const parsed = confirmTotpSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const key = decodeKey(parsed.data.key);
	if (!key) throw new InvalidInputError({ code: 'De sleutel is niet geldig. Begin opnieuw.' });
	const step = verifyTotpCode(key, parsed.data.code, null);
	if (step === null) {
		throw new InvalidInputError({
			code: 'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat.'
		});
	}
	const { codes, hashes } = newRecoveryCodes();
	await transaction(async (tx) => {
		await tx
			.update(people)
			.set({ totpKey: key, totpEnabledAt: new Date(), totpLastStep: step, updatedAt: new Date() })
			.where(eq(people.id, actor.personId));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, actor.personId));
		await tx
			.insert(recoveryCodes)
			.values(hashes.map((codeHash) => ({ personId: actor.personId, codeHash })));
		if (currentSessionId) {
			await tx
				.update(sessions)
				.set({ twoFactorVerified: true })
				.where(eq(sessions.id, currentSessionId));
		}
		// A new key invalidates any other session that was signed in without it.
		await invalidatePersonSessions(tx, actor.personId, currentSessionId ?? undefined);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.two_factor_enrolled.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: audiences.audit
			}
		]);
	});
	return { recoveryCodes: codes };
}

export async function listApiTokens(actor: Actor) {
	requireAccess(actor, 'account.read', { personId: actor.personId });
	const db = await useDb();
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			prefix: apiTokens.prefix,
			scope: apiTokens.scope,
			createdAt: apiTokens.createdAt,
			expiresAt: apiTokens.expiresAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.personId, actor.personId))
		.orderBy(desc(apiTokens.createdAt));
}

/** Creates an API token for the actor; the token is returned once and stored hashed. */
export async function createApiToken(actor: Actor, input: unknown, context: RequestContext) {
	requireAccess(actor, 'account.manage', { personId: actor.personId });
	if (actor.via === 'token') {
		// A token cannot mint tokens: a leaked token must not be able to outlive its revocation.
		throw new InvalidInputError({
			'': 'Maak een API-token aan via "Mijn account", niet met een ander token.'
		});
	}
	const parsed = apiTokenSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const secret = randomSecret(24);
	return transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({
				personId: actor.personId,
				name: parsed.data.name,
				scope: parsed.data.scope,
				secretHash: hashSecret(secret),
				prefix: '',
				expiresAt: new Date(Date.now() + parsed.data.expiresInDays * 86_400_000)
			})
			.returning();
		const token = composeToken(row!.id, secret, API_TOKEN_PREFIX);
		const prefix = token.slice(0, API_TOKEN_PREFIX.length + 8);
		await tx.update(apiTokens).set({ prefix }).where(eq(apiTokens.id, row!.id));
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.api_token_created.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: audiences.audit,
				payload: { tokenId: row!.id, name: parsed.data.name, scope: parsed.data.scope }
			}
		]);
		return { id: row!.id, token, prefix, scope: parsed.data.scope, expiresAt: row!.expiresAt };
	});
}

export async function revokeApiToken(actor: Actor, tokenId: string, context: RequestContext) {
	await transaction(async (tx) => {
		const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
		requireAccess(actor, 'account.manage', { personId: token?.personId ?? '' });
		if (token!.revokedAt) return;
		await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
		disconnectSockets({ tokenId });
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.api_token_revoked.v1',
				subjectType: 'person',
				subjectId: actor.personId,
				audience: audiences.audit,
				payload: { tokenId }
			}
		]);
	});
}

export { API_TOKEN_PREFIX, authenticateApiToken } from './api-token-lookup';
