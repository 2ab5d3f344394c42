import { eq, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { decisions, meetings } from '../db/schema';
import { appendEvents, type EventInput } from '../events';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting } from '../meetings/queries';
import { findVisibleItem, itemEvent, saveWorkflow } from '../agenda/store';
import { openMeeting } from '../agenda/items';
import { isOnAgenda } from '../../agenda/meeting-view';
import { leavesItemOpen, outcomeLabels } from '../../decisions/outcomes';
import { carryOverRefusal, requireRule } from './rules';
import { carryOverSchema } from './schemas';
import { by, decisionEvent, meetingSessionEvent } from './decision-events';
import { decisionView, findDecision, nextDealtOrder, type DecisionView } from './store';

/**
 * Items the meeting did not deal with (or held over) go, in one step, to a later meeting or back
 * to "nog te agenderen", with the reason; their line in this meeting's besluitenlijst says so and
 * their history shows it. An item without a decision gets "niet behandeld".
 */
export async function carryOver(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<DecisionView[]> {
	requireAccess(actor, 'decision.record');
	const { itemIds, toMeetingId, reason } = parseInput(carryOverSchema, input);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		requireRule(carryOverRefusal(meeting));
		if (toMeetingId) {
			if (toMeetingId === meeting.id)
				throw new InvalidInputError({ toMeetingId: 'Kies een andere, latere vergadering.' });
			const target = await openMeeting(tx, toMeetingId).catch((error: unknown) => {
				if (error instanceof StateError)
					throw new InvalidInputError({ toMeetingId: error.message });
				throw new InvalidInputError({ toMeetingId: 'Kies een latere vergadering uit de lijst.' });
			});
			if (target.startsAt <= meeting.startsAt)
				throw new InvalidInputError({ toMeetingId: 'Kies een vergadering die later plaatsvindt.' });
		}
		const views: DecisionView[] = [];
		const events: EventInput[] = [];
		const at = new Date();
		for (const itemId of [...new Set(itemIds)]) {
			const item = await findVisibleItem(tx, actor, itemId, { lock: true });
			if (item.meetingId !== meeting.id || !isOnAgenda(item.status))
				throw new InvalidInputError({
					itemIds: `"${item.title}" staat niet op de agenda van deze vergadering.`
				});
			const existing = await findDecision(tx, meeting.id, item.id);
			if (existing && !leavesItemOpen(existing.outcome))
				throw new InvalidInputError({
					itemIds: `Punt ${existing.agendaNumber} is ${outcomeLabels[existing.outcome].toLowerCase()}; het hoeft niet verplaatst te worden.`
				});
			const carried = {
				carriedOverAt: at,
				carriedOverToMeetingId: toMeetingId,
				carryOverReason: reason,
				updatedAt: at
			};
			const [saved] = existing
				? await tx
						.update(decisions)
						.set({ ...carried, version: sql`${decisions.version} + 1` })
						.where(eq(decisions.id, existing.id))
						.returning()
				: await tx
						.insert(decisions)
						.values({
							...carried,
							meetingId: meeting.id,
							itemId: item.id,
							agendaNumber: item.position ?? 0,
							itemTitle: item.title,
							outcome: 'niet_behandeld',
							recordedBy: actor.personId,
							dealtOrder: await nextDealtOrder(tx, meeting.id)
						})
						.returning();
			const moved = await saveWorkflow(tx, item, {
				meetingId: toMeetingId,
				status: 'aangehouden',
				statusReason: reason,
				position: null,
				minutes: null
			});
			const view = await decisionView(tx, saved!);
			views.push(view);
			events.push(
				await itemEvent(tx, moved, 'agenda_item.deferred.v1', {
					fromMeetingId: meeting.id,
					toMeetingId,
					reason
				}),
				decisionEvent(moved, view)
			);
		}
		if (meeting.currentItemId && itemIds.includes(meeting.currentItemId)) {
			await tx.update(meetings).set({ currentItemId: null }).where(eq(meetings.id, meeting.id));
			events.push(
				meetingSessionEvent(meeting, 'meeting.current_item_changed.v1', { currentItemId: null })
			);
		}
		await appendEvents(tx, by(actor, context), events);
		return views;
	});
}
