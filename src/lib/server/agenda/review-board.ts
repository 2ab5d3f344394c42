import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { useDb } from '../db';
import { agendaApprovals, agendaItems, meetings, people } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { meetingColumns } from '../meetings/queries';
import { onAgendaStatuses, type Party } from '../../agenda/meeting-view';
import type { ReviewBoard, ReviewRecord } from '../../agenda/review-list';

/**
 * What "Ter beoordeling" is made of, for a bestuurder's party: the agendas in afstemming, the
 * items on them and the party's word on each (src/lib/agenda/review-list.ts derives the list). The
 * page holds these rows and applies live events to them; the API gets the derived list (toReview).
 */
export async function reviewBoard(actor: Actor) {
	requireAccess(actor, 'meeting.read');
	requireAccess(actor, 'agenda.approve', { party: actor.party ?? 'rijk' });
	const party: Party = actor.party!;
	const db = await useDb();
	const open = await db
		.select(meetingColumns)
		.from(meetings)
		.where(eq(meetings.status, 'agenda_in_afstemming'))
		.orderBy(asc(meetings.startsAt), asc(meetings.id));
	const board: ReviewBoard<(typeof open)[number]> & { party: Party } = {
		party,
		meetings: open,
		items: [],
		records: []
	};
	if (open.length === 0) return board;
	const ids = open.map((meeting) => meeting.id);
	const decider = alias(people, 'decider');
	const [items, approvals] = await Promise.all([
		db
			.select({
				meetingId: agendaItems.meetingId,
				id: agendaItems.id,
				title: agendaItems.title,
				purpose: agendaItems.purpose,
				position: agendaItems.position,
				minutes: agendaItems.minutes,
				version: agendaItems.version
			})
			.from(agendaItems)
			.where(
				and(inArray(agendaItems.meetingId, ids), inArray(agendaItems.status, [...onAgendaStatuses]))
			)
			.orderBy(asc(agendaItems.position), asc(agendaItems.id)),
		db
			.select({ approval: agendaApprovals, decidedByName: decider.name })
			.from(agendaApprovals)
			.innerJoin(decider, eq(decider.id, agendaApprovals.decidedBy))
			.where(and(inArray(agendaApprovals.meetingId, ids), eq(agendaApprovals.party, party)))
	]);
	const records: ReviewRecord[] = approvals.map(({ approval, decidedByName }) => ({
		meetingId: approval.meetingId,
		party: approval.party,
		decision: approval.decision,
		reason: approval.reason,
		itemPositions: approval.itemPositions,
		decidedAt: approval.decidedAt,
		decidedByName,
		resetAt: approval.resetAt,
		agendaSnapshot: approval.agendaSnapshot
	}));
	return {
		...board,
		items: items.map((item) => ({ ...item, meetingId: item.meetingId! })),
		records
	};
}
