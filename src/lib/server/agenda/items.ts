import { eq } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import { agendaItemRevisions, agendaItems, attachments, coSponsors, comments } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError, StateError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { findMeeting, type MeetingRow } from '../meetings/queries';
import { agendaClosedRefusal } from '../meetings/transitions';
import { resetApprovalsIfChanged } from './fingerprint';
import { sendPendingInvitations } from './co-sponsor-requests';
import { requireItemState, requireMeetingState } from './transitions';
import {
	changedFields,
	compactPositions,
	contentOf,
	findVisibleItem,
	itemColumns,
	itemEvent,
	requireCurrentVersion,
	saveContent,
	saveWorkflow,
	writeRevision,
	type ItemRow
} from './store';
import { parseInput } from '../kernel/input';
import { draftItemSchema, itemProblems, updateItemSchema, versionOnly } from './schemas';

/** A meeting whose agenda may still change, or a StateError that says why not. */
export async function openMeeting(tx: Transaction, meetingId: string): Promise<MeetingRow> {
	const meeting = await findMeeting(tx, meetingId);
	const refusal = agendaClosedRefusal(meeting);
	if (refusal) throw new StateError(refusal);
	return meeting;
}

/** The proposer's organisation may act on its item; others see it (or not) but may not act. */
export function requireProposer(actor: Actor, item: ItemRow) {
	requireAccess(actor, 'agenda_item.propose', { organisationId: item.proposingOrganisationId });
}

/** A medewerker or bestuurder of a party, or the secretariaat, drafts an item: a concept. */
export async function draftItem(actor: Actor, input: unknown, context: RequestContext = {}) {
	requireAccess(actor, 'agenda_item.draft');
	const fields = parseInput(draftItemSchema, input);
	const problems = itemProblems(fields);
	if (Object.keys(problems).length) throw new InvalidInputError(problems);
	if (fields.financialConsequences === 'geen') fields.financialExplanation = null;
	return transaction(async (tx) => {
		if (fields.meetingId) await openMeeting(tx, fields.meetingId);
		const [item] = await tx
			.insert(agendaItems)
			.values({
				...fields,
				proposingOrganisationId: actor.organisationId,
				proposingParty: actor.party,
				proposedBy: actor.personId
			})
			.returning(itemColumns);
		await writeRevision(tx, actor, item!);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, item!, 'agenda_item.drafted.v1')
		]);
		return item!;
	});
}

/**
 * The proposer's organisation edits the content. `expectedVersion` is required: a stale save is
 * refused with the fields that changed since. Every saved edit is a revision.
 */
export async function updateItem(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireProposer(actor, item);
		const { expectedVersion, ...changes } = parseInput(updateItemSchema, input);
		await requireCurrentVersion(tx, item, expectedVersion);
		requireItemState('edit', item);
		if (item.meetingId) requireMeetingState('edit', await findMeeting(tx, item.meetingId));
		if (changes.meetingId !== undefined && changes.meetingId !== item.meetingId) {
			if (item.status !== 'concept')
				throw new InvalidInputError({
					meetingId:
						'Alleen een concept verhuist u zelf; vraag het secretariaat om het punt te verplaatsen.'
				});
			if (changes.meetingId) await openMeeting(tx, changes.meetingId);
		}
		const merged = { ...contentOf(item), ...withoutUndefined(changes) };
		if (merged.financialConsequences === 'geen') merged.financialExplanation = null;
		const problems = itemProblems(merged);
		if (Object.keys(problems).length) throw new InvalidInputError(problems);
		const changed = changedFields(contentOf(item), merged);
		if (changed.length === 0) return item;
		const saved = await saveContent(tx, actor, item, merged);
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.updated.v1', { version: saved.version, changed })
		]);
		await resetApprovalsIfChanged(tx, actor, saved.meetingId);
		return saved;
	});
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(value).filter(([, entry]) => entry !== undefined)
	) as Partial<T>;
}

/**
 * concept → ingediend: all participants see it from now on. After the meeting's proposal deadline
 * it is marked a late submission, which the secretariaat must accept before placing it.
 */
export async function submitItem(
	actor: Actor,
	itemId: string,
	input: unknown = {},
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireProposer(actor, item);
		const { expectedVersion } = parseInput(versionOnly, input);
		await requireCurrentVersion(tx, item, expectedVersion);
		requireItemState('submit', item);
		let late = false;
		if (item.meetingId) {
			const meeting = await findMeeting(tx, item.meetingId);
			requireMeetingState('submit', meeting);
			late = meeting.proposalDeadline !== null && meeting.proposalDeadline < new Date();
		}
		const saved = await saveWorkflow(tx, item, {
			status: 'ingediend',
			submittedAt: new Date(),
			lateSubmission: late,
			lateSubmissionApproved: false
		});
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.submitted.v1', { late }),
			// The parties the concept asked hear of it now, and only now.
			...(await sendPendingInvitations(tx, saved))
		]);
		return saved;
	});
}

/** The proposer withdraws the item, until the agenda is adopted. */
export async function withdrawItem(
	actor: Actor,
	itemId: string,
	input: unknown = {},
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireProposer(actor, item);
		const { expectedVersion } = parseInput(versionOnly, input);
		await requireCurrentVersion(tx, item, expectedVersion);
		requireItemState('withdraw', item);
		if (item.meetingId) requireMeetingState('withdraw', await findMeeting(tx, item.meetingId));
		const saved = await saveWorkflow(tx, item, {
			status: 'ingetrokken',
			position: null,
			minutes: null
		});
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			await itemEvent(tx, saved, 'agenda_item.withdrawn.v1')
		]);
		await compactPositions(tx, saved.meetingId, { actor, requestId: context.requestId });
		await resetApprovalsIfChanged(tx, actor, saved.meetingId);
		return saved;
	});
}

/**
 * The proposer's organisation discards a concept that was never submitted ("Concept verwijderen").
 * The row goes, with what hangs on it (revisions, the co-sponsor wishes, comments, attachments): a
 * concept was only ever its organisation's, so no list, search or agenda of anyone needs a trace,
 * and no query anywhere has to learn to skip a "removed" status. The append-only event log keeps
 * the trace: the concept's earlier events and this one, both for the organisation alone.
 */
export async function discardConcept(
	actor: Actor,
	itemId: string,
	input: unknown = {},
	context: RequestContext = {}
) {
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		requireProposer(actor, item);
		const { expectedVersion } = parseInput(versionOnly, input);
		await requireCurrentVersion(tx, item, expectedVersion);
		requireItemState('discard', item);
		// Built before the deletion: the event carries the item as it last was.
		const discarded = await itemEvent(tx, item, 'agenda_item.withdrawn.v1');
		for (const table of [comments, attachments, coSponsors, agendaItemRevisions])
			await tx.delete(table).where(eq(table.itemId, item.id));
		await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{ ...discarded, type: 'agenda_item.discarded.v1' }
		]);
		return { id: item.id, title: item.title, discardedAt: new Date() };
	});
}
