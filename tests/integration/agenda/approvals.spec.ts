import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import {
	adoptAgenda,
	getMeetingWithAgenda,
	placeItem,
	recordApproval,
	reopenAgenda,
	reorderAgenda,
	updateItem,
	withdrawItem
} from '../../../src/lib/server/agenda';
import { getMeeting, startAgendaAlignment } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, placedItem, rejection, type Team } from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

/** A meeting in afstemming with two placed items: VNG's and the Rijk's. */
async function agendaInAlignment() {
	const meeting = await openMeetingFor(team);
	const vng = await placedItem(team, team.vngMedewerker, meeting.id, 30);
	const rijk = await placedItem(team, team.bzkMedewerker, meeting.id, 45);
	await startAgendaAlignment(team.secretariaat, meeting.id);
	return { meeting, vng, rijk };
}

const bestuurders = () => [
	team.rijkBestuurder,
	team.vngBestuurder,
	team.ipoBestuurder,
	team.uvwBestuurder
];

async function allAgree(meetingId: string) {
	for (const actor of bestuurders())
		await recordApproval(actor, meetingId, { decision: 'akkoord' });
}

async function states(meetingId: string) {
	const page = await getMeetingWithAgenda(team.secretariaat, meetingId);
	return Object.fromEntries(page.approvals.map((row) => [row.party, row.state]));
}

describe('recordApproval', () => {
	it('allowed: a bestuurder records akkoord, or bezwaar with a reason and a position per item', async () => {
		const { meeting, vng } = await agendaInAlignment();
		await recordApproval(team.vngBestuurder, meeting.id, { decision: 'akkoord' });
		const objection = await recordApproval(team.ipoBestuurder, meeting.id, {
			decision: 'bezwaar',
			reason: 'De provinciale inbreng ontbreekt.',
			itemPositions: { [vng.id]: 'IPO steunt dit punt.' }
		});
		expect(objection).toMatchObject({
			party: 'ipo',
			itemPositions: { [vng.id]: 'IPO steunt dit punt.' }
		});
		expect(await states(meeting.id)).toEqual({
			rijk: 'open',
			vng: 'akkoord',
			ipo: 'bezwaar',
			uvw: 'open'
		});
	});

	it('denied: a medewerker, the secretariaat and the beheerder may not (403)', async () => {
		const { meeting } = await agendaInAlignment();
		for (const actor of [team.vngMedewerker, team.secretariaat, team.beheerder]) {
			const caught = await rejection(recordApproval(actor, meeting.id, { decision: 'akkoord' }));
			expect((caught as AccessError).status).toBe(403);
		}
	});

	it('bad input and the wrong moment get clear messages', async () => {
		const { meeting, vng } = await agendaInAlignment();
		const noReason = await rejection(
			recordApproval(team.uvwBestuurder, meeting.id, { decision: 'bezwaar' })
		);
		expect((noReason as InvalidInputError).fields.reason).toMatch(/reden/);
		const bad = await rejection(
			recordApproval(team.uvwBestuurder, meeting.id, { decision: 'misschien' })
		);
		expect((bad as InvalidInputError).fields.decision).toMatch(/akkoord of bezwaar/);
		const stranger = await rejection(
			recordApproval(team.uvwBestuurder, meeting.id, {
				decision: 'akkoord',
				itemPositions: { [crypto.randomUUID()]: 'Eens' }
			})
		);
		expect((stranger as InvalidInputError).fields.itemPositions).toMatch(/agenda/);
		const open = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, open.id);
		const early = await rejection(
			recordApproval(team.uvwBestuurder, open.id, { decision: 'akkoord' })
		);
		expect((early as Error).message).toContain('in afstemming');
		expect(vng.status).toBe('geagendeerd');
	});
});

