import type { Actor } from '../access';
import { meetingAgendaFor } from '../agenda/meeting-cache';

/**
 * The meeting's agenda for the API: the same answer as the meeting page's, read once per audience
 * and version (agenda/meeting-cache.ts), each party's approval flattened into one row. What leaves is decided
 * by the Agenda projection, not here.
 */
export async function agendaJson(actor: Actor, meetingId: string) {
	const { meeting, agenda, otherItems, approvals, timing } = await meetingAgendaFor(
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
