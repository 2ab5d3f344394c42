import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import {
	draftItem,
	inviteCoSponsor,
	placeItem,
	recordApproval,
	respondCoSponsor,
	secretariatOverview
} from '../../../src/lib/server/agenda';
import { useDb } from '../../../src/lib/server/db';
import { coSponsors } from '../../../src/lib/server/db/schema';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import { myWork, type MyWork, type SectionKind } from '../../../src/lib/server/work';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	itemInput,
	openMeetingFor,
	placedItem,
	planned,
	rejection,
	submitted,
	type Team
} from '../agenda/fixtures';

useProcessDatabase();

/*
 * "Mijn werk" per role. Every test makes its own meetings and items, and looks only at those:
 * the database is the file's, shared by its tests.
 */

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const section = (work: MyWork, kind: SectionKind) => {
	const found = work.sections.find((row) => row.kind === kind);
	if (!found) throw new Error(`no section ${kind} in ${work.sections.map((row) => row.kind)}`);
	return found.tasks;
};
const ids = (work: MyWork, kind: SectionKind, among: string[]) =>
	section(work, kind)
		.map((task) => task.id)
		.filter((id) => among.includes(id));
const allIds = (work: MyWork) => work.sections.flatMap((row) => row.tasks.map((task) => task.id));

describe('a medewerker', () => {
	it('sees their organisation’s concepts, nearest proposal deadline first; another organisation never', async () => {
		const later = await openMeetingFor(team, 60);
		const sooner = await openMeetingFor(team, 20);
		const loose = await draftItem(team.vngMedewerker, itemInput({ meetingId: null }));
		const forLater = await draftItem(team.vngMedewerker, itemInput({ meetingId: later.id }));
		const forSooner = await draftItem(team.vngMedewerker, itemInput({ meetingId: sooner.id }));
		const mine = [loose.id, forLater.id, forSooner.id];

		const vng = await myWork(team.vngMedewerker);
		expect(vng.role).toBe('medewerker');
		expect(ids(vng, 'concepts', mine)).toEqual([forSooner.id, forLater.id, loose.id]);
		const first = section(vng, 'concepts').find((task) => task.id === forSooner.id)!;
		expect(first).toMatchObject({
			action: 'submitConcept',
			href: `/agendapunten/${forSooner.id}`,
			dueKind: 'proposalDeadline',
			dueAt: sooner.proposalDeadline,
			meetingTitle: sooner.title,
			overdue: false
		});

		// VNG's concepts are VNG's: another party's medewerker and a ministry see none of them.
		for (const other of [team.ipoMedewerker, team.bzkMedewerker]) {
			const work = await myWork(other);
			expect(allIds(work).filter((id) => mine.includes(id))).toEqual([]);
		}
	});

	it('sees the requests to co-sponsor for their party and answers them; the proposer sees it waiting', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
		await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'uvw' });

		const ipo = await myWork(team.ipoMedewerker);
		const request = section(ipo, 'coSponsorRequests').find((task) => task.id === item.id);
		expect(request).toMatchObject({
			action: 'answerCoSponsor',
			href: `/agendapunten/${item.id}`,
			parties: ['vng'],
			organisationName: 'VNG',
			dueKind: 'meeting',
			dueAt: meeting.startsAt
		});
		// The ministries speak for the Rijk, which was not asked.
		expect(ids(await myWork(team.bzkMedewerker), 'coSponsorRequests', [item.id])).toEqual([]);

		const vng = await myWork(team.vngMedewerker);
		const waiting = section(vng, 'coSponsorWaiting').find((task) => task.id === item.id);
		expect(waiting).toMatchObject({ action: 'followUp', parties: ['ipo', 'uvw'] });
		expect(ids(vng, 'coSponsorRequests', [item.id])).toEqual([]);

		await respondCoSponsor(team.ipoMedewerker, item.id, { accept: true });
		expect(ids(await myWork(team.ipoMedewerker), 'coSponsorRequests', [item.id])).toEqual([]);
		const still = section(await myWork(team.vngMedewerker), 'coSponsorWaiting');
		expect(still.find((task) => task.id === item.id)?.parties).toEqual(['uvw']);
	});

	it('never sees a request about another organisation’s concept', async () => {
		// An invitation on a concept (kept until it is submitted) is not for the other party's eyes.
		const concept = await draftItem(team.vngMedewerker, itemInput({ meetingId: null }));
		const db = await useDb();
		await db
			.insert(coSponsors)
			.values({ itemId: concept.id, party: 'ipo', invitedBy: team.vngMedewerker.personId });
		expect(allIds(await myWork(team.ipoMedewerker))).not.toContain(concept.id);
		expect(allIds(await myWork(team.ipoBestuurder))).not.toContain(concept.id);
	});

	it('sees the meetings open for proposals, the nearest deadline first, a passed one last', async () => {
		const far = await openMeetingFor(team, 80);
		const near = await openMeetingFor(team, 16);
		const passed = await openMeetingFor(team, 5); // its deadline was 14 days before the meeting
		const notOpen = await planned(team.secretariaat, {}, 18);
		const mine = [far.id, near.id, passed.id, notOpen.id];

		const work = await myWork(team.uvwMedewerker);
		expect(ids(work, 'openMeetings', mine)).toEqual([near.id, far.id, passed.id]);
		const tasks = section(work, 'openMeetings');
		expect(tasks.find((task) => task.id === near.id)).toMatchObject({
			action: 'propose',
			href: `/agendapunten/nieuw?vergadering=${near.id}`,
			dueAt: near.proposalDeadline,
			overdue: false
		});
		expect(tasks.find((task) => task.id === passed.id)?.overdue).toBe(true);
	});
});

