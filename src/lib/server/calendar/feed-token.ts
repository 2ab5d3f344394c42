import { and, eq, isNull } from 'drizzle-orm';
import { useDb } from '../db';
import { calendarFeeds, organisations, people } from '../db/schema';
import { AccessError, type Actor } from '../access';
import { secretMatches, splitToken } from '../auth/tokens';
import { isUuid } from '../kernel/ids';

/**
 * The person behind a feed token, as the actor the feed reads for: the token stands in for the
 * session a calendar app cannot send, read-only. Unknown, revoked or of a blocked person: 404,
 * indistinguishable. Every feed of the person (meetings, deadlines) takes the same token.
 */
export async function feedActor(token: string): Promise<{ actor: Actor; feedId: string }> {
	const parts = splitToken(token);
	if (!parts || !isUuid(parts.id)) throw new AccessError(404);
	const db = await useDb();
	const [row] = await db
		.select({ feed: calendarFeeds, person: people, party: organisations.party })
		.from(calendarFeeds)
		.innerJoin(people, eq(people.id, calendarFeeds.personId))
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(and(eq(calendarFeeds.id, parts.id), isNull(calendarFeeds.revokedAt)));
	if (!row || !secretMatches(parts.secret, row.feed.secretHash) || row.person.disabledAt)
		throw new AccessError(404);
	const actor: Actor = {
		personId: row.person.id,
		name: row.person.name,
		organisationId: row.person.organisationId,
		party: row.party,
		role: row.person.role,
		via: 'token',
		scope: 'read'
	};
	return { actor, feedId: row.feed.id };
}

/** Notes that a feed was read, for "laatst gebruikt" on the person's calendar page. */
export async function markFeedUsed(feedId: string): Promise<void> {
	const db = await useDb();
	await db
		.update(calendarFeeds)
		.set({ lastUsedAt: new Date() })
		.where(eq(calendarFeeds.id, feedId));
}
