import { eq } from 'drizzle-orm';
import type { Actor } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { agreements, commitments, decisions, events } from '../../../src/lib/server/db/schema';
import { createAgreement } from '../../../src/lib/server/agreements';
import { amsterdamToday } from '../../../src/lib/server/agreements/status';
import { addDays } from '../../../src/lib/server/notifications/agreement-schedule';
import { planned, type Team } from '../agenda/fixtures';
import { heldMeetingWith, publishedListWith } from '../publications/fixtures';

export { createTeam, rejection, type Team } from '../agenda/fixtures';

/** A responsible party as the verbs take it: the actor's party, the actor as its contact. */
export const ownerOf = (actor: Actor, organisation = false) => ({
	party: actor.party!,
	organisationId: organisation ? actor.organisationId : null,
	contactPersonId: actor.personId
});

let counter = 0;
/** The day `days` from today, in Amsterdam (as the app counts days), not in UTC. */
const inDays = (days: number) => addDays(amsterdamToday(new Date()), days);
export { inDays };

/** A free agreement of a planned meeting, VNG responsible unless other owners are given. */
export async function freeAgreement(
	team: Team,
	overrides: Record<string, unknown> = {},
	owners: Actor[] = [team.vngMedewerker]
) {
	const meeting = await planned(team.secretariaat, {}, -10 - counter++);
	return createAgreement(team.secretariaat, {
		meetingId: meeting.id,
		title: `Afspraak over de opschalingskorting ${counter}`,
		body: 'Het BOFv werkt de verdeling uit.',
		deadline: inDays(40),
		owners: owners.map((actor) => ownerOf(actor)),
		...overrides
	});
}

/** A published besluitenlijst: one openbaar decision (with a toezegging) and one vertrouwelijk. */
export async function publishedDecisions(team: Team, word = `jeugdzorg${Date.now()}`) {
	const published = await publishedListWith(team, [
		{ word, by: team.vngMedewerker },
		{ word: `${word}geheim`, by: team.ipoMedewerker, confidential: true }
	]);
	return { ...published, ...(await decisionsOf(published.meeting.id)) };
}

/** A held meeting whose list is only in verification: its decisions are not published. */
export async function unpublishedDecisions(team: Team, word = `bfu${Date.now()}`) {
	const held = await heldMeetingWith(team, [{ word, by: team.bzkMedewerker }]);
	return { ...held, ...(await decisionsOf(held.meeting.id)) };
}

async function decisionsOf(meetingId: string) {
	const db = await useDb();
	const rows = await db
		.select()
		.from(decisions)
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(decisions.dealtOrder);
	const promised = await db
		.select()
		.from(commitments)
		.innerJoin(decisions, eq(decisions.id, commitments.decisionId))
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(decisions.dealtOrder);
	return { decisions: rows, commitments: promised.map((row) => row.commitment) };
}

/** The events of one agreement, oldest first. */
export async function eventsOf(agreementId: string) {
	const db = await useDb();
	return db.select().from(events).where(eq(events.subjectId, agreementId)).orderBy(events.id);
}

/** Puts an agreement straight into a state (the set-up of a test). */
export async function forceAgreement(id: string, changes: Partial<typeof agreements.$inferInsert>) {
	const db = await useDb();
	await db.update(agreements).set(changes).where(eq(agreements.id, id));
}