describe('a bestuurder', () => {
	async function inAlignment(daysAhead: number) {
		const meeting = await openMeetingFor(team, daysAhead);
		await placedItem(team, team.vngMedewerker, meeting.id);
		return startAgendaAlignment(team.secretariaat, meeting.id);
	}

	it('sees the agendas waiting for their party’s akkoord, the first meeting first, until the party agrees', async () => {
		const later = await inAlignment(50);
		const sooner = await inAlignment(25);
		const mine = [later.id, sooner.id];

		const work = await myWork(team.ipoBestuurder);
		expect(work.role).toBe('bestuurder');
		expect(ids(work, 'akkoordWaiting', mine)).toEqual([sooner.id, later.id]);
		expect(section(work, 'akkoordWaiting').find((task) => task.id === sooner.id)).toMatchObject({
			action: 'judgeAgenda',
			href: `/vergaderingen/${sooner.id}`,
			dueKind: 'meeting',
			dueAt: sooner.startsAt,
			objected: false
		});

		await recordApproval(team.ipoBestuurder, sooner.id, { decision: 'akkoord' });
		expect(ids(await myWork(team.ipoBestuurder), 'akkoordWaiting', mine)).toEqual([later.id]);
		// Another party's word changes nothing for IPO, and IPO's nothing for VNG.
		expect(ids(await myWork(team.vngBestuurder), 'akkoordWaiting', mine)).toEqual([
			sooner.id,
			later.id
		]);

		await recordApproval(team.ipoBestuurder, later.id, {
			decision: 'bezwaar',
			reason: 'Het financiële punt ontbreekt.'
		});
		const objected = section(await myWork(team.ipoBestuurder), 'akkoordWaiting');
		expect(objected.find((task) => task.id === later.id)?.objected).toBe(true);
	});

	it('sees an akkoord that a change reset, with what changed', async () => {
		const meeting = await inAlignment(30);
		await recordApproval(team.uvwBestuurder, meeting.id, { decision: 'akkoord' });
		expect(allIds(await myWork(team.uvwBestuurder))).not.toContain(meeting.id);

		const extra = await submitted(team.ipoMedewerker, meeting.id, { title: 'Het extra punt' });
		await placeItem(team.secretariaat, extra.id, { minutes: 10 });

		const work = await myWork(team.uvwBestuurder);
		expect(ids(work, 'akkoordWaiting', [meeting.id])).toEqual([]);
		const reset = section(work, 'akkoordReset').find((task) => task.id === meeting.id);
		expect(reset).toMatchObject({ action: 'judgeAgain', dueAt: meeting.startsAt });
		expect(reset!.changes).toEqual(['"Het extra punt" is op de agenda gezet als punt 2.']);
	});
});

