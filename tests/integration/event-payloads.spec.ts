import { asc, gt, max } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDb } from '../../src/lib/server/db';
import { events } from '../../src/lib/server/db/schema';
import {
	addComment,
	approveLateSubmission,
	declineItem,
	deferItem,
	deleteComment,
	discardConcept,
	draftItem,
	editComment,
	inviteCoSponsor,
	markTreated,
	placeItem,
	recordApproval,
	reorderAgenda,
	respondCoSponsor,
	submitItem,
	updateItem,
	withdrawCoSponsorInvitation,
	withdrawItem
} from '../../src/lib/server/agenda';
import { deleteAttachment, uploadAttachment } from '../../src/lib/server/attachments';
import { startAgendaAlignment } from '../../src/lib/server/meetings';
import {
	markNotificationsRead,
	updateNotificationPreferences
} from '../../src/lib/server/notifications';
import { toWire } from '../../src/lib/server/realtime/rooms';
import { withPublishedVersions } from '../../src/lib/server/publications/live';
import {
	adoptDecisionList,
	answerCorrection,
	carryOver,
	getDecisionList,
	openSession,
	proposeCorrection,
	publishDecisionList,
	recordDecision,
	setCurrentItem,
	startVerification,
	verifyDecisionList
} from '../../src/lib/server/decisions';
import { adoptedMeeting } from './decisions/fixtures';
import {
	addOwner,
	createAgreement,
	linkOnward,
	recordRatification,
	removeOwner,
	reportProgress,
	setStatus,
	unlinkOnward,
	updateAgreement
} from '../../src/lib/server/agreements';
import {
	eventPayloads,
	parsePayload,
	type PayloadType
} from '../../src/lib/realtime/event-payloads';
import { useProcessDatabase } from './process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	placedItem,
	submitted,
	type Team
} from './agenda/fixtures';
import { samples } from './attachments/sample-files';
import {
	commentOnArrangement,
	createArrangement,
	createCircular,
	createTask,
	markFigures,
	recordCircularAmounts,
	reportNeed,
	setArrangementStatus,
	updateArrangement
} from '../../src/lib/server/finance';

/*
 * The catalogue of live payloads (src/lib/realtime/event-payloads.ts) against what the verbs
 * really write: a realistic run through every step whose events a page applies, and then every
 * event in the log, as a client receives it, must parse against its type's schema, field for
 * field. A field the server adds without the catalogue, or drops from it, fails here.
 */

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function newestEventId(): Promise<number> {
	const db = await useDb();
	const [row] = await db.select({ id: max(events.id) }).from(events);
	return row?.id ?? 0;
}

