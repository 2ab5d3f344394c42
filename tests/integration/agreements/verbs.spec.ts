import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { agreementProgress } from '../../../src/lib/server/db/schema';
import {
	addOwner,
	createAgreement,
	getAgreement,
	linkOnward,
	recordRatification,
	removeOwner,
	reportProgress,
	setStatus,
	updateAgreement
} from '../../../src/lib/server/agreements';
import {
	InvalidInputError,
	StaleVersionError,
	StateError
} from '../../../src/lib/server/kernel/errors';
import { eventPayloads, type PayloadType } from '../../../src/lib/realtime/event-payloads';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	eventsOf,
	freeAgreement,
	inDays,
	ownerOf,
	publishedDecisions,
	rejection,
	unpublishedDecisions,
	type Team
} from './fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

const status = (caught: unknown) => (caught instanceof AccessError ? caught.status : caught);

/** Every event of the agreement parses against the payload catalogue: pages can apply it. */
async function expectEventsParse(agreementId: string) {
	for (const event of await eventsOf(agreementId)) {
		const schema = eventPayloads[event.type as PayloadType];
		expect(schema, event.type).toBeDefined();
		expect(schema.safeParse(event.payload).success, event.type).toBe(true);
	}
}

describe('createAgreement', () => {
	it('allowed: the secretariaat makes one from a toezegging of a published list: its text and date carried over, openbaar, for the public too', async () => {
		const published = await publishedDecisions(team);
		const promise = published.commitments[0]!;
		const made = await createAgreement(team.secretariaat, {
			commitmentId: promise.id,
			owners: [ownerOf(team.vngMedewerker)]
		});
		expect(made).toMatchObject({
			title: promise.description,
			deadline: promise.dueDate,
			meetingId: published.meeting.id,
			decisionId: promise.decisionId,
			confidentiality: 'openbaar',
			status: 'open',
			version: 1
		});
		const detail = await getAgreement(team.uvwBestuurder, made.id);
		expect(detail.body).toBe(`${promise.holder}: ${promise.description}`);
		expect(detail.commitmentId).toBe(promise.id);
		const [event] = await eventsOf(made.id);
		expect(event!.type).toBe('agreement.created.v1');
		expect(event!.audience).toEqual(['table', 'public']);
		await expectEventsParse(made.id);
	});

	it('allowed: from a decision its dicta become the text; a vertrouwelijk item or an unpublished list keeps it vertrouwelijk', async () => {
		const published = await publishedDecisions(team);
		const confidential = published.decisions[1]!;
		const fromConfidential = await createAgreement(team.secretariaat, {
			decisionId: confidential.id,
			deadline: inDays(60),
			owners: [ownerOf(team.ipoMedewerker)]
		});
		expect(fromConfidential.confidentiality).toBe('vertrouwelijk');
		expect(fromConfidential.title).toBe(confidential.itemTitle);
		expect((await getAgreement(team.secretariaat, fromConfidential.id)).body).toBe(
			confidential.dicta.map((dictum, i) => `${i + 1}. ${dictum}`).join('\n')
		);
		expect((await eventsOf(fromConfidential.id))[0]!.audience).toEqual(['table']);

		const held = await unpublishedDecisions(team);
		const unpublished = await createAgreement(team.secretariaat, {
			decisionId: held.decisions[0]!.id,
			deadline: inDays(60),
			owners: [ownerOf(team.bzkMedewerker, true)]
		});
		expect(unpublished.confidentiality).toBe('vertrouwelijk');
		// Marked openbaar by hand, it stays at the table until its decision is published.
		const marked = await updateAgreement(team.secretariaat, unpublished.id, {
			confidentiality: 'openbaar',
			expectedVersion: 1
		});
		expect(marked.confidentiality).toBe('openbaar');
		expect((await eventsOf(unpublished.id)).at(-1)!.audience).toEqual(['table']);
	});

	it('allowed: free for a meeting, with a condition and fallback', async () => {
		const made = await freeAgreement(team, {
			condition:
				'Als er op 1 april geen nieuw kabinet is, besluit het kabinet bij de Voorjaarsnota.',
			fallbackDate: inDays(-1)
		});
		expect(made.fallbackInForce).toBe(true);
		expect(made.decisionId).toBeNull();
		expect(made.confidentiality).toBe('vertrouwelijk');
	});

	it('denied: a medewerker, a bestuurder or a beheerder may not (403), and nothing is written', async () => {
		const published = await publishedDecisions(team);
		for (const actor of [team.vngMedewerker, team.rijkBestuurder, team.beheerder]) {
			const caught = await rejection(
				createAgreement(actor, {
					commitmentId: published.commitments[0]!.id,
					owners: [ownerOf(team.vngMedewerker)]
				})
			);
			expect(status(caught)).toBe(403);
		}
	});

	it('refused: an owner whose contact is of another party, a free one without a meeting, an unknown toezegging', async () => {
		const wrong = await rejection(
			freeAgreement(team, {
				owners: [{ party: 'ipo', contactPersonId: team.vngMedewerker.personId }]
			})
		);
		expect(wrong).toBeInstanceOf(InvalidInputError);
		expect((wrong as InvalidInputError).fields['owners.0.contactPersonId']).toMatch(/IPO/);
		const noMeeting = await rejection(
			createAgreement(team.secretariaat, {
				title: 'Zonder vergadering',
				deadline: inDays(10),
				owners: [ownerOf(team.vngMedewerker)]
			})
		);
		expect((noMeeting as InvalidInputError).fields.meetingId).toBeDefined();
		const unknown = await rejection(
			createAgreement(team.secretariaat, {
				commitmentId: '00000000-0000-4000-8000-000000000000',
				owners: [ownerOf(team.vngMedewerker)]
			})
		);
		expect((unknown as InvalidInputError).fields.commitmentId).toMatch(/toezegging/);
	});
});

