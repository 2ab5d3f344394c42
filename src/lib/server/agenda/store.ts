import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import {
	agendaItemRevisions,
	agendaItems,
	meetings,
	type AgendaItem,
	type ItemStatus
} from '../db/schema';
import { agendaAdopted, onAgendaStatuses } from '../../agenda/meeting-view';
import { AccessError, requireAccess, type Actor } from '../access';
import { audiences } from '../audience';
import { appendEvents, type EventContext, type EventInput } from '../events';
import { isUuid } from '../kernel/ids';
import { StaleVersionError } from '../kernel/errors';
import { itemAudience } from './audience';
import { contentFields } from './content-fields';
import type { EventPayload, ItemEventExtra, ItemEventType } from '../../realtime/event-payloads';
import { itemEventPayload } from './live-row';

/** Every column but the search vector, which only the database reads. */
const { search: _search, ...columns } = getTableColumns(agendaItems);
export const itemColumns = columns;
export type ItemRow = Omit<AgendaItem, 'search'>;

export { contentFields };
export type ContentField = (typeof contentFields)[number];
export type Content = Pick<ItemRow, ContentField>;

export const itemFieldLabels: Record<string, string> = {
	meetingId: 'vergadering',
	title: 'titel',
	summary: 'samenvatting',
	purpose: 'doel',
	proposedDecision: 'voorgesteld besluit',
	financialConsequences: 'financiële gevolgen',
	financialExplanation: 'toelichting op de financiële gevolgen',
	contactPerson: 'contactpersoon',
	confidentiality: 'vertrouwelijkheid',
	status: 'status',
	position: 'plaats op de agenda',
	minutes: 'minuten'
};

export const itemStatusLabels: Record<ItemStatus, string> = {
	concept: 'concept',
	ingediend: 'ingediend',
	geagendeerd: 'geagendeerd',
	aangehouden: 'aangehouden',
	afgewezen: 'afgewezen',
	behandeld: 'behandeld',
	ingetrokken: 'ingetrokken'
};

export function contentOf(item: ItemRow | Content): Content {
	return Object.fromEntries(contentFields.map((field) => [field, item[field]])) as Content;
}

