import { audiences } from '../audience';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { transaction, useDb } from '../db';
import { invitations, organisations, people, type Role } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { hashPassword, passwordProblem } from '../auth/password';
import { createSession } from '../auth/session';
import { composeToken, hashSecret, randomSecret, secretMatches, splitToken } from '../auth/tokens';
import { limits, rateLimiter } from '../auth/rate-limit';
import { sendMail } from '../mail';
import { ConflictError, fieldErrors, InvalidInputError, RateLimitedError } from '../kernel/errors';
import { isUuid } from '../kernel/ids';
import { sessionPolicy, type RequestContext } from './context';
import { acceptInvitationSchema, inviteSchema } from './schemas';

/** How a person joins: an invitation by mail, and its one-time link that makes the account. */

export const INVITATION_DAYS = 7;

export const roleLabels: Record<Role, string> = {
	medewerker: 'Medewerker',
	bestuurder: 'Bestuurder',
	secretariaat: 'Secretariaat',
	beheerder: 'Beheerder'
};

export interface InviteResult {
	invitationId: string;
	/** The link to send. Shown to the inviter only when no mail could be sent. */
	link: string;
	mailed: boolean;
}

/** Invites a person by email address, organisation and role; the link is valid for seven days. */
export async function invite(
	actor: Actor,
	input: unknown,
	origin: string,
	context: RequestContext
): Promise<InviteResult> {
	requireAccess(actor, 'person.list');
	const parsed = inviteSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { email, organisationId, role } = parsed.data;
	requireAccess(actor, 'person.invite', { role });

	const verdict = await rateLimiter().consume(limits.invitePerActor, actor.personId);
	if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);

	const secret = randomSecret(20);
	const result = await transaction(async (tx) => {
		const [organisation] = await tx
			.select()
			.from(organisations)
			.where(eq(organisations.id, organisationId));
		if (!organisation)
			throw new InvalidInputError({ organisationId: 'Kies een organisatie uit de lijst.' });
		const [existing] = await tx
			.select({ id: people.id })
			.from(people)
			.where(sql`lower(${people.email}) = lower(${email})`);
		if (existing) throw new ConflictError('Er is al een account met dit e-mailadres.');
		// A new invitation replaces an open one for the same address.
		await tx
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(
				and(
					sql`lower(${invitations.email}) = lower(${email})`,
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt)
				)
			);
		const [invitation] = await tx
			.insert(invitations)
			.values({
				secretHash: hashSecret(secret),
				email,
				organisationId,
				role,
				invitedBy: actor.personId,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000)
			})
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'auth.invitation_sent.v1',
				subjectType: 'invitation',
				subjectId: invitation!.id,
				audience: audiences.audit,
				payload: { email, organisation: organisation.shortName, role }
			}
		]);
		return { invitation: invitation!, organisation };
	});

	const link = `${origin}/uitnodiging/${composeToken(result.invitation.id, secret)}`;
	const { sent } = await sendMail({
		to: email,
		subject: 'Uitnodiging voor het Overhedenoverleg',
		text: [
			`${actor.name} nodigt u uit voor het samenwerkingsplatform van het Overhedenoverleg,`,
			`als ${roleLabels[role].toLowerCase()} namens ${result.organisation.name}.`,
			'',
			`Kies via deze link uw wachtwoord (de link werkt ${INVITATION_DAYS} dagen en één keer):`,
			link
		].join('\n')
	});
	return { invitationId: result.invitation.id, link, mailed: sent };
}

async function findOpenInvitation(token: string) {
	const parts = splitToken(token);
	// A well-formed uuid only: 36 hex digits without dashes passed a looser check and the
	// database, refusing them as a uuid, answered 500.
	if (!parts || !isUuid(parts.id)) return null;
	const db = await useDb();
	const [row] = await db
		.select({ invitation: invitations, organisation: organisations })
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(eq(invitations.id, parts.id));
	if (!row || !secretMatches(parts.secret, row.invitation.secretHash)) return null;
	const { invitation } = row;
	if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date())
		return null;
	return row;
}

/** What the invitation page shows; null when the link is unknown, used, revoked or expired. */
export async function getInvitation(token: string) {
	const row = await findOpenInvitation(token);
	if (!row) return null;
	return {
		email: row.invitation.email,
		role: row.invitation.role,
		organisationName: row.organisation.name,
		expiresAt: row.invitation.expiresAt
	};
}

/** Accepts an invitation: creates the person, signs them in. The link works once. */
export async function acceptInvitation(token: string, input: unknown, context: RequestContext) {
	const parsed = acceptInvitationSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	const { name, password, passwordConfirm } = parsed.data;
	if (password !== passwordConfirm)
		throw new InvalidInputError({ passwordConfirm: 'De twee wachtwoorden zijn niet gelijk.' });

	// Guessing invitation links is pointless (128-bit secrets), but slow it down all the same.
	const verdict = await rateLimiter().consume(
		limits.invitationPerIp,
		context.ipAddress ?? 'unknown'
	);
	if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);

	const row = await findOpenInvitation(token);
	if (!row)
		throw new InvalidInputError({
			'': 'Deze uitnodiging is niet (meer) geldig. Vraag het secretariaat om een nieuwe.'
		});
	const { invitation } = row;
	const problem = passwordProblem(password, [
		invitation.email.split('@')[0]!,
		...name.split(/\s+/)
	]);
	if (problem) throw new InvalidInputError({ password: problem });
	const passwordHash = await hashPassword(password);

	return transaction(async (tx) => {
		// Claim the invitation first: of two simultaneous acceptances only one gets the row.
		const claimed = await tx
			.update(invitations)
			.set({ acceptedAt: new Date() })
			.where(
				and(
					eq(invitations.id, invitation.id),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt)
				)
			)
			.returning({ id: invitations.id });
		if (claimed.length === 0)
			throw new InvalidInputError({ '': 'Deze uitnodiging is al gebruikt.' });
		const [existing] = await tx
			.select({ id: people.id })
			.from(people)
			.where(sql`lower(${people.email}) = lower(${invitation.email})`);
		if (existing)
			throw new ConflictError(
				'Er is al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord aan.'
			);
		const [person] = await tx
			.insert(people)
			.values({
				email: invitation.email,
				name,
				organisationId: invitation.organisationId,
				role: invitation.role,
				passwordHash,
				passwordChangedAt: new Date()
			})
			.returning();
		await tx
			.update(invitations)
			.set({ acceptedPersonId: person!.id })
			.where(eq(invitations.id, invitation.id));
		const { token: sessionToken, session } = await createSession(tx, person!.id, sessionPolicy(), {
			twoFactorVerified: true,
			userAgent: context.userAgent,
			ipAddress: context.ipAddress
		});
		await appendEvents(
			tx,
			{
				actor: { personId: person!.id, organisationId: person!.organisationId },
				requestId: context.requestId
			},
			[
				{
					type: 'auth.invitation_accepted.v1',
					subjectType: 'person',
					subjectId: person!.id,
					audience: audiences.audit,
					payload: { invitationId: invitation.id, role: person!.role }
				}
			]
		);
		return {
			personId: person!.id,
			token: sessionToken,
			expiresAt: session.expiresAt,
			role: person!.role
		};
	});
}
