import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db';
import { agendaItems, decisions } from '../db/schema';
import { appendEvents, type EventContext } from '../events';
import { itemColumns, itemEvent, saveWorkflow } from '../agenda/store';
import { onAgendaStatuses } from '../../agenda/meeting-view';
import { itemsAwaitingOutcome } from '../../decisions/outcomes';

/**
 * Why the meeting cannot be closed (vergadering gehouden) yet, or null: every item still on its
 * agenda needs an outcome, and one that was not dealt with or was held over must first be carried
 * over, so that nothing is dropped silently.
 */
export async function closeRefusal(tx: Transaction, meetingId: string): Promise<string | null> {
	const placed = await tx
		.select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title })
		.from(agendaItems)
		.where(
			and(eq(agendaItems.meetingId, meetingId), inArray(agendaItems.status, [...onAgendaStatuses]))
		)
		.orderBy(agendaItems.position);
	if (placed.length === 0) return null;
	const decided = await tx
		.select({ itemId: decisions.itemId, outcome: decisions.outcome })
		.from(decisions)
		.where(eq(decisions.meetingId, meetingId));
	const name = (item: (typeof placed)[number]) => `${item.position ?? '–'}. ${item.title}`;
	const { undecided, notCarried } = itemsAwaitingOutcome(placed, decided);
	if (undecided.length)
		return `Leg eerst de uitkomst vast van ${undecided.length === 1 ? 'punt' : 'de punten'} ${undecided.map(name).join('; ')}.`;
	if (notCarried.length)
		return `Verplaats eerst wat niet is behandeld of is aangehouden: ${notCarried.map(name).join('; ')}.`;
	return null;
}

/** As the meeting closes, each item with an outcome is "behandeld", and its proposer told so. */
export async function treatDecidedItems(
	tx: Transaction,
	context: EventContext,
	meetingId: string
): Promise<void> {
	const items = await tx
		.select(itemColumns)
		.from(agendaItems)
		.where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.status, 'geagendeerd')))
		.for('update');
	const events = [];
	for (const item of items) {
		const saved = await saveWorkflow(tx, item, { status: 'behandeld' });
		events.push(await itemEvent(tx, saved, 'agenda_item.treated.v1'));
	}
	if (events.length) await appendEvents(tx, context, events);
}
