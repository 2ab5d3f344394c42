import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { events } from '../../../src/lib/server/db/schema';
import {
	InvalidInputError,
	StaleVersionError,
	StateError
} from '../../../src/lib/server/kernel/errors';
import {
	draftItem,
	getItem,
	listRevisions,
	submitItem,
	updateItem,
	withdrawItem
} from '../../../src/lib/server/agenda';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	planned,
	rejection,
	submitted,
	type Team
} from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function eventsOf(itemId: string) {
	const db = await useDb();
	return db
		.select({ type: events.type, audience: events.audience })
		.from(events)
		.where(and(eq(events.subjectType, 'agenda_item'), eq(events.subjectId, itemId)))
		.orderBy(asc(events.id));
}

describe('draftItem', () => {
	it('allowed: a medewerker, a bestuurder and the secretariaat draft, for a meeting or the list', async () => {
		const meeting = await openMeetingFor(team);
		for (const actor of [team.vngMedewerker, team.ipoBestuurder, team.secretariaat]) {
			const item = await draftItem(actor, itemInput({ meetingId: meeting.id }));
			expect(item).toMatchObject({
				status: 'concept',
				version: 1,
				proposingOrganisationId: actor.organisationId,
				proposingParty: actor.party,
				meetingId: meeting.id
			});
		}
		const unscheduled = await draftItem(team.bzkMedewerker, itemInput());
		expect(unscheduled).toMatchObject({ meetingId: null, proposingParty: 'rijk' });
		expect(await eventsOf(unscheduled.id)).toEqual([
			{
				type: 'agenda_item.drafted.v1',
				audience: [`organisation:${team.bzkMedewerker.organisationId}`]
			}
		]);
		expect(await listRevisions(team.bzkMedewerker, unscheduled.id)).toHaveLength(1);
	});

	it('denied: a beheerder may not draft (403)', async () => {
		const caught = await rejection(draftItem(team.beheerder, itemInput()));
		expect((caught as AccessError).status).toBe(403);
	});

	it('denied: not for a meeting whose agenda was adopted, held or cancelled', async () => {
		const meeting = await planned(team.secretariaat);
		for (const status of ['agenda_vastgesteld', 'gehouden', 'geannuleerd'] as const) {
			await forceMeetingStatus(meeting.id, status);
			const caught = await rejection(
				draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }))
			);
			expect(caught, status).toBeInstanceOf(StateError);
		}
	});

	it('bad input gets Dutch messages per field, never a crash', async () => {
		const cases: [unknown, string][] = [
			[null, 'title'],
			[{ ...itemInput(), title: 'x' }, 'title'],
			[{ ...itemInput(), purpose: 'gezelligheid' }, 'purpose'],
			[{ ...itemInput(), purpose: 'besluitvorming' }, 'proposedDecision'],
			[{ ...itemInput(), financialConsequences: 'ja' }, 'financialExplanation'],
			[{ ...itemInput(), confidentiality: 'geheim' }, 'confidentiality'],
			[{ ...itemInput(), meetingId: 'vergadering-1' }, 'meetingId'],
			[{ ...itemInput(), summary: 'x'.repeat(20_001) }, 'summary'],
			[{ ...itemInput(), title: 42 }, 'title']
		];
		for (const [input, field] of cases) {
			const caught = await rejection(draftItem(team.vngMedewerker, input));
			expect(caught, field).toBeInstanceOf(InvalidInputError);
			expect((caught as InvalidInputError).fields[field], field).toMatch(/[a-z]/);
		}
		const unknownMeeting = await rejection(
			draftItem(team.vngMedewerker, itemInput({ meetingId: crypto.randomUUID() }))
		);
		expect((unknownMeeting as AccessError).status).toBe(404);
	});
});

