import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import {
	createAgreement,
	recordRatification,
	reportProgress,
	setStatus,
	updateAgreement
} from '../../../src/lib/server/agreements';
import {
	getPublicAgreement,
	listPublicAgreements
} from '../../../src/lib/server/agreements/public';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { load as listLoad } from '../../../src/routes/(public)/publicaties/afspraken/+page.server';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	ownerOf,
	publishedDecisions,
	rejection,
	unpublishedDecisions,
	type Team
} from './fixtures';

/*
 * The public read of agreements (server/agreements/public.ts): only what the audience rule gives
 * the public (openbaar, from a decision in the newest published list), with status, dates,
 * parties, ratification and progress, and never a person; filters with Dutch messages.
 */

useProcessDatabase();

let team: Team;
let published: Awaited<ReturnType<typeof publishedDecisions>>;
let publicId: string;
let otherPublicId: string;
const hiddenIds: string[] = [];

beforeAll(async () => {
	team = await createTeam();
	published = await publishedDecisions(team);
	const unpublished = await unpublishedDecisions(team);
	const decisionId = published.decisions[0]!.id;
	const made = await createAgreement(team.secretariaat, {
		decisionId,
		title: 'De jeugdzorgmiddelen in de meicirculaire',
		body: 'Het Rijk maakt **€ 414 mln** over.',
		deadline: '2026-05-31',
		condition: 'Zonder nieuw kabinet: bij de Voorjaarsnota.',
		fallbackDate: '2026-04-01',
		owners: [ownerOf(team.vngMedewerker), ownerOf(team.bzkMedewerker, true)]
	});
	publicId = made.id;
	await reportProgress(team.vngMedewerker, publicId, { text: 'De eerste tranche.', percent: 20 });
	await reportProgress(team.bzkMedewerker, publicId, { text: 'In de meicirculaire.', percent: 60 });
	await recordRatification(team.vngBestuurder, publicId, {
		koepel: 'vng',
		state: 'goedgekeurd',
		decidedOn: '2026-06-15',
		ledenbriefUrl: 'https://vng.example/ledenbrief'
	});
	otherPublicId = (
		await createAgreement(team.secretariaat, {
			commitmentId: published.commitments[0]!.id,
			deadline: '2027-03-31',
			owners: [ownerOf(team.ipoMedewerker)]
		})
	).id;
	await setStatus(team.secretariaat, otherPublicId, { status: 'afgerond' });
	for (const input of [
		{ decisionId, title: 'Vertrouwelijk', confidentiality: 'vertrouwelijk' },
		{ decisionId: unpublished.decisions[0]!.id, confidentiality: 'openbaar' },
		{ meetingId: published.meeting.id, title: 'Vrij', confidentiality: 'openbaar' }
	])
		hiddenIds.push(
			(
				await createAgreement(team.secretariaat, {
					deadline: '2027-01-31',
					owners: [ownerOf(team.vngMedewerker)],
					...input
				})
			).id
		);
}, 120_000);

const now = new Date('2026-12-01T12:00:00Z');

