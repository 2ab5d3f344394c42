import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { withdrawItem } from '../../../src/lib/server/agenda';
import { createAgreement, reportProgress, setStatus } from '../../../src/lib/server/agreements';
import { proposeProgressItem } from '../../../src/lib/server/agreements/agenda-item';
import { useDb } from '../../../src/lib/server/db';
import { agendaItems, agreements, events } from '../../../src/lib/server/db/schema';
import { StateError } from '../../../src/lib/server/kernel/errors';
import { forceMeetingStatus, openMeetingFor, planned } from '../agenda/fixtures';
import { isHttpError } from '@sveltejs/kit';
import { meetingActions } from '../../../src/routes/vergaderingen/[id]/actions.server';
import { failed, formPost } from '../form-post';
import { useProcessDatabase } from '../process-env';
import {
	createTeam,
	forceAgreement,
	inDays,
	ownerOf,
	publishedDecisions,
	rejection,
	type Team
} from './fixtures';

/*
 * "Voortgang afspraken" (issue 14): the secretariaat puts the standard item on a coming meeting's
 * draft agenda, ter informatie, its summary an overview from the register (overdue, due before the
 * meeting, done since the previous meeting of its kind); a second one for the meeting is refused;
 * nobody else may; vertrouwelijk unless every agreement it names is the public's.
 */

useProcessDatabase();

let team: Team;
let meetingId: string;
const ids: Record<string, string> = {};
const day = 86_400_000;
const origin = 'http://localhost:3000';

beforeAll(async () => {
	team = await createTeam();
	// The previous Overhedenoverleg, 40 days ago: "recently done" counts from its start.
	await planned(team.secretariaat, {}, -40);
	meetingId = (await openMeetingFor(team, 30, { title: 'Overhedenoverleg najaar' })).id;
	const source = await planned(team.secretariaat, { kind: 'bofv', title: 'BOFv' }, -60);
	const make = async (key: string, deadline: string, owners = [ownerOf(team.vngMedewerker)]) => {
		ids[key] = (
			await createAgreement(team.secretariaat, {
				meetingId: source.id,
				title: key,
				deadline,
				owners
			})
		).id;
	};
	await make('Jeugdzorg [deel 1] *met spoed*', inDays(-10));
	await reportProgress(team.vngMedewerker, ids['Jeugdzorg [deel 1] *met spoed*']!, {
		text: 'De eerste helft is verdeeld.',
		percent: 30
	});
	await make('De BFU-regeling', inDays(10), [
		ownerOf(team.ipoMedewerker),
		ownerOf(team.bzkMedewerker, true)
	]);
	await make('De UDO-ervaringen', inDays(60));
	await make('De meicirculaire', inDays(-5));
	await setStatus(team.secretariaat, ids['De meicirculaire']!, { status: 'afgerond' });
	await make('Het oude dossier', inDays(-100));
	await setStatus(team.secretariaat, ids['Het oude dossier']!, { status: 'afgerond' });
	await forceAgreement(ids['Het oude dossier']!, { closedAt: new Date(Date.now() - 50 * day) });
	await make('De ingebrekestelling', inDays(-20));
	await setStatus(team.secretariaat, ids['De ingebrekestelling']!, {
		status: 'vervallen',
		reason: 'Ingetrokken na het akkoord.'
	});
	await make('Het Provinciefonds', inDays(2), [ownerOf(team.ipoMedewerker)]);
	await setStatus(team.ipoMedewerker, ids['Het Provinciefonds']!, {
		status: 'vertraagd',
		expectedDate: inDays(45)
	});
}, 120_000);

const dutch = (days: number) =>
	new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' }).format(
		new Date(Date.now() + days * day)
	);

