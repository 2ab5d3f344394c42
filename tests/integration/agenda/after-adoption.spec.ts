import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	adoptAgenda,
	declineItem,
	deferItem,
	getMeetingWithAgenda,
	markTreated,
	recordApproval,
	reopenAgenda,
	withdrawItem
} from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { agendaApprovals, events, meetings } from '../../../src/lib/server/db/schema';
import { StateError } from '../../../src/lib/server/kernel/errors';
import { markHeld, startAgendaAlignment } from '../../../src/lib/server/meetings';
import { carryOver } from '../../../src/lib/server/decisions';
import { useProcessDatabase } from '../process-env';
import { decideAll } from '../decisions/fixtures';
import { createTeam, openMeetingFor, placedItem, rejection, type Team } from './fixtures';

useProcessDatabase();

/**
 * A held meeting contradicted itself: items marked behandeld fell off its agenda ("Totaal: 0 van
 * 120 minuten") and every party's akkoord read "Opnieuw beoordelen". What happens to an item after
 * adoption keeps the agenda the parties agreed to, and their word on it.
 */
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const bestuurders = () => [
	team.rijkBestuurder,
	team.vngBestuurder,
	team.ipoBestuurder,
	team.uvwBestuurder
];

/** An adopted agenda of three items (30, 45 and 20 minutes) whose meeting has begun. */
async function adoptedAndBegun() {
	const meeting = await openMeetingFor(team);
	const first = await placedItem(team, team.vngMedewerker, meeting.id, 30);
	const second = await placedItem(team, team.bzkMedewerker, meeting.id, 45);
	const third = await placedItem(team, team.ipoMedewerker, meeting.id, 20);
	await startAgendaAlignment(team.secretariaat, meeting.id);
	for (const actor of bestuurders())
		await recordApproval(actor, meeting.id, { decision: 'akkoord' });
	await adoptAgenda(team.secretariaat, meeting.id);
	const db = await useDb();
	const startsAt = new Date(Date.now() - 3_600_000);
	await db
		.update(meetings)
		.set({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) })
		.where(eq(meetings.id, meeting.id));
	return { meeting, first, second, third };
}

async function page(meetingId: string) {
	const view = await getMeetingWithAgenda(team.secretariaat, meetingId);
	return {
		agenda: view.agenda.map((item) => [item.id, item.status, item.position]),
		total: view.timing.totalMinutes,
		states: view.approvals.map((row) => row.state),
		changes: view.approvals.flatMap((row) => row.changes)
	};
}

async function resets(meetingId: string) {
	const db = await useDb();
	const rows = await db
		.select({ resetAt: agendaApprovals.resetAt })
		.from(agendaApprovals)
		.where(eq(agendaApprovals.meetingId, meetingId));
	const logged = await db
		.select({ type: events.type })
		.from(events)
		.where(eq(events.meetingId, meetingId));
	return {
		reset: rows.filter((row) => row.resetAt !== null).length,
		events: logged.filter((row) => row.type === 'agenda.approval_reset.v1').length
	};
}

const allAgreed = ['akkoord', 'akkoord', 'akkoord', 'akkoord'];

describe('an item after adoption', () => {
	it('behandeld: stays on the agenda with its number and minutes; every akkoord holds', async () => {
		const { meeting, first, second, third } = await adoptedAndBegun();
		await markTreated(team.secretariaat, first.id);
		await markTreated(team.secretariaat, second.id);
		await decideAll(team, [first.id, second.id, third.id]);
		await markHeld(team.secretariaat, meeting.id);
		expect(await page(meeting.id)).toEqual({
			agenda: [
				[first.id, 'behandeld', 1],
				[second.id, 'behandeld', 2],
				[third.id, 'behandeld', 3]
			],
			total: 95,
			states: allAgreed,
			changes: []
		});
		expect(await resets(meeting.id)).toEqual({ reset: 0, events: 0 });
	});

	it('geagendeerd, not yet dealt with: still counts, beside the items dealt with', async () => {
		const { meeting, first, second, third } = await adoptedAndBegun();
		await markTreated(team.secretariaat, second.id);
		expect(await page(meeting.id)).toEqual({
			agenda: [
				[first.id, 'geagendeerd', 1],
				[second.id, 'behandeld', 2],
				[third.id, 'geagendeerd', 3]
			],
			total: 95,
			states: allAgreed,
			changes: []
		});
	});

	it('carried over in the meeting (to a later one, or back to the list): leaves a gap, the others keep their numbers, every akkoord holds', async () => {
		const { meeting, first, second, third } = await adoptedAndBegun();
		const later = await openMeetingFor(team, 60);
		await carryOver(team.secretariaat, meeting.id, {
			itemIds: [second.id],
			reason: 'Niet aan toegekomen.',
			toMeetingId: later.id
		});
		await carryOver(team.secretariaat, meeting.id, {
			itemIds: [third.id],
			reason: 'Eerst ambtelijk voorbereiden.'
		});
		await decideAll(team, [first.id]);
		await markHeld(team.secretariaat, meeting.id);
		expect(await page(meeting.id)).toEqual({
			agenda: [[first.id, 'behandeld', 1]],
			total: 30,
			states: allAgreed,
			changes: []
		});
		expect(await resets(meeting.id)).toEqual({ reset: 0, events: 0 });
	});

	it('aangehouden while the agenda is adopted, ingetrokken and afgewezen: refused, nothing changes', async () => {
		const { meeting, first, second, third } = await adoptedAndBegun();
		const before = await page(meeting.id);
		const refusals = [
			await rejection(deferItem(team.secretariaat, first.id, { reason: 'Later.' })),
			await rejection(withdrawItem(team.bzkMedewerker, second.id)),
			await rejection(declineItem(team.secretariaat, third.id, { reason: 'Hoort elders.' }))
		];
		for (const caught of refusals) expect(caught).toBeInstanceOf(StateError);
		expect(await page(meeting.id)).toEqual(before);
		expect(before.states).toEqual(allAgreed);
		await decideAll(team, [first.id, second.id, third.id]);
		await markHeld(team.secretariaat, meeting.id);
		for (const caught of [
			await rejection(deferItem(team.secretariaat, first.id, { reason: 'Later.' })),
			await rejection(withdrawItem(team.bzkMedewerker, second.id)),
			await rejection(declineItem(team.secretariaat, third.id, { reason: 'Hoort elders.' }))
		])
			expect(caught).toBeInstanceOf(StateError);
	});

	it('reopened after an item was dealt with: that item stays, and the akkoorden still match', async () => {
		const { meeting, first } = await adoptedAndBegun();
		await markTreated(team.secretariaat, first.id);
		await reopenAgenda(team.secretariaat, meeting.id, { reason: 'Een punt erbij.' });
		const view = await page(meeting.id);
		expect(view.agenda[0]).toEqual([first.id, 'behandeld', 1]);
		expect(view.total).toBe(95);
		expect(view.states).toEqual(allAgreed);
	});
});