describe('updateAgreement', () => {
	it('allowed: the secretariaat, against the current version; the event names what changed', async () => {
		const made = await freeAgreement(team);
		const saved = await updateAgreement(team.secretariaat, made.id, {
			title: 'Verdeling opschalingskorting vastgesteld',
			deadline: inDays(90),
			expectedVersion: 1
		});
		expect(saved.version).toBe(2);
		const last = (await eventsOf(made.id)).at(-1)!;
		expect(last.type).toBe('agreement.updated.v1');
		expect(last.payload).toMatchObject({ changed: ['title', 'deadline'] });
	});

	it('denied: an owner may not edit (403); a stale version is refused naming what changed', async () => {
		const made = await freeAgreement(team);
		expect(
			status(await rejection(updateAgreement(team.vngMedewerker, made.id, { title: 'Anders' })))
		).toBe(403);
		await updateAgreement(team.secretariaat, made.id, { deadline: inDays(70), expectedVersion: 1 });
		const stale = await rejection(
			updateAgreement(team.secretariaat, made.id, { title: 'Te laat', expectedVersion: 1 })
		);
		expect(stale).toBeInstanceOf(StaleVersionError);
		expect((stale as StaleVersionError).changedFields).toEqual(['deadline']);
		expect((stale as Error).message).toMatch(/termijn/);
	});
});

