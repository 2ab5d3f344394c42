import type { Actor } from '../access';
import { getMeetingWithAgenda } from '../agenda';
import type { AgendaApproval } from '../db/schema';

/** An approval without the agenda snapshot it was given on (internal: what resets it). */
export function approvalJson(row: AgendaApproval) {
	const { agendaSnapshot: _snapshot, agendaFingerprint: _fingerprint, ...rest } = row;
	return rest;
}

/**
 * The meeting's agenda for the API: the same fixed handful of queries as the meeting page
 * (getMeetingWithAgenda), shaped lean: no snapshots, no page-only texts.
 */
export async function agendaJson(actor: Actor, meetingId: string) {
	const { meeting, agenda, otherItems, approvals, timing } = await getMeetingWithAgenda(
		actor,
		meetingId
	);
	return {
		meeting,
		items: agenda,
		otherItems,
		timing,
		approvals: approvals.map((row) => ({
			party: row.party,
			state: row.state,
			decision: row.approval?.decision ?? null,
			reason: row.approval?.reason ?? null,
			decidedAt: row.approval?.decidedAt ?? null,
			decidedByName: row.decidedByName,
			itemPositions: row.approval?.itemPositions ?? {},
			changes: row.changes
		}))
	};
}