describe('the secretariaat', () => {
	it('sees its werkvoorraad: what /secretariaat shows, with one action each', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		const toOpen = await planned(team.secretariaat, {}, 45);
		const aligned = await openMeetingFor(team, 33);
		await placedItem(team, team.ipoMedewerker, aligned.id);
		await startAgendaAlignment(team.secretariaat, aligned.id);
		await recordApproval(team.rijkBestuurder, aligned.id, { decision: 'akkoord' });

		const work = await myWork(team.secretariaat);
		expect(work.role).toBe('secretariaat');
		expect(work.sections.map((row) => row.kind)).toEqual([
			'lateSubmissions',
			'inAlignment',
			'toSchedule',
			'toMarkHeld',
			'toMarkTreated',
			'decisionLists',
			'toOpen'
		]);
		expect(section(work, 'toSchedule').find((task) => task.id === item.id)).toMatchObject({
			action: 'schedule',
			href: `/agendapunten/${item.id}`,
			organisationName: 'VNG',
			dueKind: 'waitingSince'
		});
		expect(section(work, 'toOpen').find((task) => task.id === toOpen.id)?.action).toBe(
			'openMeeting'
		);
		expect(section(work, 'inAlignment').find((task) => task.id === aligned.id)).toMatchObject({
			action: 'followAlignment',
			akkoordCount: 1
		});

		// The same werkvoorraad as the overview page, item for item and meeting for meeting.
		const overview = await secretariatOverview(team.secretariaat);
		const sameIds = (kind: SectionKind, rows: { id: string }[]) =>
			expect(
				section(work, kind)
					.map((task) => task.id)
					.sort()
			).toEqual(rows.map((row) => row.id).sort());
		sameIds('lateSubmissions', overview.lateSubmissions);
		sameIds('toSchedule', overview.toSchedule);
		sameIds('inAlignment', overview.inAlignment);
		sameIds('toMarkHeld', overview.toMarkHeld);
		sameIds('toMarkTreated', overview.toMarkTreated);
		sameIds('toOpen', overview.toOpen);
	});

	it('sees which parties object to an agenda in afstemming, until they agree', async () => {
		const meeting = await openMeetingFor(team, 36);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		const task = async () =>
			section(await myWork(team.secretariaat), 'inAlignment').find((row) => row.id === meeting.id);
		expect(await task()).toMatchObject({ objectedBy: [], akkoordCount: 0 });

		await recordApproval(team.uvwBestuurder, meeting.id, {
			decision: 'bezwaar',
			reason: 'De waterschappen ontbreken.'
		});
		await recordApproval(team.vngBestuurder, meeting.id, {
			decision: 'bezwaar',
			reason: 'Te vol.'
		});
		await recordApproval(team.rijkBestuurder, meeting.id, { decision: 'akkoord' });
		// In the parties' order, whatever the order of their word.
		expect(await task()).toMatchObject({ objectedBy: ['vng', 'uvw'], akkoordCount: 1 });

		await recordApproval(team.uvwBestuurder, meeting.id, { decision: 'akkoord' });
		expect(await task()).toMatchObject({ objectedBy: ['vng'], akkoordCount: 2 });
	});

	it('is asked to adopt an agenda all four parties agreed to', async () => {
		const meeting = await openMeetingFor(team, 38);
		await placedItem(team, team.vngMedewerker, meeting.id);
		await startAgendaAlignment(team.secretariaat, meeting.id);
		for (const bestuurder of [
			team.rijkBestuurder,
			team.vngBestuurder,
			team.ipoBestuurder,
			team.uvwBestuurder
		])
			await recordApproval(bestuurder, meeting.id, { decision: 'akkoord' });
		const work = await myWork(team.secretariaat);
		expect(section(work, 'inAlignment').find((task) => task.id === meeting.id)).toMatchObject({
			action: 'adopt',
			akkoordCount: 4
		});
	});
});

describe('who may open it', () => {
	it('a beheerder has no agenda work; nobody signed in is not let in', async () => {
		expect(await myWork(team.beheerder)).toEqual({ role: 'beheerder', party: null, sections: [] });
		const refused = await rejection(myWork(null));
		expect(refused).toBeInstanceOf(AccessError);
		expect((refused as AccessError).status).toBe(404);
	});

	it('a read-only API token is offered no section whose action it may not take', async () => {
		const work = await myWork({ ...team.vngMedewerker, via: 'token', scope: 'read' });
		expect(work.sections.map((row) => row.kind)).toEqual(['coSponsorWaiting']);
	});
});