describe('setStatus', () => {
	it('allowed: an owner sets in uitvoering and vertraagd with a new date; the secretariaat closes and reopens', async () => {
		const made = await freeAgreement(team, {}, [team.vngMedewerker, team.bzkMedewerker]);
		const started = await setStatus(team.vngBestuurder, made.id, { status: 'in_uitvoering' });
		expect(started.status).toBe('in_uitvoering');
		const late = await setStatus(team.finMedewerker, made.id, {
			status: 'vertraagd',
			expectedDate: inDays(120),
			expectedVersion: 2
		});
		expect(late).toMatchObject({ status: 'vertraagd', expectedDate: inDays(120) });
		const lapsed = await setStatus(team.secretariaat, made.id, {
			status: 'vervallen',
			reason: 'Opgegaan in de afspraken over de Voorjaarsnota.'
		});
		expect(lapsed).toMatchObject({ status: 'vervallen', expectedDate: null, overdue: false });
		const reopened = await setStatus(team.secretariaat, made.id, { status: 'open' });
		expect(reopened.status).toBe('open');
		const changes = (await eventsOf(made.id)).filter(
			(e) => e.type === 'agreement.status_changed.v1'
		);
		expect(changes.map((e) => [e.payload.from, e.payload.to])).toEqual([
			['open', 'in_uitvoering'],
			['in_uitvoering', 'vertraagd'],
			['vertraagd', 'vervallen'],
			['vervallen', 'open']
		]);
		await expectEventsParse(made.id);
	});

	it('denied: an owner may not close (403), another party or a beheerder may not at all (403), a closed one stays closed for owners (409)', async () => {
		const made = await freeAgreement(team);
		expect(
			status(await rejection(setStatus(team.vngMedewerker, made.id, { status: 'afgerond' })))
		).toBe(403);
		for (const actor of [team.ipoMedewerker, team.rijkBestuurder, team.beheerder])
			expect(status(await rejection(setStatus(actor, made.id, { status: 'in_uitvoering' })))).toBe(
				403
			);
		await setStatus(team.secretariaat, made.id, { status: 'afgerond' });
		expect(
			await rejection(setStatus(team.vngMedewerker, made.id, { status: 'in_uitvoering' }))
		).toBeInstanceOf(StateError);
	});

	it('refused: vertraagd without a date or with one in the past, vervallen without a reason, a stale version', async () => {
		const made = await freeAgreement(team);
		const noDate = await rejection(setStatus(team.vngMedewerker, made.id, { status: 'vertraagd' }));
		expect((noDate as InvalidInputError).fields.expectedDate).toBeDefined();
		const past = await rejection(
			setStatus(team.vngMedewerker, made.id, { status: 'vertraagd', expectedDate: inDays(-2) })
		);
		expect((past as InvalidInputError).fields.expectedDate).toMatch(/vanaf vandaag/);
		const noReason = await rejection(
			setStatus(team.secretariaat, made.id, { status: 'vervallen' })
		);
		expect((noReason as InvalidInputError).fields.reason).toBeDefined();
		await addOwner(team.secretariaat, made.id, ownerOf(team.ipoMedewerker));
		const stale = await rejection(
			setStatus(team.vngMedewerker, made.id, { status: 'in_uitvoering', expectedVersion: 1 })
		);
		expect((stale as StaleVersionError).changedFields).toEqual(['owners']);
	});
});

describe('addOwner and removeOwner', () => {
	it('allowed: the secretariaat adds a ministry with its contact and removes a party; the events name them', async () => {
		const made = await freeAgreement(team);
		const added = await addOwner(team.secretariaat, made.id, ownerOf(team.finMedewerker, true));
		const fin = added.owners.find((o) => o.party === 'rijk')!;
		expect(fin).toMatchObject({ contactPersonId: team.finMedewerker.personId });
		expect(fin.organisationName).toBeTruthy();
		const removed = await removeOwner(team.secretariaat, made.id, { ownerId: fin.id });
		expect(removed.owners.map((o) => o.party)).toEqual(['vng']);
		const types = (await eventsOf(made.id)).map((e) => e.type);
		expect(types).toEqual([
			'agreement.created.v1',
			'agreement.owner_added.v1',
			'agreement.owner_removed.v1'
		]);
		await expectEventsParse(made.id);
	});

	it('denied: an owner may not (403); the same owner twice and the last owner are refused', async () => {
		const made = await freeAgreement(team);
		expect(
			status(await rejection(addOwner(team.vngMedewerker, made.id, ownerOf(team.ipoMedewerker))))
		).toBe(403);
		expect(
			status(
				await rejection(removeOwner(team.vngBestuurder, made.id, { ownerId: made.owners[0]!.id }))
			)
		).toBe(403);
		expect(
			await rejection(addOwner(team.secretariaat, made.id, ownerOf(team.vngBestuurder)))
		).toBeInstanceOf(StateError);
		expect(
			await rejection(removeOwner(team.secretariaat, made.id, { ownerId: made.owners[0]!.id }))
		).toBeInstanceOf(StateError);
	});
});