describe('a change to the agenda resets every akkoord and shows what changed', () => {
	it('reordering resets all four; the changes name the moved items; agreeing again restores', async () => {
		const { meeting, vng, rijk } = await agendaInAlignment();
		await allAgree(meeting.id);
		expect(Object.values(await states(meeting.id))).toEqual([
			'akkoord',
			'akkoord',
			'akkoord',
			'akkoord'
		]);
		// The same order again is no change and resets nothing.
		await reorderAgenda(team.secretariaat, meeting.id, { orderedItemIds: [vng.id, rijk.id] });
		expect(Object.values(await states(meeting.id))).toEqual([
			'akkoord',
			'akkoord',
			'akkoord',
			'akkoord'
		]);
		await reorderAgenda(team.secretariaat, meeting.id, { orderedItemIds: [rijk.id, vng.id] });
		const page = await getMeetingWithAgenda(team.ipoBestuurder, meeting.id);
		for (const row of page.approvals) {
			expect(row.state).toBe('opnieuw_beoordelen');
			expect(row.changes.map((change) => change.kind)).toEqual(['verplaatst', 'verplaatst']);
		}
		expect(page.todo.parties.ipo).toContain('De gewijzigde agenda opnieuw beoordelen');
		const db = await useDb();
		const resets = await db
			.select()
			.from(events)
			.where(and(eq(events.type, 'agenda.approval_reset.v1'), eq(events.subjectId, meeting.id)));
		expect(resets).toHaveLength(4);
		await recordApproval(team.ipoBestuurder, meeting.id, { decision: 'akkoord' });
		expect((await states(meeting.id)).ipo).toBe('akkoord');
	});

	it('an edit of a placed item, new minutes and a withdrawal each reset, with the right description', async () => {
		const { meeting, vng, rijk } = await agendaInAlignment();
		await allAgree(meeting.id);
		await updateItem(team.vngMedewerker, vng.id, {
			expectedVersion: 1,
			title: 'Jeugdzorg: de Hervormingsagenda'
		});
		let page = await getMeetingWithAgenda(team.rijkBestuurder, meeting.id);
		expect(page.approvals[0]!.changes).toEqual([
			expect.objectContaining({
				kind: 'gewijzigd',
				description: expect.stringContaining('heet nu')
			})
		]);
		await allAgree(meeting.id);
		await placeItem(team.secretariaat, rijk.id, { minutes: 60 });
		page = await getMeetingWithAgenda(team.rijkBestuurder, meeting.id);
		expect(page.approvals[1]!.changes.map((c) => c.kind)).toEqual(['minuten']);
		await allAgree(meeting.id);
		await withdrawItem(team.vngBestuurder, vng.id);
		page = await getMeetingWithAgenda(team.rijkBestuurder, meeting.id);
		expect(page.approvals[2]!.changes.map((c) => c.kind).sort()).toEqual([
			'verplaatst',
			'verwijderd'
		]);
		expect(page.approvals.every((row) => row.state === 'opnieuw_beoordelen')).toBe(true);
	});
});

describe('adopting and reopening', () => {
	it('adoption waits for all four parties, then freezes the agenda', async () => {
		const { meeting, vng } = await agendaInAlignment();
		await recordApproval(team.vngBestuurder, meeting.id, { decision: 'akkoord' });
		const early = await rejection(adoptAgenda(team.secretariaat, meeting.id));
		expect((early as Error).message).toBe(
			'Nog geen akkoord van het Rijk, IPO, de Unie van Waterschappen.'
		);
		await allAgree(meeting.id);
		const adopted = await adoptAgenda(team.secretariaat, meeting.id);
		expect(adopted.status).toBe('agenda_vastgesteld');
		const edit = await rejection(
			updateItem(team.vngMedewerker, vng.id, { expectedVersion: 1, title: 'Later' })
		);
		expect(edit).toBeInstanceOf(StateError);
		expect((edit as Error).message).toContain('vastgesteld');
		const move = await rejection(placeItem(team.secretariaat, vng.id, { minutes: 5 }));
		expect((move as Error).message).toContain('vastgesteld');
	});

	it('denied: a bestuurder may not adopt or reopen (403)', async () => {
		const { meeting } = await agendaInAlignment();
		await allAgree(meeting.id);
		expect(
			((await rejection(adoptAgenda(team.vngBestuurder, meeting.id))) as AccessError).status
		).toBe(403);
		await adoptAgenda(team.secretariaat, meeting.id);
		const reopen = await rejection(
			reopenAgenda(team.rijkBestuurder, meeting.id, { reason: 'Nieuw punt' })
		);
		expect((reopen as AccessError).status).toBe(403);
	});

	it('reopening needs a reason and is logged; then the agenda changes again', async () => {
		const { meeting, vng } = await agendaInAlignment();
		await allAgree(meeting.id);
		await adoptAgenda(team.secretariaat, meeting.id);
		const noReason = await rejection(reopenAgenda(team.secretariaat, meeting.id, {}));
		expect((noReason as InvalidInputError).fields.reason).toMatch(/reden/);
		const reopened = await reopenAgenda(team.secretariaat, meeting.id, {
			reason: 'Spoedpunt over de meicirculaire'
		});
		expect(reopened.status).toBe('agenda_in_afstemming');
		const db = await useDb();
		const [logged] = await db
			.select()
			.from(events)
			.where(and(eq(events.type, 'agenda.reopened.v1'), eq(events.subjectId, meeting.id)));
		expect(logged?.payload).toMatchObject({ reason: 'Spoedpunt over de meicirculaire' });
		await placeItem(team.secretariaat, vng.id, { minutes: 10 });
		expect((await getMeeting(team.vngMedewerker, meeting.id)).status).toBe('agenda_in_afstemming');
		expect(
			((await rejection(adoptAgenda(team.secretariaat, meeting.id))) as Error).message
		).toMatch(/Nog geen akkoord/);
	});
});
