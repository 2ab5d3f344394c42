import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import {
	discardConcept,
	draftItem,
	getItem,
	inviteCoSponsor,
	respondCoSponsor,
	searchAgenda,
	submitItem,
	updateItem,
	withdrawCoSponsorInvitation
} from '../../../src/lib/server/agenda';
import { uploadAttachment } from '../../../src/lib/server/attachments';
import { useDb } from '../../../src/lib/server/db';
import { agendaItems, events, meetings } from '../../../src/lib/server/db/schema';
import { StaleVersionError, StateError } from '../../../src/lib/server/kernel/errors';
import { myCoSponsoring } from '../../../src/lib/server/agenda/co-sponsored';
import { notified } from '../notifications/fixtures';
import { samples } from '../attachments/sample-files';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	rejection,
	submitted,
	type Team
} from './fixtures';

/**
 * Asking a co-sponsor while the item is a concept (the request goes out at the submission), and
 * discarding a concept. Notifications are written in their event's own transaction, so what a verb
 * committed is all there is when it returns: no waiting involved.
 */
useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function itemEvents(itemId: string) {
	const db = await useDb();
	return db
		.select({ id: events.id, type: events.type, audience: events.audience })
		.from(events)
		.where(and(eq(events.subjectType, 'agenda_item'), eq(events.subjectId, itemId)))
		.orderBy(asc(events.id));
}

describe('asking a co-sponsor on a concept', () => {
	it('allowed: the wish is the organisation’s until the submission sends it, and IPO is notified then', async () => {
		const meeting = await openMeetingFor(team);
		const concept = await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
		const wish = await inviteCoSponsor(team.vngMedewerker, concept.id, { party: 'ipo' });
		expect(wish).toMatchObject({ party: 'ipo', status: 'uitgenodigd' });

		// Only VNG sees it: the item (with its wish) is a 404 for IPO, and IPO has nothing to answer.
		expect((await getItem(team.vngBestuurder, concept.id)).coSponsors).toMatchObject([
			{ party: 'ipo', status: 'uitgenodigd' }
		]);
		expect(((await rejection(getItem(team.ipoMedewerker, concept.id))) as AccessError).status).toBe(
			404
		);
		const answer = await rejection(
			respondCoSponsor(team.ipoMedewerker, concept.id, { accept: true })
		);
		expect((answer as AccessError).status).toBe(404);
		expect((await myCoSponsoring(team.ipoMedewerker)).requests).toEqual([]);
		const early = await itemEvents(concept.id);
		expect(early.map((event) => event.type)).toEqual([
			'agenda_item.drafted.v1',
			'agenda_item.co_sponsor_intended.v1'
		]);
		expect(early[1]!.audience).toEqual([`organisation:${team.vngMedewerker.organisationId}`]);
		expect(await notified(team, 'co_sponsor_requested', concept.id)).toEqual([]);

		// A late submission also notifies the secretariaat: both come with the submission.
		await forceMeetingStatus(meeting.id, 'open_voor_voorstellen');
		const db = await useDb();
		await db
			.update(meetings)
			.set({ proposalDeadline: new Date(Date.now() - 60_000) })
			.where(eq(meetings.id, meeting.id));
		await submitItem(team.vngMedewerker, concept.id);
		expect(await notified(team, 'late_submission', concept.id)).toEqual(['secretariaat']);
		expect(await notified(team, 'co_sponsor_requested', concept.id)).toEqual([
			'ipoBestuurder',
			'ipoMedewerker'
		]);
		const after = (await itemEvents(concept.id)).slice(2);
		expect(after.map((event) => [event.type, event.audience])).toEqual([
			['agenda_item.submitted.v1', ['table']],
			['agenda_item.co_sponsor_invited.v1', ['table']]
		]);

		// Now IPO sees the request and answers it like any other.
		expect((await myCoSponsoring(team.ipoMedewerker)).requests.map((row) => row.id)).toEqual([
			concept.id
		]);
		await respondCoSponsor(team.ipoBestuurder, concept.id, { accept: true });
		expect((await getItem(team.uvwMedewerker, concept.id)).carriedBy).toEqual(['vng', 'ipo']);
		const mine = await myCoSponsoring(team.ipoMedewerker);
		expect(mine.requests).toEqual([]);
		expect(mine.carried.map((row) => row.id)).toContain(concept.id);
	});

	it('allowed: the wish is taken back before the submission; nobody is asked then', async () => {
		const concept = await draftItem(team.bzkMedewerker, itemInput());
		await inviteCoSponsor(team.bzkMedewerker, concept.id, { party: 'uvw' });
		await inviteCoSponsor(team.bzkMedewerker, concept.id, { party: 'vng' });
		const removed = await withdrawCoSponsorInvitation(team.bzkMedewerker, concept.id, {
			party: 'uvw'
		});
		expect(removed.party).toBe('uvw');
		expect((await getItem(team.bzkMedewerker, concept.id)).coSponsors).toMatchObject([
			{ party: 'vng', status: 'uitgenodigd' }
		]);
		await submitItem(team.bzkMedewerker, concept.id);
		expect(await notified(team, 'co_sponsor_requested', concept.id)).toEqual([
			'vngBestuurder',
			'vngMedewerker'
		]);
		expect((await itemEvents(concept.id)).map((event) => event.type)).toEqual([
			'agenda_item.drafted.v1',
			'agenda_item.co_sponsor_intended.v1',
			'agenda_item.co_sponsor_intended.v1',
			'agenda_item.co_sponsor_intent_withdrawn.v1',
			'agenda_item.submitted.v1',
			'agenda_item.co_sponsor_invited.v1'
		]);
	});

	it('denied: another organisation may not ask or take back; twice, or after submission, refused', async () => {
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const stranger = await rejection(
			inviteCoSponsor(team.ipoMedewerker, concept.id, { party: 'uvw' })
		);
		expect((stranger as AccessError).status).toBe(404);
		await inviteCoSponsor(team.vngMedewerker, concept.id, { party: 'ipo' });
		const twice = await rejection(
			inviteCoSponsor(team.vngMedewerker, concept.id, { party: 'ipo' })
		);
		expect((twice as StateError).message).toBe('IPO is al gevraagd.');
		const notAsked = await rejection(
			withdrawCoSponsorInvitation(team.vngMedewerker, concept.id, { party: 'uvw' })
		);
		expect((notAsked as StateError).message).toMatch(/niet gevraagd/);
		const foreign = await rejection(
			withdrawCoSponsorInvitation(team.ipoMedewerker, concept.id, { party: 'ipo' })
		);
		expect((foreign as AccessError).status).toBe(404);
		// The secretariaat sees no concept of VNG's either.
		const secretariat = await rejection(
			withdrawCoSponsorInvitation(team.secretariaat, concept.id, { party: 'ipo' })
		);
		expect((secretariat as AccessError).status).toBe(404);

		const sent = await submitted(team.vngMedewerker, null);
		await inviteCoSponsor(team.vngMedewerker, sent.id, { party: 'uvw' });
		const late = await rejection(
			withdrawCoSponsorInvitation(team.vngMedewerker, sent.id, { party: 'uvw' })
		);
		expect(late).toBeInstanceOf(StateError);
		expect((late as StateError).message).toMatch(/al verstuurd/);
		expect((await getItem(team.uvwMedewerker, sent.id)).coSponsors).toMatchObject([
			{ party: 'uvw', status: 'uitgenodigd' }
		]);
	});
});