describe('reportProgress', () => {
	it('allowed: a medewerker and a bestuurder of a responsible party, for their own part; never changed afterwards', async () => {
		const made = await freeAgreement(team, {}, [team.vngMedewerker, team.uvwMedewerker]);
		await reportProgress(team.vngMedewerker, made.id, {
			text: 'De ledenbrief is verstuurd.',
			percent: 40
		});
		const { progress, agreement } = await reportProgress(team.uvwBestuurder, made.id, {
			text: 'De waterschappen hebben hun deel geleverd.'
		});
		expect(progress).toMatchObject({
			party: 'uvw',
			percent: null,
			createdByName: team.uvwBestuurder.name
		});
		expect(agreement.progress).toMatchObject({ party: 'uvw' });
		expect(agreement.version).toBe(1);
		const detail = await getAgreement(team.ipoMedewerker, made.id);
		expect(detail.progressReports.map((p) => p.party)).toEqual(['uvw', 'vng']);
		const db = await useDb();
		const change = await rejection(
			db
				.update(agreementProgress)
				.set({ text: 'anders' })
				.where(eq(agreementProgress.agreementId, made.id))
		);
		expect(String((change as Error).cause ?? change)).toMatch(/never changes/);
		await expectEventsParse(made.id);
	});

	it('denied: another party, the secretariaat or a beheerder (403); a closed agreement takes no report (409)', async () => {
		const made = await freeAgreement(team);
		for (const actor of [team.ipoMedewerker, team.secretariaat, team.beheerder])
			expect(
				status(await rejection(reportProgress(actor, made.id, { text: 'Namens een ander.' })))
			).toBe(403);
		await setStatus(team.secretariaat, made.id, { status: 'afgerond' });
		expect(
			await rejection(reportProgress(team.vngMedewerker, made.id, { text: 'Nog iets.' }))
		).toBeInstanceOf(StateError);
		const bad = await rejection(
			reportProgress(team.vngMedewerker, made.id, { text: 'Ver', percent: 140 })
		);
		expect((bad as InvalidInputError).fields.percent).toMatch(/0 tot en met 100/);
	});
});

describe('recordRatification', () => {
	it('allowed: each koepel its own; bekrachtigd once every koepel that consulted approved', async () => {
		const made = await freeAgreement(team);
		const pending = await recordRatification(team.vngBestuurder, made.id, {
			koepel: 'vng',
			state: 'lopend',
			closesOn: inDays(14)
		});
		expect(pending.agreement.ratification).toBe('lopend');
		await recordRatification(team.uvwMedewerker, made.id, { koepel: 'uvw', state: 'niet_nodig' });
		const approved = await recordRatification(team.vngMedewerker, made.id, {
			koepel: 'vng',
			state: 'goedgekeurd',
			decidedOn: inDays(0),
			ledenbriefUrl: 'https://vng.nl/brieven/ledenbrief-jeugdzorg',
			version: 1
		});
		expect(approved.ratification).toMatchObject({
			state: 'goedgekeurd',
			version: 2,
			closesOn: inDays(14)
		});
		expect(approved.agreement.ratification).toBe('bekrachtigd');
		const rejected = await recordRatification(team.ipoBestuurder, made.id, {
			koepel: 'ipo',
			state: 'afgewezen',
			decidedOn: inDays(-1)
		});
		expect(rejected.agreement.ratification).toBe('afgewezen');
		await expectEventsParse(made.id);
	});

	it('denied: another koepel, the Rijk, the secretariaat (403); a stale version and a future decision are refused', async () => {
		const made = await freeAgreement(team);
		const input = { koepel: 'ipo', state: 'lopend', closesOn: inDays(10) };
		for (const actor of [team.vngBestuurder, team.rijkBestuurder, team.secretariaat])
			expect(status(await rejection(recordRatification(actor, made.id, input)))).toBe(403);
		const rijk = await rejection(
			recordRatification(team.bzkMedewerker, made.id, { ...input, koepel: 'rijk' })
		);
		expect((rijk as InvalidInputError).fields.koepel).toBeDefined();
		await recordRatification(team.ipoMedewerker, made.id, input);
		await recordRatification(team.ipoBestuurder, made.id, {
			...input,
			closesOn: inDays(20),
			version: 1
		});
		expect(
			await rejection(recordRatification(team.ipoMedewerker, made.id, { ...input, version: 1 }))
		).toBeInstanceOf(StaleVersionError);
		const future = await rejection(
			recordRatification(team.ipoMedewerker, made.id, {
				koepel: 'ipo',
				state: 'goedgekeurd',
				decidedOn: inDays(5)
			})
		);
		expect((future as InvalidInputError).fields.decidedOn).toBeDefined();
	});
});

