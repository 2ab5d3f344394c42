import { audiences } from '../audience';
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { transaction, useDb, type Executor } from '../db';
import { agendaItems, calendarFeeds, meetings } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { composeToken, hashSecret, randomSecret } from '../auth/tokens';
import type { RequestContext } from '../identity/context';
import { findMeeting, meetingColumns, type MeetingRow } from '../meetings/queries';
import { buildCalendar, type CalendarMeeting } from './ics';
import { feedActor, markFeedUsed } from './feed-token';

export { deadlineFeed } from './deadlines';
export { feedActor } from './feed-token';

/** The titles of each meeting's placed items, in agenda order: one query for any number. */
async function agendaTitles(db: Executor, meetingIds: string[]): Promise<Map<string, string[]>> {
	const byMeeting = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
	if (meetingIds.length === 0) return byMeeting;
	const rows = await db
		.select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
		.from(agendaItems)
		.where(
			and(
				inArray(agendaItems.meetingId, meetingIds),
				inArray(agendaItems.status, ['geagendeerd', 'behandeld'])
			)
		)
		.orderBy(asc(agendaItems.position), asc(agendaItems.id));
	for (const row of rows) byMeeting.get(row.meetingId!)?.push(row.title);
	return byMeeting;
}

function withTitles(list: MeetingRow[], titles: Map<string, string[]>): CalendarMeeting[] {
	return list.map((meeting) => ({ meeting, itemTitles: titles.get(meeting.id) ?? [] }));
}

/** One meeting as an .ics file, for whoever may see the meeting. */
export async function meetingCalendar(actor: Actor, meetingId: string, origin: string) {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	const meeting = await findMeeting(db, meetingId);
	const titles = await agendaTitles(db, [meeting.id]);
	return {
		filename: `vergadering-${meeting.startsAt.toISOString().slice(0, 10)}.ics`,
		body: buildCalendar(meeting.title, withTitles([meeting], titles), origin, new URL(origin).host)
	};
}

/** A feed reaches a year back and everything ahead. */
const FEED_HISTORY_MS = 365 * 24 * 3_600_000;

/** The meetings of a person's feed (for now every meeting they may see), as an .ics document. */
async function feedFor(actor: Actor, origin: string): Promise<string> {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	const list = await db
		.select(meetingColumns)
		.from(meetings)
		.where(gte(meetings.endsAt, new Date(Date.now() - FEED_HISTORY_MS)))
		.orderBy(asc(meetings.startsAt))
		.limit(1000);
	const titles = await agendaTitles(
		db,
		list.map((meeting) => meeting.id)
	);
	return buildCalendar('Overhedenoverleg', withTitles(list, titles), origin, new URL(origin).host);
}

/** The private feed of meetings behind `/kalender/<token>`. */
export async function calendarFeed(token: string, origin: string): Promise<string> {
	const { actor, feedId } = await feedActor(token);
	const body = await feedFor(actor, origin);
	await markFeedUsed(feedId);
	return body;
}

/** The person's active feed (without its secret), or null. */
export async function feedStatus(actor: Actor) {
	requireAccess(actor, 'calendar.feed', { personId: actor.personId });
	const db = await useDb();
	const [feed] = await db
		.select({
			id: calendarFeeds.id,
			createdAt: calendarFeeds.createdAt,
			lastUsedAt: calendarFeeds.lastUsedAt
		})
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.personId, actor.personId), isNull(calendarFeeds.revokedAt)));
	return feed ?? null;
}

function feedEvent(actor: Actor, feedId: string, type: `${string}.v${number}`) {
	return {
		type,
		subjectType: 'calendar_feed',
		subjectId: feedId,
		audience: audiences.person(actor.personId)
	};
}

/**
 * Makes a new feed URL; an existing one stops working (renewing is the same act). The token is
 * returned once: only its hash is kept.
 */
export async function createFeed(actor: Actor, context: RequestContext = {}) {
	requireAccess(actor, 'calendar.feed', { personId: actor.personId });
	const secret = randomSecret();
	return transaction(async (tx) => {
		const revoked = await tx
			.update(calendarFeeds)
			.set({ revokedAt: new Date() })
			.where(and(eq(calendarFeeds.personId, actor.personId), isNull(calendarFeeds.revokedAt)))
			.returning({ id: calendarFeeds.id });
		const [feed] = await tx
			.insert(calendarFeeds)
			.values({ personId: actor.personId, secretHash: hashSecret(secret) })
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			...revoked.map((old) => feedEvent(actor, old.id, 'calendar_feed.revoked.v1')),
			feedEvent(actor, feed!.id, 'calendar_feed.created.v1')
		]);
		return { id: feed!.id, token: composeToken(feed!.id, secret) };
	});
}

/** Stops the person's feed; calendar apps get a 404 from then on. */
export async function revokeFeed(actor: Actor, context: RequestContext = {}) {
	requireAccess(actor, 'calendar.feed', { personId: actor.personId });
	return transaction(async (tx) => {
		const revoked = await tx
			.update(calendarFeeds)
			.set({ revokedAt: new Date() })
			.where(and(eq(calendarFeeds.personId, actor.personId), isNull(calendarFeeds.revokedAt)))
			.returning({ id: calendarFeeds.id });
		await appendEvents(
			tx,
			{ actor, requestId: context.requestId },
			revoked.map((old) => feedEvent(actor, old.id, 'calendar_feed.revoked.v1'))
		);
		return revoked.length > 0;
	});
}
