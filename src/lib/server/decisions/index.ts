import { eq, sql } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import { agendaItems, decisions, meetings } from '../db/schema';
import { appendEvents, type EventInput } from '../events';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError, StaleVersionError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting, meetingColumns, type MeetingRow } from '../meetings/queries';
import { findVisibleItem, itemEvent, saveWorkflow, type ItemRow } from '../agenda/store';
import { itemAudience } from '../agenda/audience';
import { openMeeting } from '../agenda/items';
import { isOnAgenda } from '../../agenda/meeting-view';
import { leavesItemOpen, outcomeLabels } from '../../decisions/outcomes';
import type { decisionPayloads } from '../../realtime/decision-payloads';
import type { z } from 'zod/mini';
import { carryOverRefusal, openSessionRefusal, recordRefusal, requireRule } from './rules';
import { afterDecisionChange } from './list';
import { carryOverSchema, currentItemSchema, recordDecisionSchema } from './schemas';
import {
	decisionView,
	findDecision,
	nextDealtOrder,
	writeCommitments,
	type DecisionView
} from './store';

export { meetingDecisions } from './queries';
export {
	adoptDecisionList,
	answerCorrection,
	getDecisionList,
	maySpeakForParty,
	proposeCorrection,
	publicationChoices,
	publishCorrection,
	publishDecisionList,
	startVerification,
	verifyDecisionList,
	type DecisionListView
} from './list';
export type { DecisionView } from './store';

type Payload<T extends keyof typeof decisionPayloads> = z.infer<(typeof decisionPayloads)[T]>;

const decisionFieldLabels: Record<string, string> = {
	outcome: 'uitkomst',
	dicta: 'besluit',
	explanation: 'toelichting',
	hamerstuk: 'hamerstuk',
	commitments: 'toezeggingen'
};

function by(actor: Actor, context: RequestContext) {
	return { actor, requestId: context.requestId };
}

function meetingSessionEvent<
	T extends 'meeting.session_opened.v1' | 'meeting.current_item_changed.v1'
>(meeting: MeetingRow, type: T, payload: Payload<T>): EventInput {
	return {
		type,
		subjectType: 'meeting',
		subjectId: meeting.id,
		meetingId: meeting.id,
		audience: { kind: 'meeting', meetingId: meeting.id },
		payload
	};
}

function decisionEvent(item: ItemRow, view: DecisionView): EventInput {
	return {
		type: 'decision.recorded.v1',
		subjectType: 'decision',
		subjectId: view.id,
		meetingId: view.meetingId,
		...itemAudience(item),
		payload: { itemId: item.id, decision: view } satisfies Payload<'decision.recorded.v1'>
	};
}

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

/**
 * Records (or corrects) what the meeting decided on an item: the outcome, the dicta, a short
 * toelichting, the commitments made, hamerstuk or not. A correction names the version it
 * corrects; a stale one is refused, naming what changed.
 */
export async function recordDecision(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<DecisionView> {
	requireAccess(actor, 'decision.record');
	const fields = parseInput(recordDecisionSchema, input);
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		if (!item.meetingId || !isOnAgenda(item.status))
			throw new StateError('Alleen een punt op de agenda van een vergadering krijgt een besluit.');
		const meeting = await findMeeting(tx, item.meetingId, { lock: true });
		requireRule(recordRefusal(meeting));
		const existing = await findDecision(tx, meeting.id, item.id);
		if (existing?.carriedOverAt)
			throw new StateError('Dit punt is verplaatst; zijn uitkomst in deze vergadering staat vast.');
		if (existing && fields.version !== undefined && fields.version !== existing.version)
			throw new StaleVersionError(existing.version, [], decisionFieldLabels);
		if (!existing && fields.version !== undefined && fields.version !== 1)
			throw new StaleVersionError(0, [], decisionFieldLabels);
		const values = {
			outcome: fields.outcome,
			dicta: fields.dicta,
			explanation: fields.explanation,
			hamerstuk: fields.hamerstuk,
			recordedBy: actor.personId,
			updatedAt: new Date()
		};
		const [saved] = existing
			? await tx
					.update(decisions)
					.set({ ...values, version: sql`${decisions.version} + 1` })
					.where(eq(decisions.id, existing.id))
					.returning()
			: await tx
					.insert(decisions)
					.values({
						...values,
						meetingId: meeting.id,
						itemId: item.id,
						agendaNumber: item.position ?? 0,
						itemTitle: item.title,
						dealtOrder: await nextDealtOrder(tx, meeting.id)
					})
					.returning();
		if ((await writeCommitments(tx, saved!.id, fields.commitments)) === 'unknown-id')
			throw new InvalidInputError({
				commitments: 'Een toezegging hoort niet bij dit besluit. Laad de pagina opnieuw.'
			});
		const view = await decisionView(tx, saved!);
		await appendEvents(tx, by(actor, context), [decisionEvent(item, view)]);
		// Ter verificatie: the akkoorden this change no longer matches are reset.
		await afterDecisionChange(tx, actor, meeting.id);
		return view;
	});
}

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

/** Used by markHeld: the decided items become "behandeld" as the meeting closes. */
export { closeRefusal, treatDecidedItems } from './close';