describe('linkOnward', () => {
	it('allowed: the secretariaat hands on to a later agreement and from there to a budget moment', async () => {
		const first = await freeAgreement(team);
		const second = await freeAgreement(team, {}, [team.bzkMedewerker]);
		const { link } = await linkOnward(team.secretariaat, first.id, { toAgreementId: second.id });
		expect(link).toMatchObject({ fromAgreementId: first.id, toAgreementId: second.id, kind: null });
		await linkOnward(team.secretariaat, second.id, {
			destination: { kind: 'begrotingsmoment', label: 'Voorjaarsnota 2027', date: '2027-04-15' }
		});
		const chain = (await getAgreement(team.uvwMedewerker, first.id)).chain;
		expect(chain.map((node) => [node.id, node.depth])).toEqual([
			[first.id, 0],
			[second.id, 1]
		]);
		expect(chain[1]!.links[0]).toMatchObject({
			kind: 'begrotingsmoment',
			label: 'Voorjaarsnota 2027'
		});
		await expectEventsParse(first.id);
	});

	it('denied: an owner may not (403); itself, twice and a circle are refused', async () => {
		const first = await freeAgreement(team);
		const second = await freeAgreement(team);
		expect(
			status(
				await rejection(linkOnward(team.vngMedewerker, first.id, { toAgreementId: second.id }))
			)
		).toBe(403);
		expect(
			await rejection(linkOnward(team.secretariaat, first.id, { toAgreementId: first.id }))
		).toBeInstanceOf(InvalidInputError);
		await linkOnward(team.secretariaat, first.id, { toAgreementId: second.id });
		expect(
			await rejection(linkOnward(team.secretariaat, first.id, { toAgreementId: second.id }))
		).toBeInstanceOf(StateError);
		const circle = await rejection(
			linkOnward(team.secretariaat, second.id, { toAgreementId: first.id })
		);
		expect((circle as InvalidInputError).fields.toAgreementId).toMatch(/rondlopen/);
		const neither = await rejection(linkOnward(team.secretariaat, first.id, {}));
		expect(neither).toBeInstanceOf(InvalidInputError);
	});
});

describe('getAgreement', () => {
	it('allowed: everyone at the table, a beheerder included; denied: an unknown or malformed id is 404', async () => {
		const made = await freeAgreement(team);
		for (const actor of [
			team.ipoMedewerker,
			team.rijkBestuurder,
			team.beheerder,
			team.secretariaat
		])
			expect((await getAgreement(actor, made.id)).id).toBe(made.id);
		for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-id', "'; drop table agreement"])
			expect(status(await rejection(getAgreement(team.vngMedewerker, id)))).toBe(404);
	});
});
