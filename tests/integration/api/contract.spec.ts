import { beforeAll, describe, expect, it } from 'vitest';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceMeetingStatus,
	itemInput,
	openMeetingFor,
	placedItem,
	planned,
	submitted,
	type Team
} from '../agenda/fixtures';
import { meetingInput } from '../meetings/fixtures';
import { draftItem } from '../../../src/lib/server/agenda';
import { samples } from '../attachments/sample-files';
import { contract, covered, documented } from './contract';
import { adoptedMeeting, decideAll, startsIn } from '../decisions/fixtures';
import { markHeld } from '../../../src/lib/server/meetings';
import { publishedListWith } from '../publications/fixtures';
import { call, ORIGIN } from './harness';
import { ownerOf, publishedDecisions } from '../agreements/fixtures';
import { financeOperations } from '../../../src/lib/server/openapi/finance-operations';

/*
 * The contract: every operation of the OpenAPI document is called with a valid request against
 * real data, and each real answer is validated against the document's own JSON Schema for that
 * operation and status. Response objects are closed (additionalProperties: false), so a field the
 * document does not name fails here, as does a named field that is missing or of another type.
 */

useProcessDatabase();

const day = 86_400_000;
let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

describe('every operation answers exactly what the document says', () => {
	it('general: who am I, the document itself', async () => {
		await contract('me', team.vngMedewerker);
		await contract('openapi', null);
	});

	it('meetings: list, plan, read (with its preparatory meeting), change, open, move, cancel, hold', async () => {
		const preparatory = await planned(team.secretariaat, { kind: 'ambtelijk_voorportaal' }, 20);
		const created = await contract('planMeeting', team.secretariaat, {
			body: meetingInput({ preparatoryMeetingId: preparatory.id, topic: 'Jeugdzorg' })
		});
		const id = created.body.id as string;
		const read = await contract('getMeeting', team.ipoMedewerker, { id });
		expect(read.body.preparatory).toMatchObject({ id: preparatory.id });
		const listed = await contract('listMeetings', team.vngMedewerker);
		expect(listed.list.length).toBeGreaterThan(0);
		await contract('updateMeeting', team.secretariaat, {
			id,
			body: { title: 'Overhedenoverleg najaar' },
			ifMatch: 1
		});
		await contract('openMeeting', team.secretariaat, { id, ifMatch: 2 });
		const startsAt = new Date(Date.now() + 45 * day);
		await contract('moveMeeting', team.secretariaat, {
			id,
			body: {
				startsAt: startsAt.toISOString(),
				endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString()
			},
			ifMatch: 3
		});
		await contract('cancelMeeting', team.secretariaat, {
			id,
			body: { reason: 'Het kabinet is gevallen.' },
			ifMatch: 4
		});

		const past = await planned(team.secretariaat, {}, -1);
		await forceMeetingStatus(past.id, 'agenda_vastgesteld');
		await contract('holdMeeting', team.secretariaat, { id: past.id, ifMatch: 1 });
	});

	it('items: draft, read, edit, submit, withdraw, place, defer, decline, late, treat', async () => {
		const meeting = await openMeetingFor(team);
		const later = await openMeetingFor(team, 60);
		const drafted = await contract('draftItem', team.vngMedewerker, {
			body: itemInput({
				meetingId: meeting.id,
				purpose: 'besluitvorming',
				proposedDecision: 'In te stemmen met het voorstel.',
				financialConsequences: 'ja',
				financialExplanation: 'Structureel € 300 mln.'
			})
		});
		const id = drafted.body.id as string;
		let version = (
			await contract('updateItem', team.vngMedewerker, {
				id,
				body: { summary: 'De tekorten lopen verder op.' },
				ifMatch: 1
			})
		).body.version as number;
		// Each step answers with the version the next one must name in If-Match.
		const step = async (operationId: string, body?: Record<string, unknown>) => {
			const answer = await contract(
				operationId,
				operationId === 'submitItem' ? team.vngMedewerker : team.secretariaat,
				{
					id,
					body,
					ifMatch: version
				}
			);
			version = answer.body.version as number;
		};
		await step('submitItem');
		await contract('getItem', team.ipoMedewerker, { id });
		await step('placeItem', { minutes: 25 });
		await step('deferItem', { reason: 'Eerst de meicirculaire afwachten.', toMeetingId: later.id });
		await step('declineItem', { reason: 'Hoort aan de sectorale tafel.' });

		const withdrawn = await submitted(team.ipoMedewerker, meeting.id);
		await contract('withdrawItem', team.ipoMedewerker, {
			id: withdrawn.id,
			ifMatch: withdrawn.version
		});

		const lateMeeting = await openMeetingFor(team, 30, {
			proposalDeadline: new Date(Date.now() - day).toISOString()
		});
		const late = await submitted(team.uvwMedewerker, lateMeeting.id);
		await contract('approveLateSubmission', team.secretariaat, {
			id: late.id,
			ifMatch: late.version
		});

		const held = await openMeetingFor(team);
		const treated = await placedItem(team, team.bzkMedewerker, held.id);
		await forceMeetingStatus(held.id, 'gehouden');
		await contract('treatItem', team.secretariaat, { id: treated.id, ifMatch: treated.version });
	});

	it('co-sponsors, comments with replies, revisions and their diff', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const id = item.id;
		await contract('inviteCoSponsor', team.vngMedewerker, { id, body: { party: 'ipo' } });
		await contract('respondCoSponsor', team.ipoBestuurder, { id, body: { accept: true } });
		await contract('inviteCoSponsor', team.vngMedewerker, { id, body: { party: 'uvw' } });
		const detail = await contract('getItem', team.uvwMedewerker, { id });
		expect(detail.body.coSponsors).toHaveLength(2);
		// On a concept a request waits for the submission and may be taken back; a concept may go.
		const concept = await draftItem(team.vngMedewerker, itemInput());
		await contract('inviteCoSponsor', team.vngMedewerker, {
			id: concept.id,
			body: { party: 'uvw' }
		});
		await contract('withdrawCoSponsorInvitation', team.vngMedewerker, {
			id: concept.id,
			body: { party: 'uvw' }
		});
		await contract('discardItem', team.vngMedewerker, { id: concept.id, ifMatch: 1 });

		const added = await contract('addComment', team.ipoMedewerker, {
			id,
			body: { body: 'Provincies steunen dit.' }
		});
		await contract('addComment', team.vngMedewerker, {
			id,
			body: { body: 'Dank u.', parentId: added.body.id }
		});
		const second = await contract('addComment', team.uvwMedewerker, {
			id,
			body: { body: 'Graag ook de waterschappen.' }
		});
		await contract('editComment', team.ipoMedewerker, {
			id: added.body.id as string,
			body: { body: 'Provincies steunen dit van harte.' }
		});
		await contract('deleteComment', team.uvwMedewerker, { id: second.body.id as string });
		const threads = await contract('listComments', team.rijkBestuurder, { id });
		expect(threads.list).toHaveLength(2);
		expect(threads.list[0]!.replies).toHaveLength(1);

		const edited = await draftAndEdit();
		const revisions = await contract('listRevisions', team.vngMedewerker, { id: edited });
		expect(revisions.list).toHaveLength(2);
		const diff = await contract('diffRevisions', team.vngMedewerker, {
			id: edited,
			query: '?from=1&to=2'
		});
		expect((diff.body.fields as unknown[]).length).toBeGreaterThan(0);
	});

	it('notifications: the own list with its unread count, marking read', async () => {
		const item = await submitted(team.vngMedewerker, null);
		await contract('inviteCoSponsor', team.vngMedewerker, { id: item.id, body: { party: 'uvw' } });
		const list = await contract('listNotifications', team.uvwMedewerker, { query: '?lang=en' });
		const [first] = list.body.notifications as Array<{ id: string }>;
		expect(list.body.unread).toBeGreaterThan(0);
		const marked = await contract('markNotificationsRead', team.uvwMedewerker, {
			body: { ids: [first!.id] }
		});
		expect(marked.body.marked).toEqual([first!.id]);
	});

	it('attachments: upload, list, download, delete', async () => {
		const item = await submitted(team.vngMedewerker, null);
		const form = new FormData();
		form.set('file', new File([samples.pdf as Uint8Array<ArrayBuffer>], 'Brief jeugdzorg.pdf'));
		const uploaded = await contract('uploadAttachment', team.vngMedewerker, {
			id: item.id,
			form,
			headers: { origin: ORIGIN }
		});
		const listed = await contract('listAttachments', team.ipoMedewerker, { id: item.id });
		expect(listed.list).toHaveLength(1);
		const download = await contract('downloadAttachment', team.uvwBestuurder, {
			id: uploaded.body.id as string
		});
		expect(download.bytes.length).toBe(samples.pdf.length);
		await contract('deleteAttachment', team.vngMedewerker, { id: uploaded.body.id as string });
	});

	it('the agenda round: read, order, approvals, adopt, reopen; what waits for whom', async () => {
		const meeting = await openMeetingFor(team);
		const id = meeting.id;
		const first = await placedItem(team, team.vngMedewerker, id, 30);
		const second = await placedItem(team, team.ipoMedewerker, id, 15);
		await submitted(team.uvwMedewerker, id);
		await contract('reorderAgenda', team.secretariaat, {
			id,
			body: { orderedItemIds: [second.id, first.id] }
		});
		const aligned = await contract('startAgendaAlignment', team.secretariaat, {
			id,
			ifMatch: meeting.version
		});
		await contract('recordApproval', team.ipoBestuurder, {
			id,
			body: { decision: 'bezwaar', reason: 'Eerst de cijfers.' }
		});
		const reviews = await contract('toReview', team.vngBestuurder);
		expect(reviews.list.length).toBeGreaterThan(0);

		// The secretariaat's overview with something in every list.
		const late = await openMeetingFor(team, 30, {
			proposalDeadline: new Date(Date.now() - day).toISOString()
		});
		await submitted(team.finMedewerker, late.id);
		await submitted(team.finMedewerker, null);
		const toHold = await planned(team.secretariaat, {}, -2);
		await forceMeetingStatus(toHold.id, 'agenda_vastgesteld');
		const heldMeeting = await openMeetingFor(team);
		await placedItem(team, team.finMedewerker, heldMeeting.id);
		await forceMeetingStatus(heldMeeting.id, 'gehouden');
		await planned(team.secretariaat);
		const overview = await contract('secretariatOverview', team.secretariaat);
		for (const list of Object.values(overview.body))
			expect((list as unknown[]).length).toBeGreaterThan(0);

		const agenda = await contract('getAgenda', team.vngMedewerker, { id });
		expect((agenda.body.items as unknown[]).length).toBe(2);
		expect((agenda.body.otherItems as unknown[]).length).toBe(1);
		for (const bestuurder of [
			team.vngBestuurder,
			team.ipoBestuurder,
			team.uvwBestuurder,
			team.rijkBestuurder
		])
			await contract('recordApproval', bestuurder, { id, body: { decision: 'akkoord' } });
		const adopted = await contract('adoptAgenda', team.secretariaat, {
			id,
			ifMatch: aligned.body.version as number
		});
		await contract('reopenAgenda', team.secretariaat, {
			id,
			body: { reason: 'Er is een urgent punt bijgekomen.' },
			ifMatch: adopted.body.version as number
		});
		await contract('getAgenda', team.secretariaat, { id });
	});

	it('lists and search: mine, unscheduled, full text and filters only', async () => {
		const word = `ravijnjaar${Date.now()}`;
		const meeting = await openMeetingFor(team, 30, { title: `Overleg over het ${word}` });
		await submitted(team.vngMedewerker, meeting.id, { title: `Het ${word} in 2026` });
		await submitted(team.vngMedewerker, null);
		const mine = await contract('listItems', team.vngMedewerker, { query: '?list=mine' });
		expect(mine.list.length).toBeGreaterThan(0);
		const unscheduled = await contract('listItems', team.ipoMedewerker, {
			query: '?list=unscheduled'
		});
		expect(unscheduled.list.length).toBeGreaterThan(0);
		const found = await contract('search', team.ipoMedewerker, { query: `?q=${word}` });
		expect((found.body.items as unknown[]).length).toBeGreaterThan(0);
		expect((found.body.meetings as unknown[]).length).toBeGreaterThan(0);
		const filtered = await contract('search', team.ipoMedewerker, { query: '?party=vng' });
		expect((filtered.body.items as unknown[]).length).toBeGreaterThan(0);
	});

	it('decisions: meeting mode, the current item, record and correct, carry over, list', async () => {
		const { meeting, items } = await adoptedMeeting(team, { begun: false });
		await startsIn(meeting.id, 60_000);
		const id = meeting.id;
		const opened = await contract('openSession', team.secretariaat, { id });
		expect(opened.body.currentItemId).toBe(items[0]!.id);
		await contract('setCurrentItem', team.secretariaat, { id, body: { itemId: items[1]!.id } });
		const recorded = await contract('recordDecision', team.secretariaat, {
			id: items[0]!.id,
			body: {
				outcome: 'aangenomen',
				dicta: ['de notitie vast te stellen.'],
				commitments: [{ party: 'vng', holder: 'VNG', description: 'Informeert de leden.' }]
			}
		});
		await contract('recordDecision', team.secretariaat, {
			id: items[0]!.id,
			body: { outcome: 'aangenomen', dicta: ['de notitie vast te stellen.'], version: 1 }
		});
		expect(recorded.body.commitments).toHaveLength(1);
		await contract('carryOver', team.secretariaat, {
			id,
			body: { itemIds: [items[2]!.id], toMeetingId: null, reason: 'Niet aan toegekomen.' }
		});
		const listed = await contract('listDecisions', team.uvwBestuurder, { id });
		expect((listed.body.decisions as unknown[]).length).toBe(2);
	});

	it('public: the published lists and one of them, without an account', async () => {
		const published = await publishedListWith(team, [
			{ word: 'jeugdzorgcontract', by: team.vngMedewerker },
			{ word: 'vertrouwelijkcontract', by: team.ipoMedewerker, confidential: true }
		]);
		const listed = await contract('listPublications', null, { query: '?kind=overhedenoverleg' });
		expect((listed.body.publications as unknown[]).length).toBeGreaterThan(0);
		const read = await contract('getPublication', null, { id: published.meeting.id });
		expect((read.body.decisions as unknown[]).length).toBe(1);
		await contract('getPublication', null, {
			id: published.meeting.id,
			query: '?version=2',
			status: 404
		});
		await contract('listPublications', null, { query: '?year=nooit', status: 400 });
		const ori = await contract('getPublicationOri', null, { id: published.meeting.id });
		const vergadering = ori.body.vergadering as { agendapunten: unknown[] };
		expect(vergadering.agendapunten).toHaveLength(1);
		expect(ori.body.vertrouwelijkeAgendapunten).toBe(1);
		await contract('getPublicationOri', null, {
			id: published.meeting.id,
			query: '?version=0',
			status: 400
		});
	});

	it('the besluitenlijst: read, verification, akkoord, a correction and its answer, adopt, publish, a corrected version', async () => {
		const { meeting, items } = await adoptedMeeting(team);
		await decideAll(
			team,
			items.map((item) => item.id)
		);
		await markHeld(team.secretariaat, meeting.id);
		const id = meeting.id;
		const closesOn = new Date(Date.now() + 7 * day).toISOString().slice(0, 10);
		await contract('startVerification', team.secretariaat, { id, body: { closesOn } });
		const read = await contract('getDecisionList', team.ipoMedewerker, { id });
		const decisionId = (read.body.decisions as { id: string }[])[0]!.id;
		const proposed = await contract('proposeCorrection', team.uvwBestuurder, {
			id,
			body: { decisionId, proposal: '1. anders.', reason: 'Zo besproken.' }
		});
		await contract('answerCorrection', team.secretariaat, {
			id: proposed.body.id as string,
			body: { accept: false, reason: 'Zo staat het in de notulen.' }
		});
		for (const actor of [
			team.rijkBestuurder,
			team.vngBestuurder,
			team.ipoBestuurder,
			team.uvwBestuurder
		])
			await contract('verifyDecisionList', actor, { id });
		await contract('adoptDecisionList', team.secretariaat, { id });
		await contract('publishDecisionList', team.secretariaat, {
			id,
			body: { publicItemIds: [items[0]!.id] }
		});
		const corrected = await contract('publishCorrection', team.secretariaat, {
			id,
			body: { publicItemIds: [items[0]!.id], reasonKind: 'procedureel', note: 'Een tikfout.' }
		});
		expect(corrected.body.number).toBe(2);
	});

	it('agreements: create from a toezegging and free, edit, owners, status, progress, ratification, links and taking one back, read, register, dashboard', async () => {
		const published = await publishedDecisions(team);
		const created = await contract('createAgreement', team.secretariaat, {
			body: { commitmentId: published.commitments[0]!.id, owners: [ownerOf(team.vngMedewerker)] }
		});
		const id = created.body.id as string;
		const later = await contract('createAgreement', team.secretariaat, {
			body: {
				meetingId: published.meeting.id,
				title: 'De verdeling van de opschalingskorting',
				deadline: '2027-06-30',
				owners: [ownerOf(team.bzkMedewerker, true)]
			}
		});
		await contract('updateAgreement', team.secretariaat, {
			id,
			body: { deadline: '2027-05-31' },
			ifMatch: 1
		});
		const added = await contract('addAgreementOwner', team.secretariaat, {
			id,
			body: ownerOf(team.ipoMedewerker)
		});
		const ipo = (added.body.owners as { id: string; party: string }[]).find(
			(o) => o.party === 'ipo'
		);
		await contract('removeAgreementOwner', team.secretariaat, { id, body: { ownerId: ipo!.id } });
		await contract('setAgreementStatus', team.vngMedewerker, {
			id,
			body: { status: 'in_uitvoering' },
			ifMatch: 4
		});
		await contract('reportAgreementProgress', team.vngMedewerker, {
			id,
			body: { text: 'De ledenbrief is in voorbereiding.', percent: 30 }
		});
		const report = new FormData();
		report.set('text', 'De concept-ledenbrief ligt er.');
		report.set('percent', '40');
		report.append('file', new File([samples.pdf as Uint8Array<ArrayBuffer>], 'Ledenbrief.pdf'));
		const withFile = await contract('reportAgreementProgress', team.vngMedewerker, {
			id,
			form: report,
			headers: { origin: ORIGIN }
		});
		const [file] = (withFile.body.progress as { attachments: { id: string }[] }).attachments;
		await contract('downloadAttachment', team.ipoMedewerker, { id: file!.id });
		await contract('recordAgreementRatification', team.vngBestuurder, {
			id,
			body: { koepel: 'vng', state: 'lopend', closesOn: '2027-02-15' }
		});
		await contract('linkAgreement', team.secretariaat, {
			id,
			body: { toAgreementId: later.body.id }
		});
		const toBudget = await contract('linkAgreement', team.secretariaat, {
			id: later.body.id as string,
			body: {
				destination: { kind: 'begrotingsmoment', label: 'Voorjaarsnota 2027', date: '2027-04-15' }
			}
		});
		const read = await contract('getAgreement', team.ipoMedewerker, { id });
		expect(read.body.chain).toHaveLength(2);
		expect(
			(read.body.progressReports as { attachments: unknown[] }[]).map((r) => r.attachments.length)
		).toEqual([1, 0]);
		expect(read.body.ratifications).toHaveLength(1);
		const unlinked = await contract('unlinkAgreement', team.secretariaat, {
			id: later.body.id as string,
			body: { linkId: (toBudget.body.link as { id: string }).id, reason: 'Per abuis.' },
			ifMatch: 2
		});
		expect(unlinked.body.version).toBe(3);
		const listed = await contract('listAgreements', team.ipoMedewerker, {
			query: '?party=vng&sort=title'
		});
		expect(listed.body.total).toBeGreaterThan(0);
		const counts = await contract('agreementDashboard', team.vngMedewerker);
		expect(counts.body.open).toBeGreaterThan(0);
		await contract('listAgreements', team.ipoMedewerker, {
			query: '?overdue=misschien',
			status: 400
		});
	});

	it('Voortgang afspraken: the standard item with the register’s overview, once per meeting', async () => {
		const meeting = await openMeetingFor(team, 35);
		const made = await contract('proposeProgressItem', team.secretariaat, { id: meeting.id });
		expect(made.body).toMatchObject({
			title: 'Voortgang afspraken',
			purpose: 'informatie',
			status: 'ingediend'
		});
		await contract('proposeProgressItem', team.secretariaat, { id: meeting.id, status: 409 });
		await contract('proposeProgressItem', team.vngMedewerker, { id: meeting.id, status: 403 });
	});

	it('covers every operation of the document', () => {
		// The finance operations are called and checked in tests/integration/finance/api.spec.ts.
		const elsewhere = new Set(Object.keys(financeOperations));
		const here = [...documented.keys()].filter((id) => !elsewhere.has(id));
		expect(documented.size).toBeGreaterThan(40);
		expect(here.filter((id) => !covered.has(id))).toEqual([]);
		expect(covered.size).toBe(here.length);
	});
});

async function draftAndEdit() {
	const drafted = await call('POST', '/api/v1/items', {
		actor: team.vngMedewerker,
		body: itemInput()
	});
	const id = drafted.body.id as string;
	const edited = await call('PATCH', `/api/v1/items/${id}`, {
		actor: team.vngMedewerker,
		body: { title: 'Jeugdzorg: de tekorten in 2026', summary: 'Nieuwe tekst.\nTweede regel.' },
		ifMatch: 1
	});
	expect(edited.status).toBe(200);
	return id;
}
