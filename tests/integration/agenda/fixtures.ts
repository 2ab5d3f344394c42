import { eq } from 'drizzle-orm';
import type { Actor } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { agendaItems, type AgendaItem } from '../../../src/lib/server/db/schema';
import { openForProposals } from '../../../src/lib/server/meetings';
import { draftItem, placeItem, submitItem } from '../../../src/lib/server/agenda';
import { planned, type Team } from '../meetings/fixtures';

export {
	createTeam,
	forceMeetingStatus,
	planned,
	rejection,
	type Team
} from '../meetings/fixtures';

export function itemInput(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Jeugdzorg en de opschalingskorting op het Gemeentefonds',
		summary: 'De gemeenten vragen structurele middelen voor de jeugdzorg.\nDe tekorten lopen op.',
		purpose: 'bespreking',
		contactPerson: 'Fatima El Amrani',
		...overrides
	};
}

/** A meeting open for proposals, its deadline still ahead. */
export async function openMeetingFor(team: Team, daysAhead = 30, overrides = {}) {
	const meeting = await planned(team.secretariaat, overrides, daysAhead);
	return openForProposals(team.secretariaat, meeting.id);
}

export async function submitted(actor: Actor, meetingId: string | null, overrides = {}) {
	const item = await draftItem(actor, itemInput({ meetingId, ...overrides }));
	return submitItem(actor, item.id);
}

export async function placedItem(team: Team, actor: Actor, meetingId: string, minutes = 20) {
	const item = await submitted(actor, meetingId);
	return placeItem(team.secretariaat, item.id, { minutes });
}

/** Puts an item straight into a state (the set-up of a transition test). */
export async function forceItem(itemId: string, changes: Partial<AgendaItem>) {
	const db = await useDb();
	await db.update(agendaItems).set(changes).where(eq(agendaItems.id, itemId));
}
