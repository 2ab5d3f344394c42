import { audiences } from '../audience';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import { agendaItems, meetings, type MeetingStatus } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { meetingEditRefusal, requireMeetingStep, type MeetingStep } from './transitions';
import { InvalidInputError, StaleVersionError, StateError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { itemColumns, itemEvent, saveWorkflow } from '../agenda/store';
import { closeRefusal, treatDecidedItems } from '../decisions/close';
import { findMeeting, meetingChangesSince, meetingColumns, type MeetingRow } from './queries';
import { parseInput, reasonSchema } from '../kernel/input';
import {
	meetingFieldLabels,
	meetingFields,
	meetingProblems,
	updateMeetingSchema,
	type MeetingFields
} from './schemas';

export { getMeeting, listMeetings } from './queries';

async function checkPreparatory(tx: Transaction, fields: MeetingFields, selfId?: string) {
	if (!fields.preparatoryMeetingId) return;
	const problem = { preparatoryMeetingId: 'Kies een voorbereidende vergadering uit de lijst.' };
	if (fields.preparatoryMeetingId === selfId) throw new InvalidInputError(problem);
	const [preparatory] = await tx
		.select({ startsAt: meetings.startsAt })
		.from(meetings)
		.where(eq(meetings.id, fields.preparatoryMeetingId));
	if (!preparatory) throw new InvalidInputError(problem);
	if (preparatory.startsAt >= fields.startsAt)
		throw new InvalidInputError({
			preparatoryMeetingId: 'De voorbereidende vergadering moet vóór deze vergadering liggen.'
		});
}

function meetingEvent(
	meeting: MeetingRow,
	type: `${string}.v${number}`,
	payload: Record<string, unknown>
) {
	return {
		type,
		subjectType: 'meeting',
		subjectId: meeting.id,
		meetingId: meeting.id,
		audience: audiences.meeting(meeting.id),
		payload: { title: meeting.title, version: meeting.version, ...payload }
	};
}

/** The secretariat plans a meeting; it starts as "gepland". */
export async function planMeeting(actor: Actor, input: unknown, context: RequestContext = {}) {
	requireAccess(actor, 'meeting.manage');
	const fields = parseInput(meetingFields, input);
	const problems = meetingProblems(fields);
	if (Object.keys(problems).length) throw new InvalidInputError(problems);
	return transaction(async (tx) => {
		await checkPreparatory(tx, fields);
		const [meeting] = await tx.insert(meetings).values(fields).returning(meetingColumns);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			meetingEvent(meeting!, 'meeting.planned.v1', {
				kind: fields.kind,
				startsAt: fields.startsAt.toISOString(),
				changed: Object.keys(fields)
			})
		]);
		return meeting!;
	});
}

/** Changes a meeting's details; a stale expectedVersion is refused, naming what changed since. */
export async function updateMeeting(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'meeting.manage');
	const { expectedVersion, ...changes } = parseInput(updateMeetingSchema, input);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		if (meeting.version !== expectedVersion) {
			const changed = await meetingChangesSince(tx, meeting.id, expectedVersion);
			throw new StaleVersionError(meeting.version, changed, meetingFieldLabels);
		}
		const refusal = meetingEditRefusal(meeting);
		if (refusal) throw new StateError(refusal);
		const merged = { ...meeting, ...stripUndefined(changes) } as MeetingFields;
		const problems = meetingProblems(merged);
		if (Object.keys(problems).length) throw new InvalidInputError(problems);
		await checkPreparatory(tx, merged, meeting.id);
		const changed = (Object.keys(stripUndefined(changes)) as (keyof MeetingFields)[]).filter(
			(key) => String(meeting[key] ?? '') !== String(merged[key] ?? '')
		);
		if (changed.length === 0) return meeting;
		const [saved] = await tx
			.update(meetings)
			.set({
				...stripUndefined(changes),
				version: sql`${meetings.version} + 1`,
				updatedAt: new Date()
			})
			.where(eq(meetings.id, meeting.id))
			.returning(meetingColumns);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			meetingEvent(saved!, 'meeting.updated.v1', { changed })
		]);
		return saved!;
	});
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(value).filter(([, entry]) => entry !== undefined)
	) as Partial<T>;
}

