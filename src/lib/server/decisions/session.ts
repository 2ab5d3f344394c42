import { eq } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import { agendaItems, meetings } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting, meetingColumns } from '../meetings/queries';
import { isOnAgenda } from '../../agenda/meeting-view';
import { openSessionRefusal, requireRule } from './rules';
import { currentItemSchema } from './schemas';
import { by, meetingSessionEvent } from './decision-events';

/* Meeting mode: the secretariaat opens it and moves the table from item to item. */

/** The items placed on the meeting, in agenda order. */
async function agendaOf(tx: Transaction, meetingId: string) {
	return tx
		.select({ id: agendaItems.id, position: agendaItems.position, status: agendaItems.status })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(agendaItems.position)
		.then((rows) => rows.filter((row) => isOnAgenda(row.status)));
}

/**
 * The secretariaat opens meeting mode on the day of a meeting with an adopted agenda: everyone
 * following the meeting page sees the current item, starting with the first.
 */
export async function openSession(actor: Actor, meetingId: string, context: RequestContext = {}) {
	requireAccess(actor, 'decision.record');
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		requireRule(openSessionRefusal(meeting));
		const first = (await agendaOf(tx, meeting.id))[0]?.id ?? null;
		const [saved] = await tx
			.update(meetings)
			.set({ sessionOpenedAt: new Date(), currentItemId: first, updatedAt: new Date() })
			.where(eq(meetings.id, meeting.id))
			.returning(meetingColumns);
		await appendEvents(tx, by(actor, context), [
			meetingSessionEvent(saved!, 'meeting.session_opened.v1', {
				title: saved!.title,
				version: saved!.version,
				sessionOpenedAt: saved!.sessionOpenedAt!.toISOString(),
				currentItemId: first
			})
		]);
		return saved!;
	});
}

/**
 * The item being dealt with now, highlighted for every follower (null: none, a break). Not a
 * change to the meeting's details: its version stays, so nobody's edit of them goes stale.
 */
export async function setCurrentItem(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'decision.record');
	const { itemId } = parseInput(currentItemSchema, input);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		if (meeting.status !== 'agenda_vastgesteld' || !meeting.sessionOpenedAt)
			throw new StateError('Open eerst de vergadermodus.');
		if (itemId && !(await agendaOf(tx, meeting.id)).some((row) => row.id === itemId))
			throw new InvalidInputError({ itemId: 'Kies een punt van de agenda van deze vergadering.' });
		if (meeting.currentItemId === itemId) return meeting;
		const [saved] = await tx
			.update(meetings)
			.set({ currentItemId: itemId })
			.where(eq(meetings.id, meeting.id))
			.returning(meetingColumns);
		await appendEvents(tx, by(actor, context), [
			meetingSessionEvent(saved!, 'meeting.current_item_changed.v1', { currentItemId: itemId })
		]);
		return saved!;
	});
}