describe('the public agreements', () => {
	it('lists only the openbare from a published decision, nearest due first, with no person', async () => {
		const page = await listPublicAgreements({}, now);
		expect(page.rows.map((row) => row.id)).toEqual([publicId, otherPublicId]);
		expect(page.total).toBe(2);
		const [row] = page.rows;
		expect(row).toEqual({
			id: publicId,
			title: 'De jeugdzorgmiddelen in de meicirculaire',
			meetingId: published.meeting.id,
			meetingTitle: expect.any(String),
			meetingStartsAt: expect.any(String),
			deadline: '2026-05-31',
			expectedDate: null,
			dueDate: '2026-05-31',
			status: 'open',
			overdue: true,
			fallbackDate: '2026-04-01',
			fallbackInForce: true,
			ratification: 'bekrachtigd',
			owners: [
				{ party: 'rijk', organisationName: 'BZK' },
				{ party: 'vng', organisationName: null }
			],
			progress: { percent: 60, at: expect.any(String) }
		});
		const text = JSON.stringify(page);
		for (const actor of [team.vngMedewerker, team.bzkMedewerker, team.secretariaat])
			expect(text).not.toContain(actor.personId);
	});

	it('one agreement: its text, the published decision, ratification and progress without authors', async () => {
		const agreement = await getPublicAgreement(publicId, now);
		expect(agreement.body).toBe('Het Rijk maakt **€ 414 mln** over.');
		expect(agreement.condition).toBe('Zonder nieuw kabinet: bij de Voorjaarsnota.');
		expect(agreement.source).toEqual({
			agendaNumber: 1,
			itemTitle: published.decisions[0]!.itemTitle
		});
		expect(agreement.ratifications).toEqual([
			{
				koepel: 'vng',
				state: 'goedgekeurd',
				closesOn: null,
				decidedOn: '2026-06-15',
				ledenbriefUrl: 'https://vng.example/ledenbrief'
			}
		]);
		expect(agreement.progressReports.map((report) => Object.keys(report).sort())).toEqual([
			['createdAt', 'id', 'party', 'percent', 'text'],
			['createdAt', 'id', 'party', 'percent', 'text']
		]);
		expect(agreement.progressReports.map((report) => [report.party, report.text])).toEqual([
			['rijk', 'In de meicirculaire.'],
			['vng', 'De eerste tranche.']
		]);
		expect(JSON.stringify(agreement)).not.toContain(team.vngMedewerker.personId);
	});

	it('a 404 for what the public may not read, an unknown id and no id at all', async () => {
		for (const id of [...hiddenIds, crypto.randomUUID(), 'geen-uuid']) {
			const refused = await rejection(getPublicAgreement(id, now));
			expect(refused, id).toBeInstanceOf(AccessError);
			expect((refused as AccessError).status).toBe(404);
		}
	});

	it('follows the rule as it changes: made vertrouwelijk, it leaves the public side', async () => {
		await updateAgreement(team.secretariaat, otherPublicId, { confidentiality: 'vertrouwelijk' });
		expect((await listPublicAgreements({}, now)).rows.map((row) => row.id)).toEqual([publicId]);
		expect(await rejection(getPublicAgreement(otherPublicId, now))).toBeInstanceOf(AccessError);
		await updateAgreement(team.secretariaat, otherPublicId, { confidentiality: 'openbaar' });
		expect((await listPublicAgreements({}, now)).total).toBe(2);
	});

	it('filters by party, status (verlopen too), meeting and words', async () => {
		const ids = async (input: Record<string, unknown>) =>
			(await listPublicAgreements(input, now)).rows.map((row) => row.id);
		expect(await ids({ party: 'ipo' })).toEqual([otherPublicId]);
		expect(await ids({ party: 'uvw' })).toEqual([]);
		expect(await ids({ status: 'afgerond' })).toEqual([otherPublicId]);
		expect(await ids({ status: 'verlopen' })).toEqual([publicId]);
		// Several at once: a row in any of them; verlopen matches the overdue ones whatever their status.
		expect((await ids({ status: ['afgerond', 'verlopen'] })).sort()).toEqual(
			[publicId, otherPublicId].sort()
		);
		expect(await ids({ status: ['afgerond', 'vertraagd'] })).toEqual([otherPublicId]);
		const url = new URL('http://localhost/publicaties/afspraken?status=afgerond&status=vervallen');
		const data = (await listLoad({ url, depends: () => {} } as never)) as {
			statuses: string[];
			page: unknown;
		};
		expect(data.statuses).toEqual(['afgerond', 'vervallen']);
		expect(data.page).toMatchObject({ total: 1 });
		expect(await ids({ meetingId: published.meeting.id })).toHaveLength(2);
		expect(await ids({ meetingId: crypto.randomUUID() })).toEqual([]);
		expect(await ids({ q: 'meicirculaire' })).toEqual([publicId]);
		expect(await ids({ page: 2 })).toEqual([]);
		expect((await listPublicAgreements({ page: 2 }, now)).total).toBe(0);
	});

	it('bad filters: Dutch messages at the fields, on the page too, never a 500', async () => {
		const refused = await rejection(
			listPublicAgreements({ party: 'gemeente', status: ['open', 'klaar'] })
		);
		expect(refused).toBeInstanceOf(InvalidInputError);
		expect((refused as InvalidInputError).fields).toEqual({
			party: 'Kies een partij uit de lijst.',
			status: 'Kies een status uit de lijst.'
		});
		const url = new URL('http://localhost/publicaties/afspraken?partij=gemeente&vergadering=x');
		const data = (await listLoad({ url, depends: () => {} } as never)) as {
			errors: Record<string, string>;
			page: unknown;
		};
		expect(data.errors).toEqual({
			partij: 'Kies een partij uit de lijst.',
			vergadering: 'Kies een vergadering uit de lijst.'
		});
		expect(data.page).toBeNull();
	});
});
