import { and, asc, eq, gt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deferItem, placeItem, withdrawItem } from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { agendaItems, events } from '../../../src/lib/server/db/schema';
import { lastEventId } from '../../../src/lib/server/realtime/rooms';
import { createTeam, openMeetingFor, placedItem, submitted, type Team } from './fixtures';

/*
 * Items whose number changes because another item came or went get the new number in an event
 * (agenda.reordered.v1), so that the pages that follow the meeting apply every item's place; and
 * a new number is not a change to the item ("last changed" stays).
 */
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function reorderedSince(since: number, meetingId: string) {
	const db = await useDb();
	return db
		.select({ payload: events.payload })
		.from(events)
		.where(
			and(
				gt(events.id, since),
				eq(events.type, 'agenda.reordered.v1'),
				eq(events.meetingId, meetingId)
			)
		)
		.orderBy(asc(events.id));
}

async function placesOf(meetingId: string) {
	const db = await useDb();
	const rows = await db
		.select({
			id: agendaItems.id,
			position: agendaItems.position,
			updatedAt: agendaItems.updatedAt
		})
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId));
	return new Map(rows.map((row) => [row.id, row]));
}

describe('renumbering the agenda', () => {
	it('placing an item before others sends their new places, without touching them', async () => {
		const meeting = await openMeetingFor(team);
		const first = await placedItem(team, team.ipoMedewerker, meeting.id);
		const second = await placedItem(team, team.uvwMedewerker, meeting.id);
		const before = await placesOf(meeting.id);
		const since = await lastEventId(await useDb());
		const newcomer = await submitted(team.vngMedewerker, meeting.id);
		await placeItem(team.secretariaat, newcomer.id, { minutes: 15, position: 1 });
		const [event] = await reorderedSince(since, meeting.id);
		const expected = { [newcomer.id]: 1, [first.id]: 2, [second.id]: 3 };
		expect((event?.payload as { positions: unknown }).positions).toEqual(expected);
		const after = await placesOf(meeting.id);
		expect(after.get(first.id)?.position).toBe(2);
		expect(after.get(first.id)?.updatedAt).toEqual(before.get(first.id)?.updatedAt);
	});

	it('an item leaving closes the gap and says so; nothing to close, no event', async () => {
		const meeting = await openMeetingFor(team);
		const a = await placedItem(team, team.ipoMedewerker, meeting.id);
		const b = await placedItem(team, team.uvwMedewerker, meeting.id);
		const c = await placedItem(team, team.vngMedewerker, meeting.id);
		let since = await lastEventId(await useDb());
		await deferItem(team.secretariaat, a.id, { reason: 'Volgende keer.', toMeetingId: null });
		const [closed] = await reorderedSince(since, meeting.id);
		expect((closed?.payload as { positions: unknown }).positions).toEqual({
			[b.id]: 1,
			[c.id]: 2
		});
		// The last one leaves: the others keep their numbers, and no reorder is announced.
		since = await lastEventId(await useDb());
		await withdrawItem(team.vngMedewerker, c.id);
		expect(await reorderedSince(since, meeting.id)).toEqual([]);
	});
});
