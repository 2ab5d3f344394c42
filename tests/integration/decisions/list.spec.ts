import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { decisionListVersions, decisionLists, events } from '../../../src/lib/server/db/schema';
import {
	adoptDecisionList,
	answerCorrection,
	getDecisionList,
	proposeCorrection,
	publishCorrection,
	publishDecisionList,
	recordDecision,
	startVerification,
	verifyDecisionList
} from '../../../src/lib/server/decisions';
import { InvalidInputError, StateError } from '../../../src/lib/server/kernel/errors';
import { markHeld } from '../../../src/lib/server/meetings';
import type { PublishedList } from '../../../src/lib/decisions/published';
import { useProcessDatabase } from '../process-env';
import { createTeam, forceItem, rejection, type Team } from '../agenda/fixtures';
import { adoptedMeeting, bestuurders, decideAll } from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** A held meeting with three decided items; the third is vertrouwelijk. */
async function heldMeeting() {
	const { meeting, items } = await adoptedMeeting(team);
	await forceItem(items[2]!.id, { confidentiality: 'vertrouwelijk' });
	await decideAll(
		team,
		items.map((item) => item.id)
	);
	await markHeld(team.secretariaat, meeting.id);
	return { meeting, items };
}

async function inVerification() {
	const held = await heldMeeting();
	await startVerification(team.secretariaat, held.meeting.id, { closesOn: inAWeek() });
	return held;
}

const states = async (meetingId: string) =>
	(await getDecisionList(team.secretariaat, meetingId))!.verifications.map((v) => v.state);

describe('startVerification', () => {
	it('allowed: the secretariaat sends a held meeting’s list, with a closing date', async () => {
		const { meeting } = await heldMeeting();
		const list = await startVerification(team.secretariaat, meeting.id, { closesOn: inAWeek() });
		expect(list.status).toBe('ter_verificatie');
		const view = await getDecisionList(team.ipoMedewerker, meeting.id);
		expect(view!.decisions).toHaveLength(3);
		expect(view!.verifications.map((v) => v.state)).toEqual(['open', 'open', 'open', 'open']);
	});

	it('denied: a bestuurder may not (403); a past date is refused (400); twice is refused (409)', async () => {
		const { meeting } = await heldMeeting();
		const caught = await rejection(
			startVerification(team.vngBestuurder, meeting.id, { closesOn: inAWeek() })
		);
		expect((caught as AccessError).status).toBe(403);
		const past = await rejection(
			startVerification(team.secretariaat, meeting.id, { closesOn: '2020-01-01' })
		);
		expect((past as InvalidInputError).fields.closesOn).toMatch(/na vandaag/);
		await startVerification(team.secretariaat, meeting.id, { closesOn: inAWeek() });
		expect(
			await rejection(startVerification(team.secretariaat, meeting.id, { closesOn: inAWeek() }))
		).toBeInstanceOf(StateError);
	});
});

describe('verification by the four parties', () => {
	it('allowed: bestuurders mark it akkoord; a change taken over resets the akkoorden it no longer matches', async () => {
		const { meeting } = await inVerification();
		await verifyDecisionList(team.rijkBestuurder, meeting.id);
		await verifyDecisionList(team.vngBestuurder, meeting.id);
		const list = await getDecisionList(team.secretariaat, meeting.id);
		const correction = await proposeCorrection(team.ipoBestuurder, meeting.id, {
			decisionId: list!.decisions[0]!.id,
			proposal: '1. kennis te nemen van de brief;\n2. de BOFv te vragen om advies.',
			reason: 'Zo is het in de vergadering gezegd.'
		});
		// Every party sees the proposal.
		const seen = await getDecisionList(team.uvwMedewerker, meeting.id);
		expect(seen!.corrections).toEqual([
			expect.objectContaining({ id: correction.id, party: 'ipo', status: 'voorgesteld' })
		]);
		expect(await states(meeting.id)).toEqual(['akkoord', 'akkoord', 'correcties', 'open']);

		await answerCorrection(team.secretariaat, correction.id, { accept: true });
		const after = await getDecisionList(team.secretariaat, meeting.id);
		expect(after!.decisions[0]!.dicta).toEqual([
			'kennis te nemen van de brief;',
			'de BOFv te vragen om advies.'
		]);
		expect(await states(meeting.id)).toEqual([
			'opnieuw_beoordelen',
			'opnieuw_beoordelen',
			'correcties',
			'open'
		]);
		// The parties whose akkoord was reset see what changed: decision 1.
		const reset = (await getDecisionList(team.rijkBestuurder, meeting.id))!.verifications[0]!;
		expect(reset.changedSince).toEqual([1]);
		const db = await useDb();
		const resets = await db
			.select()
			.from(events)
			.where(eq(events.type, 'decision_list.verification_reset.v1'));
		expect(resets.filter((e) => e.meetingId === meeting.id)).toHaveLength(2);
	});

	it('denied: the secretariaat and a medewerker without delegation may not verify; outside verification it is refused', async () => {
		const { meeting } = await heldMeeting();
		expect(await rejection(verifyDecisionList(team.vngBestuurder, meeting.id))).toBeInstanceOf(
			StateError
		);
		await startVerification(team.secretariaat, meeting.id, { closesOn: inAWeek() });
		for (const actor of [team.secretariaat, team.vngMedewerker]) {
			const caught = await rejection(verifyDecisionList(actor, meeting.id));
			expect((caught as AccessError).status).toBe(403);
		}
		const list = await getDecisionList(team.secretariaat, meeting.id);
		const refused = await rejection(
			proposeCorrection(team.secretariaat, meeting.id, {
				decisionId: list!.decisions[0]!.id,
				proposal: 'Iets anders.',
				reason: 'Omdat.'
			})
		);
		expect((refused as AccessError).status).toBe(403);
	});

	it('a declined correction needs a reason; only the secretariaat answers, once', async () => {
		const { meeting } = await inVerification();
		const list = await getDecisionList(team.secretariaat, meeting.id);
		const correction = await proposeCorrection(team.uvwBestuurder, meeting.id, {
			decisionId: list!.decisions[1]!.id,
			proposal: '1. anders.',
			reason: 'Niet zo besproken.'
		});
		const noReason = await rejection(
			answerCorrection(team.secretariaat, correction.id, { accept: false })
		);
		expect((noReason as InvalidInputError).fields.reason).toBeDefined();
		const byBestuurder = await rejection(
			answerCorrection(team.vngBestuurder, correction.id, { accept: true })
		);
		expect((byBestuurder as AccessError).status).toBe(403);
		const declined = await answerCorrection(team.secretariaat, correction.id, {
			accept: false,
			reason: 'Zo staat het in de notulen.'
		});
		expect(declined.status).toBe('afgewezen');
		expect(
			await rejection(answerCorrection(team.secretariaat, correction.id, { accept: true }))
		).toBeInstanceOf(StateError);
	});
});

