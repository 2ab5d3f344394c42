import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access';
import { audiences } from '../../src/lib/server/audience';
import {
	draftItem,
	getItem,
	getMeetingWithAgenda,
	searchAgenda,
	submitItem
} from '../../src/lib/server/agenda';
import { unscheduledItems } from '../../src/lib/server/agenda/queries';
import { transaction, useDb } from '../../src/lib/server/db';
import { events } from '../../src/lib/server/db/schema';
import { appendEvents } from '../../src/lib/server/events';
import { readAudit } from '../../src/lib/server/identity/audit';
import {
	actorRooms,
	eventRooms,
	toWire,
	visibleEventsSince
} from '../../src/lib/server/realtime/rooms';
import { createTeam, itemInput, openMeetingFor, rejection, type Team } from './agenda/fixtures';

/*
 * Who may see what is written once (src/lib/server/audience.ts, agenda/audience.ts); every consumer
 * reads it. A concept carries a marker in its title and text; no consumer may hand it to another
 * organisation, and each must hand it to its own.
 */
let team: Team;
let meetingId: string;
let conceptId: string;
let since: number;
const marker = `geheim-${Date.now()}`;

beforeAll(async () => {
	team = await createTeam();
	since = await newestId();
	meetingId = (await openMeetingFor(team)).id;
	const concept = await draftItem(
		team.vngMedewerker,
		itemInput({ meetingId, title: `Concept ${marker}`, summary: `Tekst ${marker}` })
	);
	conceptId = concept.id;
	// Something the table does see, after the concept: every replay below must reach past it.
	const open = await draftItem(
		team.ipoMedewerker,
		itemInput({ meetingId, title: 'Openbaar punt' })
	);
	await submitItem(team.ipoMedewerker, open.id);
});

async function newestId() {
	const db = await useDb();
	const [row] = await db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
	return row?.id ?? 0;
}

const carries = (value: unknown) => JSON.stringify(value).includes(marker);
const others = () => [team.ipoMedewerker, team.bzkMedewerker, team.secretariaat, team.beheerder];

describe('one audience, every consumer', () => {
	it('the gate: the own organisation reads the concept, any other gets 404', async () => {
		expect(carries(await getItem(team.vngBestuurder, conceptId))).toBe(true);
		for (const actor of others()) {
			const caught = (await rejection(getItem(actor, conceptId))) as { status?: number };
			expect(caught.status).toBe(404);
		}
	});

	it('the lists: meeting page, nog te agenderen and search show it to its organisation only', async () => {
		const own = await getMeetingWithAgenda(team.vngMedewerker, meetingId);
		const lists = async (actor: Actor) => [
			await getMeetingWithAgenda(actor, meetingId),
			await unscheduledItems(actor),
			await searchAgenda(actor, { q: marker }),
			await searchAgenda(actor, {})
		];
		expect(carries(await searchAgenda(team.vngMedewerker, { q: marker }))).toBe(true);
		expect(own).toBeTruthy();
		for (const actor of others()) {
			const answers = await lists(actor);
			// Each list answered (the open item is there), and none carried the marker.
			expect(JSON.stringify(answers[0])).toContain('Openbaar punt');
			expect(carries(answers)).toBe(false);
		}
	});

	it("the events and their rooms: the concept's events name its organisation alone", async () => {
		const db = await useDb();
		const logged = await db.select().from(events).where(eq(events.subjectId, conceptId));
		expect(logged.length).toBeGreaterThan(0);
		for (const event of logged) {
			const rooms = eventRooms(event);
			expect(rooms).toEqual([`organisation:${team.vngMedewerker.organisationId}`]);
			expect(rooms.some((room) => actorRooms(team.vngBestuurder).includes(room))).toBe(true);
			for (const actor of others())
				expect(rooms.some((room) => actorRooms(actor).includes(room))).toBe(false);
		}
	});

	it('the replay: the own organisation gets the concept, others get what comes after it but not it', async () => {
		const db = await useDb();
		const mine = await visibleEventsSince(db, team.vngBestuurder, since, 500);
		expect(carries(mine)).toBe(true);
		for (const actor of others()) {
			const replay = await visibleEventsSince(db, actor, since, 500);
			expect(replay.some((event) => event.type === 'agenda_item.submitted.v1')).toBe(true);
			expect(carries(replay)).toBe(false);
		}
	});

	it('the wire: an event as sent carries no list of who else may see it', async () => {
		const db = await useDb();
		const [event] = await db.select().from(events).where(eq(events.subjectId, conceptId));
		expect(Object.keys(toWire(event!))).not.toContain('audience');
	});

	it('the audit page: a beheerder sees that the concept was drafted, never its title', async () => {
		const audit = await readAudit(team.beheerder, { type: 'agenda_item.drafted.v1' });
		const drafted = audit.events.find((event) => event.subject.includes(conceptId));
		expect(drafted).toMatchObject({ type: 'agenda_item.drafted.v1', shielded: true });
		expect(carries(audit)).toBe(false);
		// IPO's item was a concept when drafted (shielded then too); once submitted, the table sees it.
		const submitted = await readAudit(team.beheerder, { type: 'agenda_item.submitted.v1' });
		const open = submitted.events.find((event) => event.payload.title === 'Openbaar punt');
		expect(open).toMatchObject({ shielded: false });
	});

	it('a party audience reaches every organisation of the party, and no other party', async () => {
		const partyMarker = `rijk-${marker}`;
		const before = await newestId();
		await transaction((tx) =>
			appendEvents(tx, { actor: null }, [
				{
					type: 'test.party_only.v1',
					subjectType: 'test',
					subjectId: partyMarker,
					audience: audiences.party('rijk')
				}
			])
		);
		const db = await useDb();
		const got = async (actor: Actor) =>
			(await visibleEventsSince(db, actor, before, 50)).some(
				(event) => event.subjectId === partyMarker
			);
		expect(await got(team.bzkMedewerker)).toBe(true);
		expect(await got(team.finMedewerker)).toBe(true);
		expect(await got(team.vngMedewerker)).toBe(false);
		expect(await got(team.secretariaat)).toBe(false);
	});
});
