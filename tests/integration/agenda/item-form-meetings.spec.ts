import { beforeAll, describe, expect, it } from 'vitest';
import { draftItem } from '../../../src/lib/server/agenda';
import { openForProposals, startAgendaAlignment } from '../../../src/lib/server/meetings';
import { openMeetings } from '../../../src/routes/agendapunten/item-form.server';
import { meetingChoices } from '../../../src/routes/agendapunten/meeting-choices';
import { useProcessDatabase } from '../process-env';
import { createTeam, forceMeetingStatus, itemInput, planned, type Team } from './fixtures';

useProcessDatabase();

/**
 * The item form offered every meeting whose agenda was not closed: a meeting still "gepland" ended
 * in a saved concept that could not be submitted, one past its deadline silently in a late
 * submission. It offers the meetings that take a submission, and says which ones would be late.
 */
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const day = 86_400_000;

async function meetings() {
	const onTime = await openForProposals(team.secretariaat, (await planned(team.secretariaat)).id);
	const late = await openForProposals(
		team.secretariaat,
		(
			await planned(
				team.secretariaat,
				{ proposalDeadline: new Date(Date.now() + day).toISOString() },
				5
			)
		).id
	);
	const inAlignment = await planned(team.secretariaat);
	await startAgendaAlignment(team.secretariaat, inAlignment.id);
	const notOpen = await planned(team.secretariaat);
	const adopted = await planned(team.secretariaat);
	await forceMeetingStatus(adopted.id, 'agenda_vastgesteld');
	return { onTime, late, inAlignment, notOpen, adopted };
}

describe('the meetings the item form offers', () => {
	it('only meetings that take a submission, each saying whether it would be late', async () => {
		const { onTime, late, inAlignment, notOpen, adopted } = await meetings();
		// Two days on: the second meeting's deadline has passed, the first's has not.
		const offered = await openMeetings(team.vngMedewerker, null, new Date(Date.now() + 2 * day));
		const byId = new Map(offered.map((meeting) => [meeting.id, meeting]));
		expect(byId.get(onTime.id)).toMatchObject({ accepts: true, late: false });
		expect(byId.get(late.id)).toMatchObject({ accepts: true, late: true });
		expect(byId.get(inAlignment.id)).toMatchObject({ accepts: true });
		expect(byId.has(notOpen.id)).toBe(false);
		expect(byId.has(adopted.id)).toBe(false);
		expect(offered.every((meeting) => meeting.accepts)).toBe(true);
	});

	it('keeps a concept’s own meeting that does not take proposals yet, marked so; never a closed one', async () => {
		const { notOpen, adopted } = await meetings();
		const concept = await draftItem(team.vngMedewerker, itemInput({ meetingId: notOpen.id }));
		const kept = await openMeetings(team.vngMedewerker, concept.meetingId);
		expect(kept.find((meeting) => meeting.id === notOpen.id)).toMatchObject({
			accepts: false,
			late: false
		});
		const closed = await openMeetings(team.vngMedewerker, adopted.id);
		expect(closed.some((meeting) => meeting.id === adopted.id)).toBe(false);
	});
});

describe('what the form says about a choice, before submitting', () => {
	const base = {
		title: 'Overhedenoverleg najaar',
		startsAt: new Date('2026-11-12T09:00:00Z'),
		proposalDeadline: new Date('2026-10-29T16:00:00Z')
	};

	it('on time, late, without a deadline and not open yet', () => {
		const { options, notes } = meetingChoices([
			{ ...base, id: 'a', accepts: true, late: false },
			{ ...base, id: 'b', accepts: true, late: true },
			{ ...base, id: 'c', accepts: true, late: false, proposalDeadline: null },
			{ ...base, id: 'd', accepts: false, late: false }
		]);
		expect(options.map((option) => option.label)).toEqual([
			'Nog te agenderen',
			'Overhedenoverleg najaar (12 november 2026 om 10:00)',
			'Overhedenoverleg najaar (12 november 2026 om 10:00): late indiening',
			'Overhedenoverleg najaar (12 november 2026 om 10:00)',
			'Overhedenoverleg najaar (12 november 2026 om 10:00): nog niet open voor voorstellen'
		]);
		expect(notes.a).toBe(
			'Voorstellen voor deze vergadering kunnen tot 29 oktober 2026 om 17:00. Wat daarna wordt ingediend, is een late indiening.'
		);
		expect(notes.b).toMatch(
			/^De termijn voor voorstellen voor deze vergadering is verstreken \(29 oktober 2026 om 17:00\)\. Dient u het punt nu in, dan is het een late indiening: het secretariaat beslist eerst/
		);
		expect(notes.c).toBe('Deze vergadering neemt voorstellen aan en heeft geen termijn.');
		expect(notes.d).toMatch(/^Deze vergadering neemt nog geen voorstellen aan\./);
	});
});
