import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import {
	addComment,
	approveLateSubmission,
	draftItem,
	getMeetingWithAgenda,
	inviteCoSponsor,
	myProposals,
	recordApproval,
	searchAgenda,
	secretariatOverview,
	toReview
} from '../../../src/lib/server/agenda';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import { useProcessDatabase } from '../process-env';
import { countQueries } from '../query-count';
import {
	createTeam,
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

describe('getMeetingWithAgenda', () => {
	it('needs the same small number of queries for 2 items as for 14 (no N+1)', async () => {
		const meeting = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await placedItem(team, team.ipoMedewerker, meeting.id);
		const small = await countQueries(() => getMeetingWithAgenda(team.uvwMedewerker, meeting.id));
		for (let i = 0; i < 12; i++) {
			const item = await placedItem(
				team,
				i % 2 ? team.bzkMedewerker : team.vngMedewerker,
				meeting.id,
				5
			);
			await inviteCoSponsor(i % 2 ? team.bzkMedewerker : team.vngMedewerker, item.id, {
				party: 'uvw'
			});
			await addComment(team.ipoMedewerker, item.id, { body: `Reactie ${i}` });
		}
		await draftItem(team.uvwMedewerker, itemInput({ meetingId: meeting.id }));
		await startAgendaAlignment(team.secretariaat, meeting.id);
		await recordApproval(team.vngBestuurder, meeting.id, { decision: 'akkoord' });
		let page: Awaited<ReturnType<typeof getMeetingWithAgenda>> | undefined;
		const large = await countQueries(async () => {
			page = await getMeetingWithAgenda(team.uvwMedewerker, meeting.id);
		});
		expect(page!.agenda).toHaveLength(14);
		expect(large).toBe(small);
		expect(small).toBeGreaterThanOrEqual(4);
		expect(large).toBeLessThanOrEqual(5);
		// The page's facts: the own concept shows, the todo names the invitations, timing adds up.
		expect(page!.otherItems.map((item) => item.status)).toEqual(['concept']);
		expect(page!.todo.parties.uvw.filter((task) => task.startsWith('Beslissen'))).toHaveLength(12);
		expect(page!.todo.parties.rijk).toContain('Akkoord geven of bezwaar maken');
		expect(page!.approvals.find((row) => row.party === 'vng')?.state).toBe('akkoord');
		expect(page!.timing).toMatchObject({ totalMinutes: 100, meetingMinutes: 120, exceeds: false });
	});

	it('shows another party no concept of VNG; an unknown meeting is 404', async () => {
		const meeting = await openMeetingFor(team);
		await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
		for (const actor of [team.ipoMedewerker, team.secretariaat, team.beheerder]) {
			const page = await getMeetingWithAgenda(actor, meeting.id);
			expect(page.agenda.length + page.otherItems.length).toBe(0);
		}
		const missing = await rejection(getMeetingWithAgenda(team.ipoMedewerker, crypto.randomUUID()));
		expect((missing as AccessError).status).toBe(404);
	});
});

describe('views per kind of user', () => {
	it('myProposals lists the own organisation’s items only, concepts included', async () => {
		const concept = await draftItem(
			team.uvwMedewerker,
			itemInput({ title: 'Waterkwaliteit en KRW' })
		);
		const other = await submitted(team.ipoMedewerker, null);
		const mine = await myProposals(team.uvwBestuurder);
		expect(mine.map((item) => item.id)).toContain(concept.id);
		expect(mine.map((item) => item.id)).not.toContain(other.id);
		expect(
			mine.every((item) => item.proposingOrganisationId === team.uvwBestuurder.organisationId)
		).toBe(true);
	});

	it('toReview shows a bestuurder the agendas waiting for their party; refused to others (403)', async () => {
		const meeting = await openMeetingFor(team);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		expect((await toReview(team.ipoBestuurder)).map((row) => row.meeting.id)).toContain(meeting.id);
		await recordApproval(team.ipoBestuurder, meeting.id, { decision: 'akkoord' });
		expect((await toReview(team.ipoBestuurder)).map((row) => row.meeting.id)).not.toContain(
			meeting.id
		);
		for (const actor of [team.ipoMedewerker, team.secretariaat]) {
			expect(((await rejection(toReview(actor))) as AccessError).status).toBe(403);
		}
	});

	it('secretariatOverview shows late submissions apart and what waits for scheduling; 404 to others', async () => {
		const meeting = await openMeetingFor(team, 3);
		const late = await submitted(team.vngMedewerker, meeting.id);
		let overview = await secretariatOverview(team.secretariaat);
		expect(overview.lateSubmissions.map((item) => item.id)).toContain(late.id);
		expect(overview.toSchedule.map((item) => item.id)).not.toContain(late.id);
		await approveLateSubmission(team.secretariaat, late.id);
		overview = await secretariatOverview(team.secretariaat);
		expect(overview.toSchedule.map((item) => item.id)).toContain(late.id);
		const caught = await rejection(secretariatOverview(team.vngBestuurder));
		expect((caught as AccessError).status).toBe(403);
	});
});

describe('searchAgenda', () => {
	it('finds items in Dutch (stemmed), filtered, and never another party’s concept', async () => {
		const marker = `Regiodeal${Date.now()}`;
		const open = await submitted(team.ipoMedewerker, null, {
			title: `${marker} Vitale regio's`,
			summary: 'Het Nationaal Programma Vitale Regio’s loopt twintig jaar.',
			purpose: 'informatie'
		});
		const concept = await draftItem(
			team.vngMedewerker,
			itemInput({ title: `${marker} geheim concept` })
		);
		const forIpo = await searchAgenda(team.ipoMedewerker, { q: marker });
		expect(forIpo.items.map((item) => item.id)).toEqual([open.id]);
		const forVng = await searchAgenda(team.vngMedewerker, { q: marker });
		expect(forVng.items.map((item) => item.id).sort()).toEqual([open.id, concept.id].sort());
		const forSecretariaat = await searchAgenda(team.secretariaat, { q: marker });
		expect(forSecretariaat.items.map((item) => item.id)).toEqual([open.id]);
		// Stemming: "programma's" and "regio" find "Programma" and "Regio's".
		const stemmed = await searchAgenda(team.uvwMedewerker, { q: `${marker} programma twintig` });
		expect(stemmed.items.map((item) => item.id)).toEqual([open.id]);
		const filtered = await searchAgenda(team.uvwMedewerker, { q: marker, party: 'vng' });
		expect(filtered.items).toHaveLength(0);
		const byPurpose = await searchAgenda(team.uvwMedewerker, {
			q: marker,
			purpose: 'informatie',
			party: 'ipo'
		});
		expect(byPurpose.items.map((item) => item.id)).toEqual([open.id]);
	});

	it('finds meetings too, and filters by period; bad filters are Dutch messages', async () => {
		const meeting = await openMeetingFor(team, 45, {
			title: 'Bestuurlijk overleg Waterschapsbelastingen'
		});
		const found = await searchAgenda(team.vngMedewerker, { q: 'waterschapsbelasting' });
		expect(found.meetings.map((m) => m.id)).toContain(meeting.id);
		const caught = await rejection(
			searchAgenda(team.vngMedewerker, { from: '2027-02-01', to: '2027-01-01' })
		);
		expect((caught as InvalidInputError).fields.to).toMatch(/einddatum/);
		const bad = await rejection(searchAgenda(team.vngMedewerker, { status: 'verloren' }));
		expect((bad as InvalidInputError).fields.status).toMatch(/status/);
	});
});