describe('proposeProgressItem', () => {
	it('allowed: the secretariaat gets an item ter informatie with the overview', async () => {
		const item = await proposeProgressItem(team.secretariaat, meetingId);
		expect(item).toMatchObject({
			meetingId,
			title: 'Voortgang afspraken',
			purpose: 'informatie',
			status: 'ingediend',
			proposingOrganisationId: team.secretariaat.organisationId,
			lateSubmission: false,
			// Free agreements are the table's: an item that names them is too.
			confidentiality: 'vertrouwelijk'
		});
		const summary = item.summary;
		const link = (key: string) => `${origin}/afspraken/${ids[key]}`;
		expect(summary).toContain(
			`## Verlopen (1)\n\n- [Jeugdzorg \\[deel 1\\] \\*met spoed\\*](${link('Jeugdzorg [deel 1] *met spoed*')}): VNG; termijn ${dutch(-10)}; open; 30% gereed.`
		);
		expect(summary).toContain(
			`## Termijn vóór deze vergadering (uiterlijk ${dutch(30)}) (1)\n\n- [De BFU\\-regeling](${link('De BFU-regeling')}): Rijk (BZK), IPO; termijn ${dutch(10)}; open.`
		);
		expect(summary).toContain(
			`## Afgerond sinds de vorige vergadering (${dutch(-40)}) (1)\n\n- [De meicirculaire](${link('De meicirculaire')}): VNG; afgerond op ${dutch(0)}.`
		);
		// Not due before the meeting, closed long ago, lapsed, or delayed past the meeting.
		for (const key of [
			'De UDO-ervaringen',
			'Het oude dossier',
			'De ingebrekestelling',
			'Het Provinciefonds'
		])
			expect(summary).not.toContain(ids[key]!);
		// Submitted in the same transaction: the table sees it, and its events say so.
		const db = await useDb();
		const written = await db
			.select()
			.from(events)
			.where(eq(events.subjectId, item.id))
			.orderBy(events.id);
		expect(written.map((event) => [event.type, event.audience])).toEqual([
			['agenda_item.drafted.v1', ['table']],
			['agenda_item.submitted.v1', ['table']]
		]);
	});

	it('refuses a second one for the same meeting, and allows a new one once the first is withdrawn', async () => {
		const refused = await rejection(proposeProgressItem(team.secretariaat, meetingId));
		expect(refused).toBeInstanceOf(StateError);
		expect((refused as StateError).message).toBe(
			'Deze vergadering heeft al een agendapunt "Voortgang afspraken". Werk dat bij, of trek het in voordat u een nieuw overzicht maakt.'
		);
		const db = await useDb();
		const [first] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
		await withdrawItem(team.secretariaat, first!.id);
		const again = await proposeProgressItem(team.secretariaat, meetingId);
		expect(again.id).not.toBe(first!.id);
	});

	it('denied: a party’s people (403), a read-only token (403), an unknown meeting (404)', async () => {
		for (const actor of [team.vngMedewerker, team.rijkBestuurder, team.beheerder]) {
			const refused = await rejection(proposeProgressItem(actor, meetingId));
			expect(refused, actor.role).toBeInstanceOf(AccessError);
			expect((refused as AccessError).status).toBe(403);
		}
		const readOnly = await rejection(
			proposeProgressItem({ ...team.secretariaat, via: 'token', scope: 'read' }, meetingId)
		);
		expect((readOnly as AccessError).status).toBe(403);
		for (const id of [crypto.randomUUID(), 'geen-uuid']) {
			const unknown = await rejection(proposeProgressItem(team.secretariaat, id));
			expect((unknown as AccessError).status).toBe(404);
		}
	});

	it('refused where the agenda no longer changes, with the agenda’s own message', async () => {
		const adopted = await openMeetingFor(team, 20);
		await forceMeetingStatus(adopted.id, 'agenda_vastgesteld');
		const refused = await rejection(proposeProgressItem(team.secretariaat, adopted.id));
		expect(refused).toBeInstanceOf(StateError);
		expect((refused as StateError).message).toBe(
			'De agenda van deze vergadering is vastgesteld. Het secretariaat moet haar eerst heropenen.'
		);
	});

	it('openbaar when every agreement it names is the public’s; past twenty, the rest counted', async () => {
		const db = await useDb();
		// Everything so far lapses; one openbaar agreement from a published decision is overdue.
		await db.update(agreements).set({
			status: 'vervallen',
			lapseReason: 'Test.',
			closedAt: new Date(Date.now() - 365 * day)
		});
		const published = await publishedDecisions(team);
		await createAgreement(team.secretariaat, {
			decisionId: published.decisions[0]!.id,
			deadline: inDays(-3),
			owners: [ownerOf(team.uvwMedewerker)]
		});
		const open = await proposeProgressItem(team.secretariaat, (await openMeetingFor(team, 25)).id);
		expect(open.confidentiality).toBe('openbaar');
		expect(open.summary).toContain('## Verlopen (1)');
		expect(open.summary).toContain('## Afgerond sinds de vorige vergadering');
		expect(open.summary).toMatch(
			/## Afgerond sinds de vorige vergadering \([^)]+\) \(0\)\n\nGeen\./
		);

		for (let index = 0; index < 21; index++)
			await createAgreement(team.secretariaat, {
				meetingId: published.meeting.id,
				title: `Regel ${index}`,
				deadline: inDays(-1),
				owners: [ownerOf(team.uvwMedewerker)]
			});
		const many = await proposeProgressItem(team.secretariaat, (await openMeetingFor(team, 26)).id);
		expect(many.confidentiality).toBe('vertrouwelijk');
		expect(many.summary).toContain('## Verlopen (22)');
		expect(many.summary.match(/^- \[/gm)).toHaveLength(20);
		expect(many.summary).toContain('- En nog 2 afspraken: zie het register.');
	});

	it('the meeting page’s form: offered to the secretariaat, refused a second time with the message', async () => {
		const meeting = await openMeetingFor(team, 28);
		const post = (actor: typeof team.secretariaat) =>
			meetingActions.progress(
				formPost(actor, `/vergaderingen/${meeting.id}?/progress`, {}, { id: meeting.id })
			);
		expect(await post(team.secretariaat)).toMatchObject({
			form: 'progress',
			done: true,
			title: 'Voortgang afspraken'
		});
		const again = failed(await post(team.secretariaat));
		expect(again.status).toBe(409);
		expect(again.data.errors['']).toMatch(/^Deze vergadering heeft al een agendapunt/);
		const refused = await post(team.ipoBestuurder).then(
			() => null,
			(caught: unknown) => caught
		);
		expect(isHttpError(refused) && refused.status).toBe(403);
	});
});
