import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { getItem } from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import {
	agendaItems,
	commitments,
	decisions,
	events,
	meetings
} from '../../../src/lib/server/db/schema';
import {
	carryOver,
	meetingDecisions,
	openSession,
	recordDecision,
	setCurrentItem
} from '../../../src/lib/server/decisions';
import {
	InvalidInputError,
	StaleVersionError,
	StateError
} from '../../../src/lib/server/kernel/errors';
import { markHeld } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, rejection, type Team } from '../agenda/fixtures';
import { adoptedMeeting, decideAll, startsIn } from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function eventsOf(meetingId: string, type: string) {
	const db = await useDb();
	return db
		.select()
		.from(events)
		.where(and(eq(events.meetingId, meetingId), eq(events.type, type)));
}

const aangenomen = {
	outcome: 'aangenomen',
	dicta: ['de notitie vast te stellen;', 'haar toe te zenden aan de Tweede Kamer.'],
	explanation: 'Met dank aan het ambtelijk voorportaal.',
	hamerstuk: true,
	commitments: [
		{
			party: 'rijk',
			holder: 'De minister van BZK',
			description: 'Stuurt voor 1 april een brief over de uitvoering.',
			dueDate: '2027-04-01'
		}
	]
};

describe('meeting mode (openSession, setCurrentItem)', () => {
	it('allowed: the secretariaat opens it on the day, and the first item is current for everyone', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const opened = await openSession(team.secretariaat, meeting.id);
		expect(opened.sessionOpenedAt).toBeInstanceOf(Date);
		expect(opened.currentItemId).toBe(items[0]!.id);
		const [event] = await eventsOf(meeting.id, 'meeting.session_opened.v1');
		expect(event!.audience).toEqual(['table']);
		expect(event!.payload).toMatchObject({ currentItemId: items[0]!.id });

		const moved = await setCurrentItem(team.secretariaat, meeting.id, { itemId: items[2]!.id });
		expect(moved.currentItemId).toBe(items[2]!.id);
		expect(moved.version).toBe(opened.version); // not a change to the meeting's details
		expect(await eventsOf(meeting.id, 'meeting.current_item_changed.v1')).toHaveLength(1);
	});

	it('denied: a bestuurder or medewerker may not; before adoption, on another day or twice it is refused', async () => {
		const { meeting } = await adoptedMeeting(team);
		for (const actor of [team.vngBestuurder, team.ipoMedewerker]) {
			const caught = await rejection(openSession(actor, meeting.id));
			expect(caught).toBeInstanceOf(AccessError);
			expect((caught as AccessError).status).toBe(403);
		}
		await openSession(team.secretariaat, meeting.id);
		expect(String(await rejection(openSession(team.secretariaat, meeting.id)))).toMatch(
			/al geopend/
		);
		const caught = await rejection(
			setCurrentItem(team.vngBestuurder, meeting.id, { itemId: null })
		);
		expect((caught as AccessError).status).toBe(403);

		const notAdopted = await openMeetingFor(team);
		expect(await rejection(openSession(team.secretariaat, notAdopted.id))).toBeInstanceOf(
			StateError
		);
		const later = await adoptedMeeting(team, { begun: false });
		await startsIn(later.meeting.id, 3 * 86_400_000);
		expect(String(await rejection(openSession(team.secretariaat, later.meeting.id)))).toMatch(
			/op de dag van de vergadering/
		);
	});

	it('refuses an item that is not on this agenda, and changes nothing', async () => {
		const { meeting } = await adoptedMeeting(team);
		const other = await adoptedMeeting(team);
		const opened = await openSession(team.secretariaat, meeting.id);
		const caught = await rejection(
			setCurrentItem(team.secretariaat, meeting.id, { itemId: other.items[0]!.id })
		);
		expect((caught as InvalidInputError).fields.itemId).toMatch(/agenda van deze vergadering/);
		const db = await useDb();
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row!.currentItemId).toBe(opened.currentItemId);
	});
});