describe('a concept is its organisation’s alone', () => {
	it('every other party and the secretariaat get 404 on every read and write; colleagues see it', async () => {
		const meeting = await openMeetingFor(team);
		const concept = await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
		expect((await getItem(team.vngBestuurder, concept.id)).id).toBe(concept.id);
		const outsiders = [
			team.ipoMedewerker,
			team.ipoBestuurder,
			team.uvwBestuurder,
			team.bzkMedewerker,
			team.rijkBestuurder,
			team.secretariaat,
			team.beheerder
		];
		for (const actor of outsiders) {
			for (const attempt of [
				() => getItem(actor, concept.id),
				() => listRevisions(actor, concept.id),
				() => updateItem(actor, concept.id, { expectedVersion: 1, title: 'Overgenomen' }),
				() => submitItem(actor, concept.id),
				() => withdrawItem(actor, concept.id)
			]) {
				const caught = await rejection(attempt());
				expect(caught).toBeInstanceOf(AccessError);
				expect((caught as AccessError).status).toBe(404);
			}
		}
	});

	it('a ministry’s concept is not visible to another ministry of the Rijk either', async () => {
		const concept = await draftItem(team.bzkMedewerker, itemInput());
		const caught = await rejection(getItem(team.finMedewerker, concept.id));
		expect((caught as AccessError).status).toBe(404);
	});
});

describe('updateItem', () => {
	it('allowed: a colleague of the proposer edits; the version goes up and a revision is kept', async () => {
		const item = await draftItem(team.vngMedewerker, itemInput());
		const saved = await updateItem(team.vngBestuurder, item.id, {
			expectedVersion: 1,
			title: 'Jeugdzorg: de Hervormingsagenda',
			purpose: 'besluitvorming',
			proposedDecision: 'Het overleg stemt in met de Hervormingsagenda.'
		});
		expect(saved).toMatchObject({ version: 2, title: 'Jeugdzorg: de Hervormingsagenda' });
		expect((await listRevisions(team.vngMedewerker, item.id)).map((r) => r.version)).toEqual([
			1, 2
		]);
		const unchanged = await updateItem(team.vngMedewerker, item.id, { expectedVersion: 2 });
		expect(unchanged.version).toBe(2);
	});

	it('denied: another party may see a submitted item but not edit it (403)', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		for (const actor of [team.ipoMedewerker, team.secretariaat, team.rijkBestuurder]) {
			const caught = await rejection(
				updateItem(actor, item.id, { expectedVersion: 1, title: 'Overgenomen punt' })
			);
			expect((caught as AccessError).status).toBe(403);
		}
	});

	it('a stale version is refused with the fields that changed since', async () => {
		const item = await draftItem(team.vngMedewerker, itemInput());
		await updateItem(team.vngMedewerker, item.id, { expectedVersion: 1, summary: 'Nieuwe tekst' });
		const caught = await rejection(
			updateItem(team.vngBestuurder, item.id, { expectedVersion: 1, title: 'Mijn titel' })
		);
		expect(caught).toBeInstanceOf(StaleVersionError);
		expect((caught as StaleVersionError).changedFields).toEqual(['summary']);
		expect((caught as Error).message).toContain('samenvatting');
	});

	it('two parallel saves with the same version: exactly one wins, the other gets the conflict', async () => {
		const item = await draftItem(team.vngMedewerker, itemInput());
		const results = await Promise.allSettled([
			updateItem(team.vngMedewerker, item.id, { expectedVersion: 1, title: 'Versie van Fatima' }),
			updateItem(team.vngBestuurder, item.id, { expectedVersion: 1, title: 'Versie van Johan' })
		]);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(1);
		expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
		expect((lost[0] as PromiseRejectedResult).reason.changedFields).toEqual(['title']);
		const current = await getItem(team.vngMedewerker, item.id);
		expect(current.version).toBe(2);
		expect(current.title).toBe((won[0] as PromiseFulfilledResult<{ title: string }>).value.title);
	});

	it('bad input is a Dutch message; rules across fields hold against the stored item', async () => {
		const item = await draftItem(team.vngMedewerker, itemInput());
		const noVersion = await rejection(
			updateItem(team.vngMedewerker, item.id, { title: 'Een titel' })
		);
		expect((noVersion as InvalidInputError).fields.expectedVersion).toMatch(/versie/);
		const noDecision = await rejection(
			updateItem(team.vngMedewerker, item.id, { expectedVersion: 1, purpose: 'besluitvorming' })
		);
		expect((noDecision as InvalidInputError).fields.proposedDecision).toMatch(/besluit/);
		const garbage = await rejection(updateItem(team.vngMedewerker, item.id, 'titel=x'));
		expect(garbage).toBeInstanceOf(InvalidInputError);
	});
});