describe('discarding a concept', () => {
	it('allowed: the concept, its history and its wishes go; the log keeps the trace for VNG only', async () => {
		const concept = await draftItem(
			team.vngMedewerker,
			itemInput({ title: 'Een concept over de gemeentefondsuitkering' })
		);
		const edited = await updateItem(team.vngMedewerker, concept.id, {
			expectedVersion: 1,
			summary: 'Nog niet af.'
		});
		await inviteCoSponsor(team.vngMedewerker, concept.id, { party: 'ipo' });
		await uploadAttachment(team.vngMedewerker, concept.id, {
			filename: 'notitie.pdf',
			bytes: samples.pdf
		});
		const gone = await discardConcept(team.vngBestuurder, concept.id, {
			expectedVersion: edited.version
		});
		expect(gone).toMatchObject({ id: concept.id, title: concept.title });
		const db = await useDb();
		expect(await db.select().from(agendaItems).where(eq(agendaItems.id, concept.id))).toEqual([]);
		expect(((await rejection(getItem(team.vngMedewerker, concept.id))) as AccessError).status).toBe(
			404
		);
		const found = await searchAgenda(team.vngMedewerker, { q: 'gemeentefondsuitkering' });
		expect(JSON.stringify(found)).not.toContain(concept.id);
		const trace = await itemEvents(concept.id);
		expect(trace.at(-1)).toMatchObject({
			type: 'agenda_item.discarded.v1',
			audience: [`organisation:${team.vngMedewerker.organisationId}`]
		});
		expect(trace.length).toBeGreaterThanOrEqual(4);
	});

	it('denied: a submitted item, another organisation’s concept, a stale version', async () => {
		const sent = await submitted(team.vngMedewerker, null);
		const refused = await rejection(discardConcept(team.vngMedewerker, sent.id));
		expect(refused).toBeInstanceOf(StateError);
		expect((refused as StateError).message).toMatch(/trekt u in/);
		const concept = await draftItem(team.vngMedewerker, itemInput());
		const other = await rejection(discardConcept(team.ipoMedewerker, concept.id));
		expect((other as AccessError).status).toBe(404);
		await updateItem(team.vngMedewerker, concept.id, { expectedVersion: 1, title: 'Nieuw' });
		const stale = await rejection(
			discardConcept(team.vngMedewerker, concept.id, { expectedVersion: 1 })
		);
		expect(stale).toBeInstanceOf(StaleVersionError);
		expect((await getItem(team.vngMedewerker, concept.id)).title).toBe('Nieuw');
		expect((await getItem(team.vngMedewerker, sent.id)).status).toBe('ingediend');
	});
});
