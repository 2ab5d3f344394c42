import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { commitments, decisions, meetings, type Commitment, type Decision } from '../db/schema';
import type { LiveDecision } from '../../realtime/decision-payloads';
import type { CommitmentInput } from './schemas';

/** A decision with its commitments, as every page, the API and the live event show it. */
export type DecisionView = LiveDecision;

export async function decisionViews(db: Executor, rows: Decision[]): Promise<DecisionView[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((row) => row.id);
	const promised = await db
		.select()
		.from(commitments)
		.where(inArray(commitments.decisionId, ids))
		.orderBy(asc(commitments.decisionId), asc(commitments.position));
	const targets = [
		...new Set(rows.map((row) => row.carriedOverToMeetingId).filter((id): id is string => !!id))
	];
	const titles = new Map(
		targets.length
			? (
					await db
						.select({ id: meetings.id, title: meetings.title })
						.from(meetings)
						.where(inArray(meetings.id, targets))
				).map((meeting) => [meeting.id, meeting.title])
			: []
	);
	return rows.map((row) =>
		viewOf(
			row,
			promised.filter((c) => c.decisionId === row.id),
			titles
		)
	);
}

function viewOf(row: Decision, promised: Commitment[], titles: Map<string, string>): DecisionView {
	return {
		id: row.id,
		meetingId: row.meetingId,
		itemId: row.itemId,
		agendaNumber: row.agendaNumber,
		itemTitle: row.itemTitle,
		outcome: row.outcome,
		dicta: row.dicta,
		explanation: row.explanation,
		hamerstuk: row.hamerstuk,
		dealtOrder: row.dealtOrder,
		commitments: promised.map((c) => ({
			id: c.id,
			party: c.party,
			holder: c.holder,
			description: c.description,
			dueDate: c.dueDate
		})),
		carriedOver: row.carriedOverAt
			? {
					at: row.carriedOverAt.toISOString(),
					toMeetingId: row.carriedOverToMeetingId,
					toMeetingTitle: row.carriedOverToMeetingId
						? (titles.get(row.carriedOverToMeetingId) ?? null)
						: null,
					reason: row.carryOverReason ?? ''
				}
			: null,
		recordedAt: row.recordedAt.toISOString(),
		version: row.version
	};
}

export async function decisionView(db: Executor, row: Decision): Promise<DecisionView> {
	return (await decisionViews(db, [row]))[0]!;
}

export async function findDecision(
	tx: Transaction,
	meetingId: string,
	itemId: string
): Promise<Decision | undefined> {
	const [row] = await tx
		.select()
		.from(decisions)
		.where(and(eq(decisions.meetingId, meetingId), eq(decisions.itemId, itemId)))
		.for('update');
	return row;
}

/** The next place in the order in which items were dealt with. */
export async function nextDealtOrder(tx: Transaction, meetingId: string): Promise<number> {
	const [row] = await tx
		.select({ last: max(decisions.dealtOrder) })
		.from(decisions)
		.where(eq(decisions.meetingId, meetingId));
	return (row?.last ?? 0) + 1;
}

/**
 * The decision's commitments become exactly the given ones, in order. One that comes back with its
 * id keeps it (the agreements register may refer to it); an id of another decision's is refused.
 */
export async function writeCommitments(
	tx: Transaction,
	decisionId: string,
	given: CommitmentInput[]
): Promise<'ok' | 'unknown-id'> {
	const existing = await tx
		.select({ id: commitments.id })
		.from(commitments)
		.where(eq(commitments.decisionId, decisionId));
	const known = new Set(existing.map((row) => row.id));
	if (given.some((c) => c.id && !known.has(c.id))) return 'unknown-id';
	const kept = new Set(given.map((c) => c.id).filter((id): id is string => !!id));
	const gone = [...known].filter((id) => !kept.has(id));
	if (gone.length) await tx.delete(commitments).where(inArray(commitments.id, gone));
	for (const [position, c] of given.entries()) {
		const values = {
			position,
			party: c.party,
			holder: c.holder,
			description: c.description,
			dueDate: c.dueDate
		};
		if (c.id) await tx.update(commitments).set(values).where(eq(commitments.id, c.id));
		else await tx.insert(commitments).values({ decisionId, ...values });
	}
	return 'ok';
}
