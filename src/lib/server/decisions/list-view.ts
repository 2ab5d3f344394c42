import { asc, eq } from 'drizzle-orm';
import { useDb, type Executor } from '../db';
import {
	decisionCorrections,
	decisionLists,
	decisionListVerifications,
	parties,
	people,
	type DecisionCorrection,
	type DecisionList
} from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { findMeeting } from '../meetings/queries';
import { publishableItems } from './publish';
import { listFingerprint, workingDecisions } from './list-store';
import type {
	LiveCorrection,
	LiveDecisionList,
	LiveListState,
	LiveVerification
} from '../../realtime/decision-payloads';
import type { DecisionView } from './store';

/* The besluitenlijst as the table reads it: its state, each party's word and the corrections. */

/** The besluitenlijst as its page shows it, the shape its live events keep current. */
export type DecisionListView = LiveDecisionList;

type Verification = LiveVerification['state'];

/** The items of the list with their confidentiality: what the publish form offers. */
export async function publicationChoices(actor: Actor, meetingId: string) {
	requireAccess(actor, 'decision_list.manage');
	return publishableItems(await useDb(), meetingId);
}

export async function verificationStates(
	db: Executor,
	list: DecisionList
): Promise<LiveVerification[]> {
	const rows = await db
		.select({ verification: decisionListVerifications, name: people.name })
		.from(decisionListVerifications)
		.innerJoin(people, eq(people.id, decisionListVerifications.decidedBy))
		.where(eq(decisionListVerifications.listId, list.id));
	const working = await workingDecisions(db, list.meetingId);
	const current = listFingerprint(working);
	return parties.map((party) => {
		const row = rows.find((r) => r.verification.party === party);
		if (!row)
			return {
				party,
				state: 'open' as Verification,
				decidedAt: null,
				decidedByName: null,
				changedSince: [] as number[]
			};
		const v = row.verification;
		const stale = v.resetAt !== null || v.fingerprint !== current;
		const state: Verification =
			v.decision === 'correcties' ? 'correcties' : stale ? 'opnieuw_beoordelen' : 'akkoord';
		return {
			party,
			state,
			decidedAt: v.decidedAt.toISOString(),
			decidedByName: row.name,
			// What changed since the party's word: the numbers of the decisions that differ.
			changedSince: stale ? changedDecisions(v.snapshot as DecisionView[], working) : []
		};
	});
}

/** The list's own state as the page shows it. */
export function listState(list: DecisionList): LiveListState {
	return {
		status: list.status,
		verificationClosesAt: list.verificationClosesAt?.toISOString() ?? null,
		adoptedAt: list.adoptedAt?.toISOString() ?? null,
		noResponseParties: list.noResponseParties,
		publishedVersion: list.publishedVersion
	};
}

/**
 * What every event of the list carries: its state and the parties' word after the change, read
 * once per event for its one audience (the meeting's participants).
 */
export async function listShown(db: Executor, list: DecisionList) {
	return { list: listState(list), verifications: await verificationStates(db, list) };
}

/**
 * The parties' word after a change to one of the meeting's decisions, for its event; undefined
 * while nobody has spoken on the list (nothing it holds for can have changed).
 */
export async function wordsAfterChange(db: Executor, meetingId: string) {
	const [list] = await db
		.select()
		.from(decisionLists)
		.where(eq(decisionLists.meetingId, meetingId));
	if (!list) return undefined;
	const words = await verificationStates(db, list);
	return words.some((word) => word.decidedAt !== null) ? words : undefined;
}

export function correctionView(row: DecisionCorrection): LiveCorrection {
	return {
		id: row.id,
		decisionId: row.decisionId,
		party: row.party,
		proposal: row.proposal,
		reason: row.reason,
		status: row.status,
		proposedAt: row.proposedAt.toISOString(),
		answerReason: row.answerReason
	};
}

/** The agenda numbers of the decisions that differ between what a party saw and what is now. */
export function changedDecisions(before: DecisionView[], now: DecisionView[]): number[] {
	const key = (d: DecisionView) => listFingerprint([d]);
	const seen = new Map(before.map((d) => [d.id, key(d)]));
	const changed = now.filter((d) => seen.get(d.id) !== key(d)).map((d) => d.agendaNumber);
	const gone = before.filter((d) => !now.some((n) => n.id === d.id)).map((d) => d.agendaNumber);
	return [...new Set([...changed, ...gone])].sort((a, b) => a - b);
}

/** The besluitenlijst of a meeting as the table sees it (null before the meeting was held). */
export async function getDecisionList(
	actor: Actor,
	meetingId: string
): Promise<DecisionListView | null> {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	const meeting = await findMeeting(db, meetingId);
	const [list] = await db
		.select()
		.from(decisionLists)
		.where(eq(decisionLists.meetingId, meeting.id));
	const decisionsNow = await workingDecisions(db, meeting.id);
	if (!list)
		return meeting.status === 'gehouden'
			? {
					meetingId: meeting.id,
					status: 'concept',
					verificationClosesAt: null,
					adoptedAt: null,
					noResponseParties: [],
					publishedVersion: 0,
					verifications: parties.map((party) => ({
						party,
						state: 'open',
						decidedAt: null,
						decidedByName: null,
						changedSince: []
					})),
					corrections: [],
					decisions: decisionsNow
				}
			: null;
	const corrections = await db
		.select()
		.from(decisionCorrections)
		.where(eq(decisionCorrections.listId, list.id))
		.orderBy(asc(decisionCorrections.proposedAt));
	return {
		meetingId: meeting.id,
		...listState(list),
		verifications: await verificationStates(db, list),
		corrections: corrections.map(correctionView),
		decisions: decisionsNow
	};
}