describe('recordDecision', () => {
	it('allowed: the secretariaat records outcome, dicta, toelichting, hamerstuk and toezeggingen; every party sees it', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const recorded = await recordDecision(team.secretariaat, items[1]!.id, aangenomen);
		expect(recorded).toMatchObject({
			outcome: 'aangenomen',
			agendaNumber: 2,
			itemTitle: items[1]!.title,
			dicta: aangenomen.dicta,
			hamerstuk: true,
			dealtOrder: 1,
			carriedOver: null,
			version: 1
		});
		expect(recorded.commitments).toEqual([
			expect.objectContaining({
				party: 'rijk',
				holder: 'De minister van BZK',
				dueDate: '2027-04-01'
			})
		]);
		const [event] = await eventsOf(meeting.id, 'decision.recorded.v1');
		expect(event!.audience).toEqual(['table']);
		expect(event!.payload).toMatchObject({ itemId: items[1]!.id, decision: { id: recorded.id } });
		const seen = await meetingDecisions(team.uvwBestuurder, meeting.id);
		expect(seen.map((d) => d.id)).toEqual([recorded.id]);

		// A correction keeps the commitment's id when it comes back with it.
		const corrected = await recordDecision(team.secretariaat, items[1]!.id, {
			...aangenomen,
			outcome: 'aangenomen_met_wijziging',
			commitments: [
				{ ...aangenomen.commitments[0], id: recorded.commitments[0]!.id, dueDate: null }
			],
			version: 1
		});
		expect(corrected.version).toBe(2);
		expect(corrected.commitments[0]!.id).toBe(recorded.commitments[0]!.id);
		expect(corrected.commitments[0]!.dueDate).toBeNull();
		expect(corrected.dealtOrder).toBe(1);
	});

	it('denied: nobody but the secretariaat records a decision', async () => {
		const { items } = await adoptedMeeting(team);
		for (const actor of [team.vngBestuurder, team.vngMedewerker, team.beheerder]) {
			const caught = await rejection(recordDecision(actor, items[0]!.id, aangenomen));
			expect((caught as AccessError).status).toBe(403);
		}
		const db = await useDb();
		expect(await db.select().from(decisions).where(eq(decisions.itemId, items[0]!.id))).toEqual([]);
	});

	it('refuses bad input with a message at the field, and a stale version, changing nothing', async () => {
		const { items } = await adoptedMeeting(team);
		const noText = await rejection(
			recordDecision(team.secretariaat, items[0]!.id, { outcome: 'aangenomen', dicta: [] })
		);
		expect((noText as InvalidInputError).fields.dicta).toMatch(/genummerde punten/);
		const badDate = await rejection(
			recordDecision(team.secretariaat, items[0]!.id, {
				...aangenomen,
				commitments: [{ ...aangenomen.commitments[0], dueDate: '2027-02-30' }]
			})
		);
		expect(Object.keys((badDate as InvalidInputError).fields)[0]).toMatch(/^commitments/);
		const hamer = await rejection(
			recordDecision(team.secretariaat, items[0]!.id, {
				outcome: 'niet_behandeld',
				hamerstuk: true
			})
		);
		expect((hamer as InvalidInputError).fields.hamerstuk).toBeDefined();

		await recordDecision(team.secretariaat, items[0]!.id, aangenomen);
		await recordDecision(team.secretariaat, items[0]!.id, { ...aangenomen, version: 1 });
		const stale = await rejection(
			recordDecision(team.secretariaat, items[0]!.id, { ...aangenomen, dicta: ['x'], version: 1 })
		);
		expect(stale).toBeInstanceOf(StaleVersionError);
		const db = await useDb();
		const [row] = await db.select().from(decisions).where(eq(decisions.itemId, items[0]!.id));
		expect(row!.dicta).toEqual(aangenomen.dicta);
		expect(row!.version).toBe(2);
		const promised = await db.select().from(commitments).where(eq(commitments.decisionId, row!.id));
		expect(promised).toHaveLength(1);
	});

	it('refuses before the meeting began (without meeting mode) and for an item not on an agenda', async () => {
		const early = await adoptedMeeting(team, { begun: false });
		await startsIn(early.meeting.id, 3 * 86_400_000);
		expect(
			String(await rejection(recordDecision(team.secretariaat, early.items[0]!.id, aangenomen)))
		).toMatch(/nog niet begonnen/);
		const open = await openMeetingFor(team);
		const { submitted } = await import('../agenda/fixtures');
		const loose = await submitted(team.vngMedewerker, open.id);
		expect(await rejection(recordDecision(team.secretariaat, loose.id, aangenomen))).toBeInstanceOf(
			StateError
		);
	});
});

