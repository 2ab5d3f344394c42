import { asc, eq } from 'drizzle-orm';
import { useDb, type Executor } from '../db';
import {
	decisionCorrections,
	decisionLists,
	decisionListVerifications,
	parties,
	people,
	type DecisionList,
	type Party
} from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { findMeeting } from '../meetings/queries';
import { publishableItems } from './publish';
import { listFingerprint, workingDecisions } from './list-store';
import type { DecisionView } from './store';

/* The besluitenlijst as the table reads it: its state, each party's word and the corrections. */

type Verification = 'akkoord' | 'correcties' | 'opnieuw_beoordelen' | 'open';

export interface DecisionListView {
	meetingId: string;
	status: DecisionList['status'];
	verificationClosesAt: string | null;
	adoptedAt: string | null;
	noResponseParties: Party[];
	publishedVersion: number;
	verifications: {
		party: Party;
		state: Verification;
		decidedAt: string | null;
		decidedByName: string | null;
		changedSince: number[];
	}[];
	corrections: {
		id: string;
		decisionId: string;
		party: Party;
		proposal: string;
		reason: string;
		status: 'voorgesteld' | 'overgenomen' | 'afgewezen';
		proposedAt: string;
		answerReason: string | null;
	}[];
	decisions: DecisionView[];
}

/** The items of the list with their confidentiality: what the publish form offers. */
export async function publicationChoices(actor: Actor, meetingId: string) {
	requireAccess(actor, 'decision_list.manage');
	return publishableItems(await useDb(), meetingId);
}

export async function verificationStates(db: Executor, list: DecisionList) {
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
		status: list.status,
		verificationClosesAt: list.verificationClosesAt?.toISOString() ?? null,
		adoptedAt: list.adoptedAt?.toISOString() ?? null,
		noResponseParties: list.noResponseParties,
		publishedVersion: list.publishedVersion,
		verifications: await verificationStates(db, list),
		corrections: corrections.map((c) => ({
			id: c.id,
			decisionId: c.decisionId,
			party: c.party,
			proposal: c.proposal,
			reason: c.reason,
			status: c.status,
			proposedAt: c.proposedAt.toISOString(),
			answerReason: c.answerReason
		})),
		decisions: decisionsNow
	};
}
