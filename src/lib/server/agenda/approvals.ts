import { audiences } from '../audience';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction, useDb } from '../db';
import {
	agendaApprovals,
	parties,
	type AgendaApproval,
	type MeetingStatus,
	type Party
} from '../db/schema';
import { appendEvents } from '../events';
import { AccessError, decideAccess, requireAccess, type Actor } from '../access';
import { InvalidInputError, StateError } from '../kernel/errors';
import type { RequestContext } from '../identity/context';
import { moveMeeting } from '../meetings';
import { findMeeting } from '../meetings/queries';
import { agendaSnapshot, compareAgenda, fingerprintOf, type AgendaChange } from './fingerprint';
import { partyLabels } from './co-sponsors';
import { parseInput, reasonSchema } from '../kernel/input';
import { approvalSchema } from './schemas';
import type { EventPayload } from '../../realtime/event-payloads';
import type { AgendaSnapshotItem } from '../db/schema';
import { liveDelegationFor } from '../delegation';

/**
 * A bestuurder records the party's akkoord or bezwaar (with a reason) on the agenda as a whole,
 * optionally with a position per item. It holds for the agenda as it is now: a later change resets
 * an akkoord. A medewerker may do this only while a bestuurder of the organisation delegated it;
 * the log then names that bestuurder.
 */
export async function recordApproval(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'meeting.read');
	const delegation = speaksByDelegation(actor)
		? await liveDelegationFor(await useDb(), actor)
		: null;
	const verdict = approvalVerdict(actor, delegation !== null);
	if (verdict !== 'ok') throw new AccessError(verdict === 'hidden' ? 404 : 403);
	const delegatedBy = delegation?.delegatorId ?? null;
	const party = actor.party!;
	const { decision, reason, itemPositions } = parseInput(approvalSchema, input);
	if (decision === 'bezwaar' && !reason)
		throw new InvalidInputError({ reason: 'Geef de reden van het bezwaar.' });
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const snapshot = await agendaSnapshot(tx, meeting.id);
		const refusal = approvalRefusal(meeting, snapshot.length);
		if (refusal) throw new StateError(refusal);
		const placed = new Set(snapshot.map((item) => item.id));
		const positions = Object.fromEntries(
			Object.entries(itemPositions).filter(([, text]) => text.length > 0)
		);
		if (Object.keys(positions).some((id) => !placed.has(id)))
			throw new InvalidInputError({
				itemPositions: 'Geef alleen een standpunt over punten die op deze agenda staan.'
			});
		const values = {
			decision,
			reason,
			itemPositions: positions,
			decidedBy: actor.personId,
			decidedAt: new Date(),
			agendaFingerprint: fingerprintOf(snapshot),
			agendaSnapshot: snapshot,
			resetAt: null
		};
		const [row] = await tx
			.insert(agendaApprovals)
			.values({ meetingId: meeting.id, party, ...values })
			.onConflictDoUpdate({
				target: [agendaApprovals.meetingId, agendaApprovals.party],
				set: values
			})
			.returning();
		await appendEvents(tx, { actor, requestId: context.requestId }, [
			{
				type: 'agenda.approval_recorded.v1',
				subjectType: 'meeting',
				subjectId: meeting.id,
				meetingId: meeting.id,
				audience: audiences.meeting(meeting.id),
				payload: {
					party,
					decision,
					reason,
					fingerprint: values.agendaFingerprint,
					...(delegatedBy ? { delegatedBy } : {}),
					// The party's word as the meeting page holds it: followers apply it in place.
					approval: {
						party,
						decision,
						reason,
						itemPositions: positions,
						decidedAt: values.decidedAt.toISOString(),
						decidedByName: actor.name,
						resetAt: null,
						agendaSnapshot: snapshot
					}
				} satisfies EventPayload<'agenda.approval_recorded.v1'>
			}
		]);
		return row!;
	});
}

