import { and, asc, gt, sql } from 'drizzle-orm';
import { audienceKey, principalKeys, visibleToPrincipal } from '../audience';
import type { Actor } from '../access';
import type { Executor } from '../db';
import { events, type EventRow } from '../db/schema';
import type { RealtimeEvent } from '../../realtime/protocol';

/**
 * Rooms are audiences (src/lib/server/audience.ts): an event goes to the rooms named by its
 * audience keys, and a socket joins the rooms of the keys its actor holds (its person, its
 * organisation, its party, the table, the public). Meeting and item rooms are joined on request,
 * after an access check, and carry only presence and editing hints.
 */
export const rooms = {
	person: (id: string) => audienceKey.person(id),
	organisation: (id: string) => audienceKey.organisation(id),
	participants: audienceKey.table,
	public: audienceKey.public,
	meeting: (id: string) => `meeting:${id}`,
	item: (id: string) => `item:${id}`,
	session: (id: string) => `session:${id}`,
	token: (id: string) => `token:${id}`
} as const;

/** The rooms an event may reach: its audience keys; none for audit events (the audit page). */
export function eventRooms(event: Pick<EventRow, 'audience'>): string[] {
	return [...event.audience];
}

/** Whether an event with these rooms is for everyone: it goes to the public namespace too. */
export function reachesPublic(eventRooms: readonly string[]): boolean {
	return eventRooms.includes(rooms.public);
}

/** The rooms of a signed-in actor: the audience keys it holds. */
export function actorRooms(actor: Actor): string[] {
	return principalKeys(actor);
}

/** The wire form of an event: what a client sees, without who else may see it. */
export function toWire(row: EventRow): RealtimeEvent {
	return {
		id: row.id,
		type: row.type,
		occurredAt: row.occurredAt.toISOString(),
		subjectType: row.subjectType,
		subjectId: row.subjectId,
		meetingId: row.meetingId,
		actorPersonId: row.actorPersonId,
		actorOrganisationId: row.actorOrganisationId,
		payload: row.payload
	};
}

/** Up to `limit` events after `since` that the actor may see, oldest first. */
export async function visibleEventsSince(
	db: Executor,
	actor: Actor,
	since: number,
	limit: number
): Promise<EventRow[]> {
	return db
		.select()
		.from(events)
		.where(and(gt(events.id, since), visibleToPrincipal(events.audience, actor)))
		.orderBy(asc(events.id))
		.limit(limit);
}

/** Up to `limit` events after `since` that anyone may see (nobody signed in), oldest first. */
export async function publicEventsSince(
	db: Executor,
	since: number,
	limit: number
): Promise<EventRow[]> {
	return db
		.select()
		.from(events)
		.where(and(gt(events.id, since), visibleToPrincipal(events.audience, null)))
		.orderBy(asc(events.id))
		.limit(limit);
}

/** The newest event id there is (0 for an empty log). */
export async function lastEventId(db: Executor): Promise<number> {
	const [row] = await db.select({ id: sql<number>`coalesce(max(${events.id}), 0)` }).from(events);
	return Number(row?.id ?? 0);
}
