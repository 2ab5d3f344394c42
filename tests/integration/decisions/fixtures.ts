import { eq } from 'drizzle-orm';
import { adoptAgenda, recordApproval } from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { meetings } from '../../../src/lib/server/db/schema';
import { recordDecision } from '../../../src/lib/server/decisions';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import { openMeetingFor, placedItem, type Team } from '../agenda/fixtures';

export const bestuurders = (team: Team) => [
	team.rijkBestuurder,
	team.vngBestuurder,
	team.ipoBestuurder,
	team.uvwBestuurder
];

/** Moves a meeting in time without a verb (a set-up: "it began an hour ago"). */
export async function startsIn(meetingId: string, ms: number) {
	const db = await useDb();
	const startsAt = new Date(Date.now() + ms);
	await db
		.update(meetings)
		.set({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) })
		.where(eq(meetings.id, meetingId));
}

/** An adopted agenda of three items (VNG's, BZK's, IPO's); `begun` moves it to an hour ago. */
export async function adoptedMeeting(team: Team, options: { begun?: boolean } = {}) {
	const meeting = await openMeetingFor(team);
	const first = await placedItem(team, team.vngMedewerker, meeting.id, 30);
	const second = await placedItem(team, team.bzkMedewerker, meeting.id, 45);
	const third = await placedItem(team, team.ipoMedewerker, meeting.id, 20);
	await startAgendaAlignment(team.secretariaat, meeting.id);
	for (const actor of bestuurders(team))
		await recordApproval(actor, meeting.id, { decision: 'akkoord' });
	const adopted = await adoptAgenda(team.secretariaat, meeting.id);
	if (options.begun ?? true) await startsIn(meeting.id, -3_600_000);
	return { meeting: adopted, items: [first, second, third] };
}

/** Every item of the meeting "ter kennisgeving aangenomen": what closing a meeting needs. */
export async function decideAll(team: Team, itemIds: string[]) {
	for (const itemId of itemIds)
		await recordDecision(team.secretariaat, itemId, { outcome: 'ter_kennisgeving_aangenomen' });
}