describe('carryOver and closing the meeting', () => {
	it('allowed: items not dealt with go to a later meeting or back to nog te agenderen, with the reason; their history shows it', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const later = await openMeetingFor(team, 60);
		await recordDecision(team.secretariaat, items[1]!.id, { outcome: 'aangehouden' });
		const [toLater] = await carryOver(team.secretariaat, meeting.id, {
			itemIds: [items[1]!.id],
			toMeetingId: later.id,
			reason: 'Geen tijd meer; eerst het advies van de Raad afwachten.'
		});
		expect(toLater).toMatchObject({
			outcome: 'aangehouden',
			agendaNumber: 2,
			carriedOver: { toMeetingId: later.id, toMeetingTitle: later.title }
		});
		const [back] = await carryOver(team.secretariaat, meeting.id, {
			itemIds: [items[2]!.id],
			toMeetingId: null,
			reason: 'Niet aan toegekomen.'
		});
		expect(back).toMatchObject({ outcome: 'niet_behandeld', carriedOver: { toMeetingId: null } });

		const moved = await getItem(team.ipoMedewerker, items[2]!.id);
		expect(moved).toMatchObject({ status: 'aangehouden', meetingId: null });
		const db = await useDb();
		const deferred = await db
			.select()
			.from(events)
			.where(and(eq(events.subjectId, items[1]!.id), eq(events.type, 'agenda_item.deferred.v1')));
		expect(deferred[0]!.payload).toMatchObject({
			fromMeetingId: meeting.id,
			toMeetingId: later.id
		});
		// Their lines stay in this meeting's list.
		const list = await meetingDecisions(team.rijkBestuurder, meeting.id);
		expect(list.map((d) => d.agendaNumber)).toEqual([2, 3]);
	});

	it('denied: only the secretariaat; a decided item is not carried over; an earlier meeting is refused', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		const input = { itemIds: [items[0]!.id], toMeetingId: null, reason: 'Geen tijd.' };
		const caught = await rejection(carryOver(team.vngBestuurder, meeting.id, input));
		expect((caught as AccessError).status).toBe(403);
		await recordDecision(team.secretariaat, items[0]!.id, aangenomen);
		const decided = await rejection(carryOver(team.secretariaat, meeting.id, input));
		expect((decided as InvalidInputError).fields.itemIds).toMatch(/hoeft niet verplaatst/);
		const earlier = await adoptedMeeting(team);
		const backwards = await rejection(
			carryOver(team.secretariaat, meeting.id, {
				...input,
				itemIds: [items[1]!.id],
				toMeetingId: earlier.meeting.id
			})
		);
		expect(backwards).toBeInstanceOf(InvalidInputError);
		const db = await useDb();
		const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, items[1]!.id));
		expect(row!.meetingId).toBe(meeting.id);
	});

	it('closing (markHeld) needs an outcome for every item and carries nothing silently; then the items are behandeld', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		expect(String(await rejection(markHeld(team.secretariaat, meeting.id)))).toMatch(
			/Leg eerst de uitkomst vast van de punten 1\./
		);
		await decideAll(team, [items[0]!.id, items[1]!.id]);
		await recordDecision(team.secretariaat, items[2]!.id, { outcome: 'niet_behandeld' });
		expect(String(await rejection(markHeld(team.secretariaat, meeting.id)))).toMatch(
			/Verplaats eerst .*3\./
		);
		await carryOver(team.secretariaat, meeting.id, {
			itemIds: [items[2]!.id],
			toMeetingId: null,
			reason: 'Niet aan toegekomen.'
		});
		const held = await markHeld(team.secretariaat, meeting.id);
		expect(held.status).toBe('gehouden');
		const db = await useDb();
		const rows = await db
			.select({ status: agendaItems.status })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meeting.id));
		expect(rows.map((r) => r.status)).toEqual(['behandeld', 'behandeld']);
		expect(await eventsOf(meeting.id, 'agenda_item.treated.v1')).toHaveLength(2);
	});
});
