import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db';
import { coSponsors, type Party } from '../db/schema';
import type { EventInput } from '../events';
import { itemEvent, type ItemRow } from './store';

/*
 * Asking a co-sponsor while the item is a concept. The wish is an ordinary co_sponsor row
 * ("uitgenodigd"): who may see that row is who may see its item (audience.ts), so while the item is
 * a concept only the proposer's organisation sees it, and the asked party learns of nothing. What
 * makes the request go out is the item's own step: at the submission each such row becomes a real
 * invitation, with the same event an invitation of a submitted item has, for the table, which is
 * what the invited party's notification hangs on (notifications/table.ts). So no second status
 * and no second visibility rule: "asked but not yet sent" is "asked, on a concept".
 */

/** The concept's own co-sponsor events: for its organisation only, as the concept's events are. */
export type ConceptSponsorEventType =
	'agenda_item.co_sponsor_intended.v1' | 'agenda_item.co_sponsor_intent_withdrawn.v1';

/**
 * An event about a co-sponsor wish on a concept. Its payload is the invitation's (the item event
 * fields, the row, `party`), so the shared catalogue (realtime/event-payloads.ts) can describe it
 * with the same schema; until it does, a page that receives it reloads its data.
 */
export async function conceptSponsorEvent(
	tx: Transaction,
	item: ItemRow,
	type: ConceptSponsorEventType,
	party: Party
): Promise<EventInput> {
	const event = await itemEvent(tx, item, 'agenda_item.co_sponsor_invited.v1', { party });
	return { ...event, type };
}

/**
 * At the submission, in its transaction: every party the concept asked is now invited (from this
 * moment, which orders the requests on the invited party's lists), one invitation event each, after
 * the submission's own event so that the item is the table's when the invitations are read.
 */
export async function sendPendingInvitations(
	tx: Transaction,
	submitted: ItemRow
): Promise<EventInput[]> {
	const pending = await tx
		.update(coSponsors)
		.set({ invitedAt: new Date() })
		.where(and(eq(coSponsors.itemId, submitted.id), eq(coSponsors.status, 'uitgenodigd')))
		.returning({ party: coSponsors.party });
	const events: EventInput[] = [];
	for (const { party } of pending.sort((a, b) => a.party.localeCompare(b.party)))
		events.push(
			await itemEvent(tx, submitted, 'agenda_item.co_sponsor_invited.v1', { party: party })
		);
	return events;
}
