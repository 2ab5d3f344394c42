import { asc, eq } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { decisionLists, decisions, type DecisionList } from '../db/schema';
import type { EventInput } from '../events';
import { fingerprint } from '../consent';
import { StateError } from '../kernel/errors';
import type { MeetingRow } from '../meetings/queries';
import type { ListEventType } from '../../realtime/decision-payloads';
import type { Payload } from './decision-events';
import { decisionViews, type DecisionView } from './store';

/*
 * The besluitenlijst of a held meeting: concept → ter verificatie (each party marks it akkoord or
 * proposes corrections, per decision, with a reason; the secretariaat takes a correction over or
 * declines it) → vastgesteld (all four agreed, or the closing date passed) → gepubliceerd. A
 * change to the decisions while it is ter verificatie resets the akkoorden it no longer matches
 * (consent.ts, as the agenda's). Publication writes a version that never changes.
 *
 * This module holds what the list's verbs share: the row, its lock and save, the decisions as
 * verified and their fingerprint, and the shape of the list's events.
 */

/**
 * An event of the list, for the meeting's participants: its step's own fields, and the list's
 * state and the parties' word after the change (listShown), as the page applies them.
 */
export function listEvent<T extends ListEventType>(
	meeting: MeetingRow,
	type: T,
	payload: Omit<Payload<T>, 'title'>
): EventInput {
	// The same type, widened: EventInput's template cannot match a type whose name holds ".v".
	const versioned: `decision_list.${string}.v1` = type;
	return {
		type: versioned,
		subjectType: 'decision_list',
		subjectId: meeting.id,
		meetingId: meeting.id,
		audience: { kind: 'meeting', meetingId: meeting.id },
		payload: { title: meeting.title, ...payload }
	};
}

/** The decisions as the parties verify them: what an akkoord holds for, in a fixed order. */
export async function workingDecisions(db: Executor, meetingId: string): Promise<DecisionView[]> {
	const rows = await db
		.select()
		.from(decisions)
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(asc(decisions.dealtOrder));
	return decisionViews(db, rows);
}

export function listFingerprint(list: DecisionView[]): string {
	return fingerprint(
		list.map((d) => [
			d.id,
			d.outcome,
			d.dicta,
			d.explanation,
			d.hamerstuk,
			d.commitments.map((c) => [c.party, c.holder, c.description, c.dueDate]),
			d.carriedOver ? [d.carriedOver.toMeetingId, d.carriedOver.reason] : null
		])
	);
}

export async function listFor(
	tx: Transaction,
	meetingId: string
): Promise<DecisionList | undefined> {
	const [row] = await tx
		.select()
		.from(decisionLists)
		.where(eq(decisionLists.meetingId, meetingId))
		.for('update');
	return row;
}

/** The list of a held meeting, made as a concept the first time it is asked for. */
export async function ensureList(tx: Transaction, meeting: MeetingRow): Promise<DecisionList> {
	if (meeting.status !== 'gehouden')
		throw new StateError('Een besluitenlijst hoort bij een vergadering die is gehouden.');
	const existing = await listFor(tx, meeting.id);
	if (existing) return existing;
	const [made] = await tx.insert(decisionLists).values({ meetingId: meeting.id }).returning();
	return made!;
}

export async function save(tx: Transaction, list: DecisionList, changes: Partial<DecisionList>) {
	const [saved] = await tx
		.update(decisionLists)
		.set({ ...changes, version: list.version + 1, updatedAt: new Date() })
		.where(eq(decisionLists.id, list.id))
		.returning();
	return saved!;
}

export async function listInVerification(tx: Transaction, meeting: MeetingRow) {
	const list = await listFor(tx, meeting.id);
	if (!list || list.status !== 'ter_verificatie')
		throw new StateError('Deze besluitenlijst is niet ter verificatie.');
	return list;
}