/** The item and agenda verbs, one after the other, as a meeting's preparation goes. */
async function aMeetingsPreparation() {
	const meeting = await openMeetingFor(team);
	const later = await openMeetingFor(team, 60);

	// VNG drafts, retitles and submits; IPO co-sponsors; the secretariaat places it.
	const draft = await draftItem(team.vngMedewerker, itemInput({ meetingId: meeting.id }));
	await updateItem(team.vngMedewerker, draft.id, {
		expectedVersion: 1,
		title: 'Jeugdzorg: de tekorten'
	});
	const item = await submitItem(team.vngMedewerker, draft.id);
	await inviteCoSponsor(team.vngMedewerker, item.id, { party: 'ipo' });
	await respondCoSponsor(team.ipoMedewerker, item.id, { accept: true });
	await placeItem(team.secretariaat, item.id, { minutes: 30 });

	// The discussion: a comment, a reply, an edit, a deletion by the secretariaat.
	const question = await addComment(team.ipoMedewerker, item.id, {
		body: 'Doen de provincies mee?'
	});
	await addComment(team.vngMedewerker, item.id, { body: 'Graag.', parentId: question.id });
	await editComment(team.ipoMedewerker, question.id, { body: 'Doen alle provincies mee?' });
	await deleteComment(team.secretariaat, question.id);

	// A document comes and goes.
	const file = await uploadAttachment(team.vngMedewerker, item.id, {
		filename: 'notitie.pdf',
		bytes: samples.pdf
	});
	await deleteAttachment(team.vngMedewerker, file.id);

	// A second item; the order changes; the parties judge the agenda, and a change resets it.
	const rijk = await placedItem(team, team.bzkMedewerker, meeting.id, 45);
	await reorderAgenda(team.secretariaat, meeting.id, { orderedItemIds: [rijk.id, item.id] });
	await startAgendaAlignment(team.secretariaat, meeting.id);
	await recordApproval(team.vngBestuurder, meeting.id, { decision: 'akkoord' });
	await placeItem(team.secretariaat, item.id, { minutes: 35 });

	// The other ends of an item: deferred, declined, withdrawn, a late one allowed, one treated.
	await deferItem(team.secretariaat, rijk.id, { reason: 'Eerst de BOFv', toMeetingId: later.id });
	const declined = await submitted(team.uvwMedewerker, later.id);
	await declineItem(team.secretariaat, declined.id, { reason: 'Hoort aan de sectortafel' });
	const withdrawn = await submitted(team.ipoMedewerker, later.id);
	await withdrawItem(team.ipoMedewerker, withdrawn.id);
	const soon = await openMeetingFor(team, 3);
	const late = await submitted(team.ipoMedewerker, soon.id);
	await approveLateSubmission(team.secretariaat, late.id);
	await forceMeetingStatus(meeting.id, 'gehouden');
	await markTreated(team.secretariaat, item.id);

	// A concept's co-sponsor wish (the organisation's own), taken back; a concept discarded.
	const wished = await draftItem(team.ipoMedewerker, itemInput({ meetingId: null }));
	await inviteCoSponsor(team.ipoMedewerker, wished.id, { party: 'uvw' });
	await withdrawCoSponsorInvitation(team.ipoMedewerker, wished.id, { party: 'uvw' });
	await discardConcept(team.ipoMedewerker, wished.id, { version: wished.version });

	// Meeting mode: the current item, a decision with a commitment, an item carried over.
	const { meeting: session, items: sessionItems } = await adoptedMeeting(team);
	await openSession(team.secretariaat, session.id);
	await setCurrentItem(team.secretariaat, session.id, { itemId: sessionItems[1]!.id });
	await recordDecision(team.secretariaat, sessionItems[0]!.id, {
		outcome: 'aangenomen',
		dicta: ['de notitie vast te stellen;', 'haar toe te zenden aan de Kamer.'],
		explanation: 'Hamerstuk.',
		hamerstuk: true,
		commitments: [
			{
				party: 'rijk',
				holder: 'De minister van BZK',
				description: 'Schrijft de Kamer.',
				dueDate: '2027-03-01'
			}
		]
	});
	await carryOver(team.secretariaat, session.id, {
		itemIds: [sessionItems[2]!.id],
		toMeetingId: later.id,
		reason: 'Niet aan toegekomen.'
	});

	// The besluitenlijst's way: sent, an akkoord, a correction taken over (which resets it),
	// the four agree, adopted, published and corrected after publication.
	await forceMeetingStatus(session.id, 'gehouden');
	const closesOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
	await startVerification(team.secretariaat, session.id, { closesOn });
	await verifyDecisionList(team.rijkBestuurder, session.id);
	const [decided] = (await getDecisionList(team.secretariaat, session.id))!.decisions;
	const correction = await proposeCorrection(team.ipoBestuurder, session.id, {
		decisionId: decided!.id,
		proposal: '1. de notitie vast te stellen.',
		reason: 'Zo is het gezegd.'
	});
	await answerCorrection(team.secretariaat, correction.id, { accept: true });
	for (const bestuurder of [
		team.rijkBestuurder,
		team.vngBestuurder,
		team.ipoBestuurder,
		team.uvwBestuurder
	])
		await verifyDecisionList(bestuurder, session.id);
	await adoptDecisionList(team.secretariaat, session.id);
	await publishDecisionList(team.secretariaat, session.id, { publicItemIds: [] });

	// The agreements that follow (server/agreements): made, edited, owned, started, reported on,
	// ratified, handed on and taken back.
	const agreement = await createAgreement(team.secretariaat, {
		decisionId: decided!.id,
		deadline: '2027-06-30',
		owners: [{ party: 'vng', contactPersonId: team.vngMedewerker.personId }]
	});
	const next = await createAgreement(team.secretariaat, {
		meetingId: session.id,
		title: 'De verdeling in het BOFv',
		deadline: '2027-09-30',
		owners: [{ party: 'ipo', contactPersonId: team.ipoMedewerker.personId }]
	});
	await updateAgreement(team.secretariaat, agreement.id, { deadline: '2027-07-31' });
	const owned = await addOwner(team.secretariaat, agreement.id, {
		party: 'uvw',
		contactPersonId: team.uvwMedewerker.personId
	});
	await removeOwner(team.secretariaat, agreement.id, {
		ownerId: owned.owners.find((owner) => owner.party === 'uvw')!.id
	});
	await setStatus(team.vngMedewerker, agreement.id, { status: 'in_uitvoering' });
	await reportProgress(team.vngMedewerker, agreement.id, { text: 'Gestart.', percent: 10 });
	await recordRatification(team.vngBestuurder, agreement.id, {
		koepel: 'vng',
		state: 'lopend',
		closesOn: '2027-02-01'
	});
	const { link } = await linkOnward(team.secretariaat, agreement.id, { toAgreementId: next.id });
	await unlinkOnward(team.secretariaat, agreement.id, { linkId: link.id, reason: 'Per abuis.' });

	// The money that follows (server/finance): recorded with its first schedule (an entry),
	// edited, marked, discussed, moved on, processed in a circular, and a task's need reported.
	const arrangement = await createArrangement(team.finMedewerker, {
		title: 'Middelen jeugdzorg 2027',
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'incidenteel',
		agreementId: agreement.id,
		schedule: [{ year: 2027, amountCents: 41_400_000_000 }],
		reason: 'eerste kasritme'
	});
	await updateArrangement(team.finMedewerker, arrangement.id, { title: 'Jeugdzorg 2027' });
	await markFigures(team.vngBestuurder, arrangement.id, { verdict: 'eens', scheduleVersion: 1 });
	await commentOnArrangement(team.vngMedewerker, arrangement.id, { body: 'Klopt.' });
	await setArrangementStatus(team.finMedewerker, arrangement.id, { status: 'toegezegd' });
	const circular = await createCircular(team.finMedewerker, {
		kind: 'mei',
		year: 2027,
		publishedOn: '2027-06-01'
	});
	await recordCircularAmounts(team.finMedewerker, circular.id, {
		amounts: [{ arrangementId: arrangement.id, year: 2027, amountCents: 41_400_000_000 }]
	});
	const task = await createTask(team.finMedewerker, {
		name: 'Jeugdzorg',
		law: 'Jeugdwet',
		layers: ['gemeenten'],
		arrangementIds: [arrangement.id]
	});
	await reportNeed(team.vngMedewerker, task.id, {
		party: 'vng',
		year: 2027,
		amountCents: 50_000_000_000,
		source: 'Groeipijn'
	});

	// What the steps asked of people (server/notifications): the proposer reads it, and changes
	// which mail she gets.
	await markNotificationsRead(team.vngMedewerker, { all: true });
	await updateNotificationPreferences(team.vngMedewerker, {
		version: 1,
		language: 'en',
		mailKinds: ['item_placed'],
		digest: true,
		digestTime: '07:30'
	});
}

