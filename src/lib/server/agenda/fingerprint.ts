import { audiences } from '../audience';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { agendaApprovals, agendaItems, meetings, type AgendaSnapshotItem } from '../db/schema';
import { compareAgenda, type AgendaChange } from '../../agenda/compare';
import { agendaAdopted, onAgendaStatuses } from '../../agenda/meeting-view';

export { compareAgenda, type AgendaChange };
import { fingerprint, resetStaleConsents } from '../consent';
import type { Actor } from '../access';
import type { EventPayload } from '../../realtime/event-payloads';

/**
 * The agenda as the parties agree to it: the items on it (placed, or already dealt with) in order,
 * with their minutes and the version of their content. An akkoord holds for exactly this; any
 * difference resets it while the agenda is in afstemming.
 */
export async function agendaSnapshot(
	db: Executor,
	meetingId: string
): Promise<AgendaSnapshotItem[]> {
	return db
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			purpose: agendaItems.purpose,
			position: agendaItems.position,
			minutes: agendaItems.minutes,
			version: agendaItems.version
		})
		.from(agendaItems)
		.where(
			and(eq(agendaItems.meetingId, meetingId), inArray(agendaItems.status, [...onAgendaStatuses]))
		)
		.orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

export function fingerprintOf(snapshot: AgendaSnapshotItem[]): string {
	return fingerprint(
		snapshot.map((item) => [
			item.id,
			item.title,
			item.purpose,
			item.position,
			item.minutes,
			item.version
		])
	);
}

/**
 * Called by every verb that may change a meeting's agenda: each party whose akkoord no longer
 * matches the agenda must look again. A change that changes nothing (the same order) resets nothing,
 * and neither does one to an adopted agenda: the word on it is final (agendaAdopted).
 */
export async function resetApprovalsIfChanged(
	tx: Transaction,
	actor: Actor,
	meetingId: string | null
): Promise<string[]> {
	if (!meetingId) return [];
	const [meeting] = await tx
		.select({ status: meetings.status })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!meeting || agendaAdopted(meeting.status)) return [];
	const approvals = await tx
		.select({
			id: agendaApprovals.id,
			party: agendaApprovals.party,
			fingerprint: agendaApprovals.agendaFingerprint
		})
		.from(agendaApprovals)
		.where(
			and(
				eq(agendaApprovals.meetingId, meetingId),
				eq(agendaApprovals.decision, 'akkoord'),
				isNull(agendaApprovals.resetAt)
			)
		);
	if (approvals.length === 0) return [];
	return resetStaleConsents(tx, actor, {
		standing: approvals,
		current: fingerprintOf(await agendaSnapshot(tx, meetingId)),
		reset: async (stale, at) => {
			await tx
				.update(agendaApprovals)
				.set({ resetAt: at })
				.where(
					inArray(
						agendaApprovals.id,
						stale.map((approval) => approval.id)
					)
				);
		},
		event: (approval, at) => ({
			type: 'agenda.approval_reset.v1' as const,
			subjectType: 'meeting',
			subjectId: meetingId,
			meetingId,
			audience: audiences.meeting(meetingId),
			payload: {
				party: approval.party,
				resetAt: at.toISOString()
			} satisfies EventPayload<'agenda.approval_reset.v1'>
		})
	});
}
