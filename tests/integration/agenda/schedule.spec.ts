import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import {
	agendaTiming,
	approveLateSubmission,
	deferItem,
	draftItem,
	getItem,
	placeItem,
	reorderAgenda
} from '../../../src/lib/server/agenda';
import { cancelMeeting } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	placedItem,
	rejection,
	submitted,
	type Team
} from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const order = async (ids: string[]) =>
	Promise.all(ids.map(async (id) => (await getItem(team.secretariaat, id)).position));

describe('placing and ordering', () => {
	it('allowed: the secretariaat places items last by default, or at a place, renumbering the rest', async () => {
		const meeting = await openMeetingFor(team);
		const a = await placedItem(team, team.vngMedewerker, meeting.id);
		const b = await placedItem(team, team.ipoMedewerker, meeting.id);
		expect([a.position, b.position]).toEqual([1, 2]);
		const c = await submitted(team.bzkMedewerker, meeting.id);
		await placeItem(team.secretariaat, c.id, { minutes: 30, position: 1 });
		expect(await order([c.id, a.id, b.id])).toEqual([1, 2, 3]);
		// Moving an item that is already placed, and changing its minutes.
		const moved = await placeItem(team.secretariaat, c.id, { minutes: 45, position: 99 });
		expect(moved).toMatchObject({ position: 3, minutes: 45 });
		expect(await order([a.id, b.id, c.id])).toEqual([1, 2, 3]);
	});

	it('reorderAgenda sets the whole order; it must name exactly the placed items', async () => {
		const meeting = await openMeetingFor(team);
		const a = await placedItem(team, team.vngMedewerker, meeting.id);
		const b = await placedItem(team, team.uvwMedewerker, meeting.id);
		const c = await placedItem(team, team.finMedewerker, meeting.id);
		const result = await reorderAgenda(team.secretariaat, meeting.id, {
			orderedItemIds: [c.id, a.id, b.id]
		});
		expect(result.map((item) => item.id)).toEqual([c.id, a.id, b.id]);
		const missing = await rejection(
			reorderAgenda(team.secretariaat, meeting.id, { orderedItemIds: [a.id, b.id] })
		);
		expect((missing as InvalidInputError).fields.orderedItemIds).toMatch(/precies/);
		const garbage = await rejection(
			reorderAgenda(team.secretariaat, meeting.id, { orderedItemIds: 'a,b' })
		);
		expect(garbage).toBeInstanceOf(InvalidInputError);
		const denied = await rejection(
			reorderAgenda(team.vngBestuurder, meeting.id, { orderedItemIds: [a.id, b.id, c.id] })
		);
		expect((denied as AccessError).status).toBe(403);
	});

	it('an item from the list needs a meeting to be placed on; minutes must be sensible', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, null);
		const noMeeting = await rejection(placeItem(team.secretariaat, item.id, { minutes: 10 }));
		expect((noMeeting as InvalidInputError).fields.meetingId).toMatch(/vergadering/);
		const badMinutes = await rejection(
			placeItem(team.secretariaat, item.id, { minutes: 0, meetingId: meeting.id })
		);
		expect((badMinutes as InvalidInputError).fields.minutes).toMatch(/minuut/);
		const placed = await placeItem(team.secretariaat, item.id, {
			minutes: 10,
			meetingId: meeting.id
		});
		expect(placed).toMatchObject({ meetingId: meeting.id, status: 'geagendeerd', position: 1 });
	});

	it('a late submission is placed only after the secretariaat allowed it', async () => {
		const meeting = await openMeetingFor(team, 3);
		const item = await submitted(team.ipoMedewerker, meeting.id);
		const refused = await rejection(placeItem(team.secretariaat, item.id, { minutes: 10 }));
		expect(refused).toBeInstanceOf(StateError);
		expect((refused as Error).message).toContain('na de termijn');
		await approveLateSubmission(team.secretariaat, item.id);
		expect((await placeItem(team.secretariaat, item.id, { minutes: 10 })).status).toBe(
			'geagendeerd'
		);
	});

	it('the agenda is frozen once adopted', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		await forceMeetingStatus(meeting.id, 'agenda_vastgesteld');
		const caught = await rejection(placeItem(team.secretariaat, item.id, { minutes: 10 }));
		expect((caught as Error).message).toContain('vastgesteld');
	});
});

describe('deferring', () => {
	it('to a later meeting or the list, with a reason; the gap on the agenda closes', async () => {
		const first = await openMeetingFor(team, 30);
		const later = await openMeetingFor(team, 90);
		const a = await placedItem(team, team.vngMedewerker, first.id);
		const b = await placedItem(team, team.ipoMedewerker, first.id);
		const deferred = await deferItem(team.secretariaat, a.id, {
			reason: 'Wachten op de Voorjaarsnota',
			toMeetingId: later.id
		});
		expect(deferred).toMatchObject({
			status: 'aangehouden',
			meetingId: later.id,
			statusReason: 'Wachten op de Voorjaarsnota',
			position: null
		});
		expect((await getItem(team.secretariaat, b.id)).position).toBe(1);
		const earlier = await openMeetingFor(team, 10);
		const back = await rejection(
			deferItem(team.secretariaat, a.id, { reason: 'Toch eerder', toMeetingId: earlier.id })
		);
		expect((back as InvalidInputError).fields.toMeetingId).toMatch(/later/);
		const noReason = await rejection(deferItem(team.secretariaat, a.id, { toMeetingId: null }));
		expect((noReason as InvalidInputError).fields.reason).toMatch(/reden/);
	});

	it('cancelling a meeting sends its open items back to the list', async () => {
		const meeting = await openMeetingFor(team);
		const item = await placedItem(team, team.uvwMedewerker, meeting.id);
		const concept = await draftItem(team.uvwMedewerker, itemInput({ meetingId: meeting.id }));
		await cancelMeeting(team.secretariaat, meeting.id, { reason: 'Kabinetsformatie' });
		expect(await getItem(team.uvwMedewerker, item.id)).toMatchObject({
			meetingId: null,
			status: 'aangehouden',
			statusReason: 'Vergadering geannuleerd: Kabinetsformatie'
		});
		expect(await getItem(team.uvwMedewerker, concept.id)).toMatchObject({
			meetingId: null,
			status: 'concept'
		});
	});
});

describe('agendaTiming', () => {
	it('warns when the minutes of the placed items exceed the meeting', () => {
		const meeting = {
			startsAt: new Date('2027-03-01T09:00:00Z'),
			endsAt: new Date('2027-03-01T11:00:00Z')
		};
		const items = [
			{ minutes: 60, status: 'geagendeerd' },
			{ minutes: 45, status: 'geagendeerd' },
			{ minutes: 90, status: 'ingediend' }
		];
		expect(agendaTiming(meeting, items)).toEqual({
			totalMinutes: 105,
			meetingMinutes: 120,
			overBy: 0,
			exceeds: false
		});
		items.push({ minutes: 30, status: 'geagendeerd' });
		expect(agendaTiming(meeting, items)).toMatchObject({ overBy: 15, exceeds: true });
	});
});
