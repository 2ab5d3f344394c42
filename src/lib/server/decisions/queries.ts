import { asc, eq, and } from 'drizzle-orm';
import { useDb } from '../db';
import { agendaItems, decisions } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { itemsVisibleTo } from '../agenda/audience';
import { findMeeting } from '../meetings/queries';
import { decisionViews, type DecisionView } from './store';

/**
 * A meeting's decisions in the order the items were dealt with, for whoever may see the meeting:
 * each one only if its item is visible to the reader (the item's audience decides).
 */
export async function meetingDecisions(actor: Actor, meetingId: string): Promise<DecisionView[]> {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	const meeting = await findMeeting(db, meetingId);
	const rows = await db
		.select({ decision: decisions })
		.from(decisions)
		.innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
		.where(and(eq(decisions.meetingId, meeting.id), itemsVisibleTo(actor)))
		.orderBy(asc(decisions.dealtOrder));
	return decisionViews(
		db,
		rows.map((row) => row.decision)
	);
}