export function changedFields(before: Partial<Content>, after: Partial<Content>): ContentField[] {
	return contentFields.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/** The item or a 404; then a 404 as well when the actor may not see it (a concept of another). */
export async function findVisibleItem(
	db: Executor,
	actor: Actor,
	itemId: string,
	options: { lock?: boolean } = {}
): Promise<ItemRow> {
	if (!isUuid(itemId)) throw new AccessError(404);
	const query = db.select(itemColumns).from(agendaItems).where(eq(agendaItems.id, itemId));
	const [item] = options.lock ? await query.for('update') : await query;
	if (!item) throw new AccessError(404);
	requireAccess(actor, 'agenda_item.read', item);
	return item;
}

/**
 * An event about an item, for whoever may see the item, carrying the item as the meeting page
 * shows it (`row`): every follower's page applies it without asking the server. The step's own
 * fields are typed per event type (realtime/event-payloads.ts).
 */
export async function itemEvent<T extends ItemEventType>(
	tx: Transaction,
	item: ItemRow,
	type: T,
	...[extra]: keyof ItemEventExtra<T> extends never ? [] : [ItemEventExtra<T>]
): Promise<EventInput> {
	return {
		type,
		subjectType: 'agenda_item',
		subjectId: item.id,
		meetingId: item.meetingId,
		...itemAudience(item),
		payload: await itemEventPayload<T>(tx, item, extra ?? ({} as ItemEventExtra<T>))
	};
}

export async function writeRevision(tx: Transaction, actor: Actor, item: ItemRow): Promise<void> {
	await tx.insert(agendaItemRevisions).values({
		itemId: item.id,
		version: item.version,
		snapshot: { ...contentOf(item) },
		editedBy: actor.personId
	});
}

/**
 * Changes the content of an item: the version goes up by one and a revision keeps the new state.
 * The row is locked by the caller; the version condition guards against a writer that did not lock.
 */
export async function saveContent(
	tx: Transaction,
	actor: Actor,
	item: ItemRow,
	changes: Partial<Content>
): Promise<ItemRow> {
	const [saved] = await tx
		.update(agendaItems)
		.set({ ...changes, version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
		.where(and(eq(agendaItems.id, item.id), eq(agendaItems.version, item.version)))
		.returning(itemColumns);
	if (!saved) throw new StaleVersionError(item.version + 1, [], itemFieldLabels);
	await writeRevision(tx, actor, saved);
	return saved;
}

/** Changes where an item stands (status, place, minutes): workflow, not content; no new version. */
export async function saveWorkflow(
	tx: Transaction,
	item: ItemRow,
	changes: Partial<
		Pick<
			ItemRow,
			| 'status'
			| 'statusReason'
			| 'position'
			| 'minutes'
			| 'meetingId'
			| 'submittedAt'
			| 'lateSubmission'
			| 'lateSubmissionApproved'
		>
	>
): Promise<ItemRow> {
	const [saved] = await tx
		.update(agendaItems)
		.set({ ...changes, updatedAt: new Date() })
		.where(eq(agendaItems.id, item.id))
		.returning(itemColumns);
	return saved!;
}

/** The fields that changed since `version`, from its revision; all fields if it is unknown. */
export async function contentChangesSince(
	tx: Transaction,
	item: ItemRow,
	version: number
): Promise<ContentField[]> {
	const [revision] = await tx
		.select({ snapshot: agendaItemRevisions.snapshot })
		.from(agendaItemRevisions)
		.where(and(eq(agendaItemRevisions.itemId, item.id), eq(agendaItemRevisions.version, version)));
	if (!revision) return [...contentFields];
	return changedFields(revision.snapshot as Partial<Content>, contentOf(item));
}

/** Refuses a write made against an older version, naming what changed since. */
export async function requireCurrentVersion(
	tx: Transaction,
	item: ItemRow,
	expectedVersion: number | undefined
): Promise<void> {
	if (expectedVersion === undefined || expectedVersion === item.version) return;
	const changed = await contentChangesSince(tx, item, expectedVersion);
	throw new StaleVersionError(item.version, changed, itemFieldLabels);
}

/**
 * The items on a meeting's agenda in order (placed, or dealt with: onAgendaStatuses), locked: the
 * base of every change to the order.
 */
export async function placedItems(tx: Transaction, meetingId: string): Promise<ItemRow[]> {
	return tx
		.select(itemColumns)
		.from(agendaItems)
		.where(
			and(eq(agendaItems.meetingId, meetingId), inArray(agendaItems.status, [...onAgendaStatuses]))
		)
		.orderBy(asc(agendaItems.position), asc(agendaItems.id))
		.for('update');
}

/** Gives the items positions 1..n in the given order, writing only those that move. */
/**
 * Numbers the agenda 1, 2, 3… in this order. A new number is where an item is, not a change to it:
 * its "last changed" stays. Answers the reorder event when any number changed (else null), so that
 * the pages that follow the meeting learn every item's new place, also of the items a placing or a
 * departure shifted.
 */
export async function writeOrder(
	tx: Transaction,
	meetingId: string,
	ordered: ItemRow[]
): Promise<EventInput | null> {
	let changed = false;
	for (const [index, item] of ordered.entries()) {
		if (item.position === index + 1) continue;
		changed = true;
		await tx
			.update(agendaItems)
			.set({ position: index + 1 })
			.where(eq(agendaItems.id, item.id));
	}
	return changed
		? reorderedEvent(
				meetingId,
				ordered.map((item) => item.id)
			)
		: null;
}

/** The agenda's new order, for the pages that follow the meeting to apply. */
export function reorderedEvent(meetingId: string, order: string[]): EventInput {
	return {
		type: 'agenda.reordered.v1',
		subjectType: 'meeting',
		subjectId: meetingId,
		meetingId,
		audience: audiences.meeting(meetingId),
		payload: {
			order,
			positions: Object.fromEntries(order.map((id, index) => [id, index + 1]))
		} satisfies EventPayload<'agenda.reordered.v1'>
	};
}

/**
 * Closes the gap an item leaves when it goes off the agenda. An adopted agenda keeps its numbers:
 * an item held over after the meeting leaves a gap, and the others keep the number they had there.
 * The new numbers go out as a reorder event (writeOrder).
 */
export async function compactPositions(
	tx: Transaction,
	meetingId: string | null,
	by: EventContext
): Promise<void> {
	if (!meetingId) return;
	const [meeting] = await tx
		.select({ status: meetings.status })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (meeting && agendaAdopted(meeting.status)) return;
	const reordered = await writeOrder(tx, meetingId, await placedItems(tx, meetingId));
	if (reordered) await appendEvents(tx, by, [reordered]);
}