describe('the live payloads the verbs write', () => {
	it('every event of a meeting’s preparation parses against its type, field for field', async () => {
		const before = await newestEventId();
		await aMeetingsPreparation();
		const db = await useDb();
		// As a client receives them: a publication with its version added on the way out.
		const written = await withPublishedVersions(
			db,
			(await db.select().from(events).where(gt(events.id, before)).orderBy(asc(events.id))).map(
				toWire
			)
		);

		const catalogued = written.filter((event) => Object.hasOwn(eventPayloads, event.type));
		for (const event of catalogued) {
			const parsed = parsePayload(event);
			expect(parsed, `${event.type} ${JSON.stringify(event.payload)}`).not.toBeNull();
			// The schemas strip what they do not name: equal means nothing is left undescribed.
			expect(parsed!.payload, event.type).toEqual(event.payload);
		}
		// The run wrote every type the catalogue describes; what else it wrote is the meetings' own.
		expect(new Set(catalogued.map((event) => event.type))).toEqual(
			new Set(Object.keys(eventPayloads) as PayloadType[])
		);
		const others = written.filter((event) => !Object.hasOwn(eventPayloads, event.type));
		expect(new Set(others.map((event) => event.type))).toEqual(
			new Set([
				'meeting.planned.v1',
				'meeting.opened.v1',
				'meeting.alignment_started.v1',
				'agenda.adopted.v1'
			])
		);
	});
});
