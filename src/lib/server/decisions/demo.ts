import { asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db';
import {
	agendaApprovals,
	agendaItemRevisions,
	agendaItems,
	commitments,
	decisionListVerifications,
	decisionListVersions,
	decisionLists,
	decisions,
	organisations,
	people
} from '../db/schema';
import { contentFields } from '../agenda/content-fields';
import { agendaSnapshot, fingerprintOf } from '../agenda/fingerprint';
import { DEMO_EMAIL_DOMAIN } from '../db/seed-data';
import { DAY, id } from '../meetings/demo-data';
import { listFingerprint } from './list';
import { correctionReasons } from './list-schemas';
import { publicSnapshot } from './publish';
import { decisionViews } from './store';

/**
 * The past Overhedenoverleg's published besluitenlijst (demo meeting 2): the youth-care
 * arrangement of the Voorjaarsnota 2025, the UDO and the BFU in public, one vertrouwelijk item that
 * only its count betrays, and a first version corrected after publication. Fixed ids (their own
 * range, `b000`) keep it idempotent: once the list exists, a second run adds nothing.
 */
const PAST = id(2);
const did = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;
export const DEMO_LIST_ID = did(100);

/** The two items the past meeting needs besides the demo agenda's 11 and 12. */
const extraItems = [
	{
		n: 14,
		org: 'fin',
		by: 'medewerker.fin',
		position: 3,
		minutes: 15,
		purpose: 'besluitvorming' as const,
		title: 'Herziening van de Financiële-verhoudingswet: tijdpad van de bijzondere fondsuitkering',
		summary:
			'De decentralisatie-uitkering wordt vervangen door de **bijzondere fondsuitkering (BFU)**. Dit punt legt het tijdpad van het wetsvoorstel voor.',
		proposedDecision:
			'1. In te stemmen met het tijdpad voor het wetsvoorstel bijzondere fondsuitkering.',
		confidentiality: 'openbaar' as const
	},
	{
		n: 15,
		org: 'vng',
		by: 'medewerker.vng',
		position: 4,
		minutes: 15,
		purpose: 'bespreking' as const,
		title: 'Verkenning: de opgeschorte ingebrekestelling jeugdzorg',
		summary: 'Vertrouwelijk: de voorwaarden waaronder VNG de ingebrekestelling intrekt.',
		proposedDecision: null,
		confidentiality: 'vertrouwelijk' as const
	}
];

const JEUGDZORG_V1 = [
	'in te stemmen met ongeveer € 3 miljard voor gemeenten in 2025–2027 voor de jeugdzorg en de daling van het Gemeentefonds in 2026: € 414 mln (2025), circa € 1,3 mld (2026) en circa € 1,3 mld (2027);',
	'de middelen te verwerken in de Voorjaarsnota 2025 en uit te keren via de septembercirculaire;',
	'kennis te nemen van het besluit van VNG de ingebrekestelling op te schorten.'
];
// The correction: the first version named the wrong circular (the spring decisions land in the mei one).
const JEUGDZORG_V2 = JEUGDZORG_V1.map((dictum, i) =>
	i === 1
		? 'de middelen te verwerken in de Voorjaarsnota 2025 en uit te keren via de meicirculaire 2025;'
		: dictum
);
export const CORRECTION_NOTE =
	'Besluit 1, dictum 2: de middelen worden uitgekeerd via de meicirculaire 2025, niet via de septembercirculaire. De eerste versie noemde de verkeerde circulaire.';

/** Adds the past meeting's besluitenlijst; returns whether it did (false on a second run). */
export async function seedDemoDecisions(tx: Transaction, now = Date.now()): Promise<boolean> {
	const [existing] = await tx
		.select({ id: decisionLists.id })
		.from(decisionLists)
		.where(eq(decisionLists.meetingId, PAST));
	if (existing) return false;
	const names = ['secretariaat', 'medewerker.fin', 'medewerker.vng'];
	const parties = ['rijk', 'vng', 'ipo', 'uvw'] as const;
	const persons = await tx
		.select({ id: people.id, email: people.email })
		.from(people)
		.where(
			inArray(
				people.email,
				[...names, ...parties.map((p) => `bestuurder.${p}`)].map((n) => `${n}@${DEMO_EMAIL_DOMAIN}`)
			)
		);
	const person = new Map(persons.map((row) => [row.email.split('@')[0]!, row.id]));
	const [meetingItem] = await tx
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(eq(agendaItems.id, id(11)));
	// The demo agenda was left out (accounts removed): leave its besluitenlijst out too.
	if (!meetingItem || persons.length < names.length + parties.length) return false;
	const secretariaat = person.get('secretariaat')!;
	const orgs = await tx
		.select({ id: organisations.id, slug: organisations.slug, party: organisations.party })
		.from(organisations);
	const org = new Map(orgs.map((row) => [row.slug, row]));

	const rows = extraItems.map((item) => ({
		id: id(item.n),
		meetingId: PAST,
		proposingOrganisationId: org.get(item.org)!.id,
		proposingParty: org.get(item.org)!.party,
		proposedBy: person.get(item.by)!,
		title: item.title,
		summary: item.summary,
		purpose: item.purpose,
		proposedDecision: item.proposedDecision,
		financialConsequences: 'geen' as const,
		confidentiality: item.confidentiality,
		status: 'behandeld' as const,
		position: item.position,
		minutes: item.minutes,
		submittedAt: new Date(now - 80 * DAY)
	}));
	await tx.insert(agendaItems).values(rows).onConflictDoNothing();
	await tx
		.insert(agendaItemRevisions)
		.values(
			rows.map((row) => ({
				itemId: row.id,
				version: 1,
				snapshot: Object.fromEntries(
					contentFields.map((f) => [f, (row as Record<string, unknown>)[f] ?? null])
				),
				editedBy: row.proposedBy
			}))
		)
		.onConflictDoNothing();
	// The four agreed to the agenda with these items on it: their akkoord holds for all four.
	const agenda = await agendaSnapshot(tx, PAST);
	await tx
		.update(agendaApprovals)
		.set({ agendaSnapshot: agenda, agendaFingerprint: fingerprintOf(agenda) })
		.where(eq(agendaApprovals.meetingId, PAST));

	// During the meeting itself (demo-data.ts: day −63, 13:00–15:00 UTC).
	const recorded = new Date(now - 63 * DAY);
	recorded.setUTCHours(14, 0, 0, 0);
	const decision = (n: number, item: number, fields: Partial<typeof decisions.$inferInsert>) => ({
		id: did(n),
		meetingId: PAST,
		itemId: id(item),
		agendaNumber: n,
		itemTitle: '',
		outcome: 'aangenomen' as const,
		dealtOrder: n,
		recordedBy: secretariaat,
		recordedAt: recorded,
		updatedAt: recorded,
		...fields
	});
	const titles = new Map(
		(
			await tx
				.select({ id: agendaItems.id, title: agendaItems.title })
				.from(agendaItems)
				.where(inArray(agendaItems.id, [id(11), id(12), id(14), id(15)]))
		).map((row) => [row.id, row.title])
	);
	const values = [
		decision(1, 11, {
			dicta: JEUGDZORG_V1,
			explanation:
				'Het kabinet zoekt daarnaast naar compensatie van 50% van de tekorten 2023–2024 (€ 728 mln).'
		}),
		decision(2, 12, {
			outcome: 'ter_kennisgeving_aangenomen',
			dicta: ['kennis te nemen van de eerste ervaringen met de uitvoerbaarheidstoets (UDO).']
		}),
		decision(3, 14, {
			dicta: ['in te stemmen met het tijdpad voor het wetsvoorstel bijzondere fondsuitkering.'],
			hamerstuk: true
		}),
		decision(4, 15, {
			outcome: 'aangenomen_met_wijziging',
			dicta: ['de voorwaarden voor intrekking van de ingebrekestelling vertrouwelijk te houden.']
		})
	].map((row) => ({ ...row, itemTitle: titles.get(row.itemId)! }));
	await tx.insert(decisions).values(values);
	await tx.insert(commitments).values([
		{
			id: did(201),
			decisionId: did(1),
			position: 1,
			party: 'rijk',
			holder: 'de minister van BZK',
			description: 'Verwerkt de middelen voor de jeugdzorg in de meicirculaire 2025.',
			dueDate: isoDate(now - 20 * DAY)
		},
		{
			id: did(202),
			decisionId: did(2),
			position: 1,
			party: 'vng',
			holder: 'VNG',
			description: 'Deelt de ervaringen van gemeenten met de UDO in het volgende BOFv.',
			dueDate: isoDate(now + 50 * DAY)
		}
	]);

	const adoptedAt = new Date(now - 45 * DAY);
	const openbaar = [id(11), id(12), id(14)];
	const first = await publicSnapshot(tx, PAST, openbaar, adoptedAt, []);
	// After publication the secretariaat corrected the circular: the decision's next version.
	await tx
		.update(decisions)
		.set({ dicta: JEUGDZORG_V2, version: 2, updatedAt: new Date(now - 32 * DAY) })
		.where(eq(decisions.id, did(1)));
	const second = await publicSnapshot(tx, PAST, openbaar, adoptedAt, []);

	const working = await decisionViews(
		tx,
		await tx
			.select()
			.from(decisions)
			.where(eq(decisions.meetingId, PAST))
			.orderBy(asc(decisions.dealtOrder))
	);
	await tx.insert(decisionLists).values({
		id: DEMO_LIST_ID,
		meetingId: PAST,
		status: 'gepubliceerd',
		verificationClosesAt: new Date(now - 49 * DAY),
		adoptedAt,
		adoptedBy: secretariaat,
		publishedVersion: 2,
		version: 5
	});
	await tx.insert(decisionListVerifications).values(
		parties.map((party) => ({
			id: did(300 + parties.indexOf(party)),
			listId: DEMO_LIST_ID,
			party,
			decision: 'akkoord' as const,
			decidedBy: person.get(`bestuurder.${party}`)!,
			decidedAt: new Date(now - 50 * DAY),
			fingerprint: listFingerprint(working),
			snapshot: working
		}))
	);
	const reason = correctionReasons.procedureel;
	await tx.insert(decisionListVersions).values([
		{
			id: did(401),
			listId: DEMO_LIST_ID,
			meetingId: PAST,
			number: 1,
			snapshot: first,
			publishedBy: secretariaat,
			publishedAt: new Date(now - 44 * DAY)
		},
		{
			id: did(402),
			listId: DEMO_LIST_ID,
			meetingId: PAST,
			number: 2,
			snapshot: second,
			reason: reason.label,
			reasonCode: reason.code,
			note: CORRECTION_NOTE,
			publishedBy: secretariaat,
			publishedAt: new Date(now - 32 * DAY)
		}
	]);
	return true;
}

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