/** A medewerker speaks for the party only through a bestuurder's live delegation. */
export const speaksByDelegation = (actor: Actor) => actor.role === 'medewerker' && !!actor.party;

/** Whether the actor may record the party's word: the rule of recordApproval, for pages too. */
export function approvalVerdict(actor: Actor, delegated: boolean) {
	return speaksByDelegation(actor)
		? decideAccess(actor, 'agenda.approve_delegated', { party: actor.party!, delegated })
		: // Without a party (the secretariat) the gate refuses: the subject never matches.
			decideAccess(actor, 'agenda.approve', { party: actor.party ?? 'rijk' });
}

/** Akkoord or bezwaar is given on an agenda in afstemming that has items. */
export function approvalRefusal(meeting: { status: MeetingStatus }, placedItems: number) {
	if (meeting.status !== 'agenda_in_afstemming')
		return 'Akkoord of bezwaar kan alleen op een agenda die in afstemming is.';
	if (placedItems === 0) return 'Er staan nog geen punten op deze agenda.';
	return null;
}

/** The agenda is adopted only with every party's akkoord on it as it is now. */
export function adoptionRefusal(overview: { party: Party; state: PartyApprovalState }[]) {
	const missing = overview.filter((row) => row.state !== 'akkoord');
	return missing.length
		? `Nog geen akkoord van ${missing.map((row) => partyLabels[row.party]).join(', ')}.`
		: null;
}

export type PartyApprovalState = 'akkoord' | 'bezwaar' | 'opnieuw_beoordelen' | 'open';

export interface PartyApproval {
	party: Party;
	state: PartyApprovalState;
	approval: AgendaApproval | null;
	/** What changed since the party decided (empty while the decision still matches). */
	changes: AgendaChange[];
}

/** Each party's word on the agenda as it is now, and what changed since they gave it. */
export function approvalOverview(
	approvals: AgendaApproval[],
	current: AgendaSnapshotItem[]
): PartyApproval[] {
	const fingerprint = fingerprintOf(current);
	return parties.map((party) => {
		const approval = approvals.find((row) => row.party === party) ?? null;
		if (!approval) return { party, state: 'open', approval, changes: [] };
		const changes =
			approval.agendaFingerprint === fingerprint
				? []
				: compareAgenda(approval.agendaSnapshot, current);
		const stale = approval.resetAt !== null || approval.agendaFingerprint !== fingerprint;
		const state: PartyApprovalState =
			approval.decision === 'bezwaar' ? 'bezwaar' : stale ? 'opnieuw_beoordelen' : 'akkoord';
		return { party, state, approval, changes };
	});
}

/** When all four parties agreed to the agenda as it is, the secretariaat adopts it: frozen. */
export async function adoptAgenda(actor: Actor, meetingId: string, context: RequestContext = {}) {
	requireAccess(actor, 'agenda.adopt');
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const approvals = await tx
			.select()
			.from(agendaApprovals)
			.where(
				and(eq(agendaApprovals.meetingId, meeting.id), inArray(agendaApprovals.party, [...parties]))
			);
		if (meeting.status === 'agenda_in_afstemming') {
			const overview = approvalOverview(approvals, await agendaSnapshot(tx, meeting.id));
			const refusal = adoptionRefusal(overview);
			if (refusal) throw new StateError(refusal);
		}
		return moveMeeting(
			tx,
			actor,
			meeting.id,
			'adopt',
			'agenda_vastgesteld',
			'agenda.adopted.v1',
			context
		);
	});
}

/** Reopens an adopted agenda: an explicit act with a reason, in the log. */
export async function reopenAgenda(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'agenda.adopt');
	const { reason } = parseInput(reasonSchema, input);
	return transaction((tx) =>
		moveMeeting(
			tx,
			actor,
			meetingId,
			'reopen',
			'agenda_in_afstemming',
			'agenda.reopened.v1',
			context,
			{ reason }
		)
	);
}
