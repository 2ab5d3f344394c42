import { disconnectSockets } from '../realtime/disconnect';
import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { preparedPerHandle, type Database, type Executor } from '../db';
import { organisations, people, sessions, type Session } from '../db/schema';
import type { Actor } from '../access';
import { composeToken, hashSecret, randomSecret, secretMatches, splitToken } from './tokens';

/**
 * Sessions after Lucia's design (lucia-auth.com), written in the project with @oslojs:
 * a random `<id>.<secret>` token in an HttpOnly cookie; the database keeps the id and a hash of the
 * secret. A session ends after SESSION_IDLE_MINUTES without activity (each request that comes after
 * half of that pushes the end forward) and in any case SESSION_MAX_HOURS after login.
 */
export interface SessionPolicy {
	idleMs: number;
	maxMs: number;
}

export interface SessionContext {
	userAgent?: string | null;
	ipAddress?: string | null;
}

export interface ValidSession {
	session: Session;
	actor: Actor;
	/** Two-factor login is set up for this person. */
	totpEnabled: boolean;
	/** The name of the person's organisation, for the header of every page. */
	organisationName: string;
	/** The session moved its end forward: the cookie must be set again. */
	refreshed: boolean;
}

/** lastSeenAt is written at most once a minute, not on every request. */
const SEEN_RESOLUTION_MS = 60_000;

export async function createSession(
	db: Executor,
	personId: string,
	policy: SessionPolicy,
	options: SessionContext & { twoFactorVerified: boolean; now?: Date }
): Promise<{ token: string; session: Session }> {
	const now = options.now ?? new Date();
	const id = randomSecret(15);
	const secret = randomSecret(20);
	const absoluteExpiresAt = new Date(now.getTime() + policy.maxMs);
	const expiresAt = new Date(Math.min(now.getTime() + policy.idleMs, absoluteExpiresAt.getTime()));
	const [session] = await db
		.insert(sessions)
		.values({
			id,
			secretHash: hashSecret(secret),
			personId,
			createdAt: now,
			lastSeenAt: now,
			expiresAt,
			absoluteExpiresAt,
			twoFactorVerified: options.twoFactorVerified,
			userAgent: options.userAgent?.slice(0, 400) ?? null,
			ipAddress: options.ipAddress ?? null
		})
		.returning();
	return { token: composeToken(id, secret), session: session! };
}

/**
 * The session with what every request needs of its person and organisation, in one prepared
 * statement: it runs before every signed-in page and socket handshake.
 */
const sessionById = preparedPerHandle((db) =>
	db
		.select({
			session: sessions,
			person: {
				id: people.id,
				name: people.name,
				role: people.role,
				disabledAt: people.disabledAt,
				totpEnabledAt: people.totpEnabledAt
			},
			organisation: { id: organisations.id, name: organisations.name, party: organisations.party }
		})
		.from(sessions)
		.innerJoin(people, eq(people.id, sessions.personId))
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.limit(1)
		.prepare('session_by_id')
);

/** The session behind a token, refreshed when due; null when unknown, expired or disabled. */
export async function validateSessionToken(
	db: Database,
	token: string,
	policy: SessionPolicy,
	now = new Date()
): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const [row] = await sessionById(db).execute({ id: parts.id });
	if (!row || !secretMatches(parts.secret, row.session.secretHash)) return null;
	const { session, person, organisation } = row;
	if (person.disabledAt || session.expiresAt <= now || session.absoluteExpiresAt <= now) {
		await db.delete(sessions).where(eq(sessions.id, session.id));
		return null;
	}

	let refreshed = false;
	const refreshDue = session.expiresAt.getTime() - now.getTime() < policy.idleMs / 2;
	const seenDue = now.getTime() - session.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS;
	if (refreshDue || seenDue) {
		const changes: Partial<Session> = { lastSeenAt: now };
		if (refreshDue) {
			changes.expiresAt = new Date(
				Math.min(now.getTime() + policy.idleMs, session.absoluteExpiresAt.getTime())
			);
			refreshed = changes.expiresAt.getTime() > session.expiresAt.getTime();
		}
		await db.update(sessions).set(changes).where(eq(sessions.id, session.id));
		Object.assign(session, changes);
	}

	return {
		session,
		refreshed,
		totpEnabled: person.totpEnabledAt !== null,
		organisationName: organisation.name,
		actor: {
			personId: person.id,
			name: person.name,
			organisationId: organisation.id,
			party: organisation.party,
			role: person.role,
			via: 'session',
			scope: 'write'
		}
	};
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
	disconnectSockets({ sessionIds: [sessionId] });
}

/** Ends every session of a person, or every one but `exceptSessionId`. Returns the ended ids. */
export async function invalidatePersonSessions(
	db: Executor,
	personId: string,
	exceptSessionId?: string
): Promise<string[]> {
	const ended = await db
		.delete(sessions)
		.where(
			exceptSessionId
				? and(eq(sessions.personId, personId), ne(sessions.id, exceptSessionId))
				: eq(sessions.personId, personId)
		)
		.returning({ id: sessions.id });
	const ids = ended.map((row) => row.id);
	if (ids.length > 0) disconnectSockets({ sessionIds: ids });
	return ids;
}

export async function listPersonSessions(db: Executor, personId: string, now = new Date()) {
	return db
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			userAgent: sessions.userAgent,
			ipAddress: sessions.ipAddress
		})
		.from(sessions)
		.where(and(eq(sessions.personId, personId), gt(sessions.expiresAt, now)))
		.orderBy(sessions.lastSeenAt);
}

/** Housekeeping: removes sessions that ended. */
export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<number> {
	const removed = await db
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)))
		.returning({ id: sessions.id });
	return removed.length;
}