/** Takes a step of the meeting's life (transitions.ts) to `to`, bumping its version and logging it. */
export async function moveMeeting(
	tx: Transaction,
	actor: Actor,
	meetingId: string,
	step: MeetingStep,
	to: MeetingStatus,
	event: `${string}.v${number}`,
	context: RequestContext,
	extra: { cancelReason?: string; reason?: string } = {}
): Promise<MeetingRow> {
	const meeting = await findMeeting(tx, meetingId, { lock: true });
	requireMeetingStep(step, meeting);
	const [saved] = await tx
		.update(meetings)
		.set({
			status: to,
			...(extra.cancelReason ? { cancelReason: extra.cancelReason } : {}),
			version: sql`${meetings.version} + 1`,
			updatedAt: new Date()
		})
		.where(eq(meetings.id, meeting.id))
		.returning(meetingColumns);
	await appendEvents(tx, { actor, requestId: context.requestId }, [
		meetingEvent(saved!, event, {
			from: meeting.status,
			to,
			changed: extra.cancelReason ? ['status', 'cancelReason'] : ['status'],
			...(extra.reason ? { reason: extra.reason } : {})
		})
	]);
	return saved!;
}

export async function openForProposals(
	actor: Actor,
	meetingId: string,
	context: RequestContext = {}
) {
	requireAccess(actor, 'meeting.manage');
	return transaction((tx) =>
		moveMeeting(tx, actor, meetingId, 'open', 'open_voor_voorstellen', 'meeting.opened.v1', context)
	);
}

/** The agenda goes "in afstemming": the parties can now agree to it. */
export async function startAgendaAlignment(
	actor: Actor,
	meetingId: string,
	context: RequestContext = {}
) {
	requireAccess(actor, 'meeting.manage');
	return transaction((tx) =>
		moveMeeting(
			tx,
			actor,
			meetingId,
			'align',
			'agenda_in_afstemming',
			'meeting.alignment_started.v1',
			context
		)
	);
}

/** After the meeting began, with its agenda adopted. */
export async function markHeld(actor: Actor, meetingId: string, context: RequestContext = {}) {
	requireAccess(actor, 'meeting.manage');
	return transaction(async (tx) => {
		requireMeetingStep('held', await findMeeting(tx, meetingId, { lock: true }));
		const refusal = await closeRefusal(tx, meetingId);
		if (refusal) throw new StateError(refusal);
		const saved = await moveMeeting(
			tx,
			actor,
			meetingId,
			'held',
			'gehouden',
			'meeting.held.v1',
			context
		);
		await treatDecidedItems(tx, { actor, requestId: context.requestId }, meetingId);
		return saved;
	});
}

const openItemStatuses = ['concept', 'ingediend', 'geagendeerd', 'aangehouden'] as const;

/**
 * Cancels a meeting that was not held yet, with a reason. Its open items go back to the list of
 * items still to be scheduled: submitted ones as "aangehouden" with the reason, concepts as they are.
 */
export async function cancelMeeting(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'meeting.manage');
	const { reason } = parseInput(reasonSchema, input);
	return transaction(async (tx) => {
		const saved = await moveMeeting(
			tx,
			actor,
			meetingId,
			'cancel',
			'geannuleerd',
			'meeting.cancelled.v1',
			context,
			{ cancelReason: reason, reason }
		);
		const items = await tx
			.select(itemColumns)
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.meetingId, meetingId),
					inArray(agendaItems.status, [...openItemStatuses])
				)
			)
			.for('update');
		const events = [];
		for (const item of items) {
			const moved = await saveWorkflow(tx, item, {
				meetingId: null,
				position: null,
				minutes: null,
				...(item.status === 'concept'
					? {}
					: { status: 'aangehouden', statusReason: `Vergadering geannuleerd: ${reason}` })
			});
			events.push(
				await itemEvent(tx, moved, 'agenda_item.deferred.v1', {
					fromMeetingId: meetingId,
					toMeetingId: null,
					reason
				})
			);
		}
		await appendEvents(tx, { actor, requestId: context.requestId }, events);
		return saved;
	});
}