describe('submitItem', () => {
	it('allowed: the proposer submits; from then on every participant sees it and the event is for all', async () => {
		const meeting = await openMeetingFor(team);
		const item = await draftItem(team.ipoMedewerker, itemInput({ meetingId: meeting.id }));
		const saved = await submitItem(team.ipoBestuurder, item.id, { expectedVersion: 1 });
		expect(saved).toMatchObject({ status: 'ingediend', lateSubmission: false });
		for (const actor of [team.vngMedewerker, team.secretariaat, team.beheerder])
			expect((await getItem(actor, item.id)).status).toBe('ingediend');
		const types = await eventsOf(item.id);
		expect(types.at(-1)).toMatchObject({
			type: 'agenda_item.submitted.v1',
			audience: ['table']
		});
	});

	it('denied: not by another organisation, not twice, not before the meeting opens for proposals', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.ipoMedewerker, meeting.id);
		const again = await rejection(submitItem(team.ipoMedewerker, item.id));
		expect(again).toBeInstanceOf(StateError);
		const other = await rejection(submitItem(team.vngMedewerker, item.id));
		expect((other as AccessError).status).toBe(403);
		const notOpen = await planned(team.secretariaat);
		const early = await draftItem(team.ipoMedewerker, itemInput({ meetingId: notOpen.id }));
		const refused = await rejection(submitItem(team.ipoMedewerker, early.id));
		expect((refused as Error).message).toContain('nog niet open voor voorstellen');
	});

	it('after the deadline it is a late submission that waits for the secretariaat', async () => {
		const meeting = await openMeetingFor(team, 5);
		const item = await submitted(team.uvwMedewerker, meeting.id);
		expect(item).toMatchObject({
			status: 'ingediend',
			lateSubmission: true,
			lateSubmissionApproved: false
		});
	});
});

describe('withdrawItem', () => {
	it('allowed: the proposer withdraws a submitted item', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		const saved = await withdrawItem(team.vngBestuurder, item.id);
		expect(saved.status).toBe('ingetrokken');
	});

	it('denied: a concept was never on an agenda, so there is nothing to withdraw', async () => {
		const meeting = await openMeetingFor(team);
		const concept = await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
		const refused = await rejection(withdrawItem(team.vngMedewerker, concept.id));
		expect(refused).toBeInstanceOf(StateError);
		expect((refused as Error).message).toBe(
			'Een concept is nog niet ingediend: er is niets om in te trekken.'
		);
		expect((await getItem(team.vngMedewerker, concept.id)).status).toBe('concept');
	});

	it('denied: another party (403), and after the agenda was adopted (with a clear message)', async () => {
		const meeting = await openMeetingFor(team);
		const item = await submitted(team.vngMedewerker, meeting.id);
		const other = await rejection(withdrawItem(team.ipoBestuurder, item.id));
		expect((other as AccessError).status).toBe(403);
		await forceMeetingStatus(meeting.id, 'agenda_vastgesteld');
		const frozen = await rejection(withdrawItem(team.vngMedewerker, item.id));
		expect(frozen).toBeInstanceOf(StateError);
		expect((frozen as Error).message).toContain('vastgesteld');
	});
});