describe('adoption and publication', () => {
	it('allowed: adopted with all four akkoord, published with the confirmed openbare items only; the version never changes', async () => {
		const { meeting, items } = await inVerification();
		for (const actor of bestuurders(team)) await verifyDecisionList(actor, meeting.id);
		const adopted = await adoptDecisionList(team.secretariaat, meeting.id);
		expect(adopted).toMatchObject({ status: 'vastgesteld', noResponseParties: [] });
		// Adopted: the decisions are fixed until publication.
		expect(
			await rejection(
				recordDecision(team.secretariaat, items[0]!.id, { outcome: 'ter_kennisgeving_aangenomen' })
			)
		).toBeInstanceOf(StateError);

		const confidential = await rejection(
			publishDecisionList(team.secretariaat, meeting.id, { publicItemIds: [items[2]!.id] })
		);
		expect((confidential as InvalidInputError).fields.publicItemIds).toMatch(/vertrouwelijk/);
		const version = await publishDecisionList(team.secretariaat, meeting.id, {
			publicItemIds: [items[0]!.id, items[1]!.id]
		});
		expect(version.number).toBe(1);
		const snapshot = version.snapshot as PublishedList;
		expect(snapshot.agenda.map((item) => item.number)).toEqual([1, 2]);
		expect(snapshot.decisions.map((d) => d.itemId)).toEqual([items[0]!.id, items[1]!.id]);
		expect(snapshot.confidentialItems).toBe(1);
		expect(JSON.stringify(snapshot)).not.toContain(items[2]!.id);

		const db = await useDb();
		const refused = await db
			.execute(sql`update decision_list_version set note = 'gewijzigd' where id = ${version.id}`)
			.then(
				() => null,
				(error: unknown) => error
			);
		expect(String((refused as { cause?: unknown })?.cause ?? refused)).toMatch(/never changes/);
		const deleted = await db
			.delete(decisionListVersions)
			.where(eq(decisionListVersions.id, version.id))
			.then(
				() => null,
				(error: unknown) => error
			);
		expect(deleted).not.toBeNull();

		// A correction after publication: a new version with its reason; the first stays.
		await recordDecision(team.secretariaat, items[1]!.id, {
			outcome: 'aangenomen',
			dicta: ['de notitie vast te stellen.'],
			version: 1
		});
		const second = await publishCorrection(team.secretariaat, meeting.id, {
			publicItemIds: [items[0]!.id, items[1]!.id],
			reasonKind: 'procedureel',
			note: 'Punt 2 was aangenomen, niet ter kennisgeving.'
		});
		expect(second).toMatchObject({ number: 2, reasonCode: 'c_c77c86e0' });
		const versions = await db
			.select()
			.from(decisionListVersions)
			.where(eq(decisionListVersions.meetingId, meeting.id));
		expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
		expect(
			(versions.find((v) => v.number === 1)!.snapshot as PublishedList).decisions[1]!.outcome
		).toBe('ter_kennisgeving_aangenomen');
	});

	it('after the closing date the list is adopted naming the parties that did not answer; before, it waits', async () => {
		const { meeting } = await inVerification();
		await verifyDecisionList(team.rijkBestuurder, meeting.id);
		await verifyDecisionList(team.ipoBestuurder, meeting.id);
		const early = await rejection(adoptDecisionList(team.secretariaat, meeting.id));
		expect(String(early)).toMatch(/Nog geen akkoord van VNG, de Unie van Waterschappen/);
		const db = await useDb();
		await db
			.update(decisionLists)
			.set({ verificationClosesAt: new Date(Date.now() - 1000) })
			.where(eq(decisionLists.meetingId, meeting.id));
		const adopted = await adoptDecisionList(team.secretariaat, meeting.id);
		expect(adopted.noResponseParties).toEqual(['vng', 'uvw']);
	});

	it('denied: a bestuurder may not adopt or publish (403); publishing before adoption is refused', async () => {
		const { meeting, items } = await inVerification();
		for (const run of [
			adoptDecisionList(team.vngBestuurder, meeting.id),
			publishDecisionList(team.vngBestuurder, meeting.id, { publicItemIds: [] })
		])
			expect(((await rejection(run)) as AccessError).status).toBe(403);
		expect(
			await rejection(
				publishDecisionList(team.secretariaat, meeting.id, { publicItemIds: [items[0]!.id] })
			)
		).toBeInstanceOf(StateError);
	});
});
