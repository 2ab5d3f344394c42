import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import type { Executor } from '../db';
import { events, type EventRow } from '../db/schema';
import type { RealtimeEvent } from '../../realtime/protocol';

/**
 * Rooms follow visibility (HOUSE.md, the event log). Every socket joins its person's room, its
 * organisation's room, the participants' room and the public room; meeting and item rooms are
 * joined on request, after an access check, and carry only presence and editing hints.
 */
export const rooms = {
	person: (id: string) => `person:${id}`,
	organisation: (id: string) => `organisation:${id}`,
	participants: 'participants',
	public: 'public',
	meeting: (id: string) => `meeting:${id}`,
	item: (id: string) => `item:${id}`,
	session: (id: string) => `session:${id}`,
	token: (id: string) => `token:${id}`
} as const;

/** The rooms an event may reach; none for audit events (those stay on the audit page). */
export function eventRooms(event: Pick<EventRow, 'visibility' | 'visibleTo'>): string[] {
	switch (event.visibility) {
		case 'public':
			return [rooms.public];
		case 'participants':
			return [rooms.participants];
		case 'organisation':
			return event.visibleTo ? [rooms.organisation(event.visibleTo)] : [];
		case 'person':
			return event.visibleTo ? [rooms.person(event.visibleTo)] : [];
		default:
			return [];
	}
}

/**
 * The rooms of a signed-in actor. Everyone who may sign in sits at the table (every role reads
 * meetings), so everyone is a participant.
 */
export function actorRooms(actor: Actor): string[] {
	return [
		rooms.person(actor.personId),
		rooms.organisation(actor.organisationId),
		rooms.participants,
		rooms.public
	];
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

/** The same rule as eventRooms, as SQL: the events an actor may see. */
function visibleTo(actor: Actor) {
	return or(
		eq(events.visibility, 'public'),
		eq(events.visibility, 'participants'),
		and(eq(events.visibility, 'organisation'), eq(events.visibleTo, actor.organisationId)),
		and(eq(events.visibility, 'person'), eq(events.visibleTo, actor.personId))
	);
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
		.where(and(gt(events.id, since), visibleTo(actor)))
		.orderBy(asc(events.id))
		.limit(limit);
}

/** The newest event id there is (0 for an empty log). */
export async function lastEventId(db: Executor): Promise<number> {
	const [row] = await db.select({ id: sql<number>`coalesce(max(${events.id}), 0)` }).from(events);
	return Number(row?.id ?? 0);
}
