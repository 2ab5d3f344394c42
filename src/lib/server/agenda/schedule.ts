import { transaction } from '../db';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { findMeeting, type MeetingRow } from '../meetings/queries';
import { resetApprovalsIfChanged } from './fingerprint';
import { openMeeting } from './items';
import { requireItemState, requireMeetingState } from './transitions';
import {
	compactPositions,
	findVisibleItem,
	itemEvent,
	placedItems,
	saveWorkflow,
	writeOrder,
	reorderedEvent
} from './store';
import { parseInput, reasonSchema } from '../kernel/input';
import { deferItemSchema, placeItemSchema, reorderSchema } from './schemas';

/**
 * The secretariaat puts a submitted (or deferred) item on a meeting's agenda, at a place (default:
 * last) with minutes; for an item already placed this moves it or changes its minutes.
 */
export async function placeItem(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'agenda_item.schedule');
	const { meetingId, position, minutes } = parseInput(placeItemSchema, input);
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireItemState('place', item);
		const target = meetingId ?? item.meetingId;
		if (!target)
			throw new InvalidInputError({ meetingId: 'Kies de vergadering waarop dit punt komt.' });
		if (item.status === 'geagendeerd' && target !== item.meetingId)
			throw new InvalidInputError({
				meetingId:
					'Een geagendeerd punt verplaatst u naar een andere vergadering door het aan te houden.'
			});
		requireMeetingState('place', await findMeeting(tx, target));
		const others = (await placedItems(tx, target)).filter((other) => other.id !== item.id);
		const index = Math.min((position ?? others.length + 1) - 1, others.length);
		const saved = await saveWorkflow(tx, item, {
			meetingId: target,
			status: 'geagendeerd',
			statusReason: null,
			minutes,
			position: index + 1
		});
		others.splice(index, 0, saved);
		// The items after it move one down: their new places go out with the placing.
		const shifted = await writeOrder(tx, target, others);
		await appendEvents(tx, by(actor, context), [
			await itemEvent(tx, saved, 'agenda_item.placed.v1', { position: index + 1, minutes }),
			...(shifted ? [shifted] : [])
		]);
		if (item.meetingId && item.meetingId !== target)
			await compactPositions(tx, item.meetingId, by(actor, context));
		await resetApprovalsIfChanged(tx, actor, target);
		return saved;
	});
}

/** The secretariaat sets the order of the whole agenda at once (drag and drop, move up/down). */
export async function reorderAgenda(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'agenda_item.schedule');
	const { orderedItemIds } = parseInput(reorderSchema, input);
	return transaction(async (tx) => {
		await openMeeting(tx, meetingId);
		const placed = await placedItems(tx, meetingId);
		const byId = new Map(placed.map((item) => [item.id, item]));
		if (
			orderedItemIds.length !== placed.length ||
			new Set(orderedItemIds).size !== placed.length ||
			orderedItemIds.some((id) => !byId.has(id))
		)
			throw new InvalidInputError({
				orderedItemIds:
					'De volgorde moet precies de geagendeerde punten van deze vergadering bevatten. Laad de pagina opnieuw.'
			});
		await writeOrder(
			tx,
			meetingId,
			orderedItemIds.map((id) => byId.get(id)!)
		);
		// Always the event, also when nothing moved: the one who reordered sees it confirmed.
		await appendEvents(tx, by(actor, context), [reorderedEvent(meetingId, orderedItemIds)]);
		await resetApprovalsIfChanged(tx, actor, meetingId);
		return placedItems(tx, meetingId);
	});
}

/**
 * The secretariaat holds an item over ("aanhouden"): to a later meeting, or back to the list of
 * items still to be scheduled (toMeetingId null), with a reason.
 */
export async function deferItem(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'agenda_item.schedule');
	const { reason, toMeetingId } = parseInput(deferItemSchema, input);
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireItemState('defer', item);
		const current = item.meetingId ? await findMeeting(tx, item.meetingId) : null;
		requireMeetingState('defer', current);
		if (toMeetingId) {
			if (toMeetingId === item.meetingId)
				throw new InvalidInputError({ toMeetingId: 'Kies een andere, latere vergadering.' });
			const target: MeetingRow = await openMeeting(tx, toMeetingId);
			if (current && target.startsAt <= current.startsAt)
				throw new InvalidInputError({ toMeetingId: 'Kies een vergadering die later plaatsvindt.' });
		}
		const saved = await saveWorkflow(tx, item, {
			meetingId: toMeetingId,
			status: 'aangehouden',
			statusReason: reason,
			position: null,
			minutes: null
		});
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.deferred.v1', {
				fromMeetingId: item.meetingId,
				toMeetingId,
				reason
			})
		]);
		await compactPositions(tx, item.meetingId, by(actor, context));
		await resetApprovalsIfChanged(tx, actor, item.meetingId);
		return saved;
	});
}

/** The secretariaat declines an item, with a reason, while its meeting's agenda is still open. */
export async function declineItem(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'agenda_item.schedule');
	const { reason } = parseInput(reasonSchema, input);
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireItemState('decline', item);
		if (item.meetingId) requireMeetingState('decline', await findMeeting(tx, item.meetingId));
		const saved = await saveWorkflow(tx, item, {
			status: 'afgewezen',
			statusReason: reason,
			position: null,
			minutes: null
		});
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.declined.v1', { reason })
		]);
		await compactPositions(tx, item.meetingId, by(actor, context));
		await resetApprovalsIfChanged(tx, actor, item.meetingId);
		return saved;
	});
}

/** After the meeting: a placed item was dealt with. */
export async function markTreated(actor: Actor, itemId: string, context: RequestContext = {}) {
	requireAccess(actor, 'agenda_item.schedule');
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireItemState('treat', item);
		requireMeetingState('treat', await findMeeting(tx, item.meetingId!));
		const saved = await saveWorkflow(tx, item, { status: 'behandeld' });
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.treated.v1')
		]);
		return saved;
	});
}

/** The secretariaat accepts an item submitted after the deadline, so it can be placed. */
export async function approveLateSubmission(
	actor: Actor,
	itemId: string,
	context: RequestContext = {}
) {
	requireAccess(actor, 'agenda_item.schedule');
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireItemState('approveLate', item);
		const saved = await saveWorkflow(tx, item, { lateSubmissionApproved: true });
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.late_submission_approved.v1')
		]);
		return saved;
	});
}

/** Total minutes against the meeting's length (shared with the live meeting page). */
export { agendaTiming } from '../../agenda/meeting-view';

/** Who acts, for the events of a step. */
function by(actor: Actor, context: RequestContext) {
	return { actor, requestId: context.requestId };
}
