import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db';
import {
	agreementLinks,
	agreementOwners,
	agreementProgress,
	agreementRatifications,
	agreements,
	decisions,
	meetings,
	organisations,
	people,
	type Party
} from '../db/schema';
import { DEMO_EMAIL_DOMAIN } from '../db/seed-data';
import { DAY } from '../meetings/demo-data';
import { TIME_ZONE } from '../../time';
import { planAgreementReminders } from '../notifications/agreement-plan';
import { enqueue } from '../notifications/queue';

/*
 * The demo's agreements, from the past Overhedenoverleg's published besluitenlijst
 * (decisions/demo.ts) and the BOFv it handed work to: one in every status, one overdue, one
 * handed on to the BOFv and from there to the Voorjaarsnota, one whose fallback date has passed,
 * one waiting for VNG's ledenraadpleging, one rejected by IPO's members. The cases and figures are
 * those of DOMAIN.md (public sources, labelled as demo figures). Dates are relative to the first
 * run, so that what is overdue or due soon stays so; the Voorjaarsnota is the first one after the
 * BOFv. Fixed ids (their own range, `c000`) keep it idempotent: a second run adds nothing.
 */

const cid = (n: number) => `00000000-0000-4000-c000-${String(n).padStart(12, '0')}`;
/** The decisions and toezeggingen of decisions/demo.ts. */
const did = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;
const PAST_MEETING = '00000000-0000-4000-a000-000000000002';
export const DEMO_BOFV = cid(900);
export const demoAgreementId = cid;

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
const longDay = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'long' });

/** Adds the demo agreements; returns whether it did (false on a second run, or without the list). */
export async function seedDemoAgreements(tx: Transaction, now = Date.now()): Promise<boolean> {
	const [existing] = await tx
		.select({ id: agreements.id })
		.from(agreements)
		.where(eq(agreements.id, cid(1)));
	if (existing) return false;
	const [decision] = await tx
		.select({ id: decisions.id })
		.from(decisions)
		.where(eq(decisions.id, did(1)));
	// The demo besluitenlijst was left out (accounts removed): leave its agreements out too.
	if (!decision) return false;
	const names = [
		'secretariaat',
		'medewerker.bzk',
		'medewerker.fin',
		'medewerker.vng',
		'bestuurder.vng',
		'medewerker.ipo',
		'bestuurder.ipo',
		'medewerker.uvw'
	];
	const persons = await tx
		.select({ id: people.id, email: people.email })
		.from(people)
		.where(
			inArray(
				people.email,
				names.map((n) => `${n}@${DEMO_EMAIL_DOMAIN}`)
			)
		);
	if (persons.length < names.length) return false;
	const person = new Map(persons.map((row) => [row.email.split('@')[0]!, row.id]));
	const orgs = await tx
		.select({ id: organisations.id, slug: organisations.slug })
		.from(organisations);
	const org = new Map(orgs.map((row) => [row.slug, row.id]));
	const day = (days: number) => isoDay.format(new Date(now + days * DAY));
	const at = (days: number, hourUtc = 10) => {
		const date = new Date(now + days * DAY);
		date.setUTCHours(hourUtc, 0, 0, 0);
		return date;
	};
	const secretariaat = person.get('secretariaat')!;

	// The BOFv that took the opschalingskorting over, a month after the Overhedenoverleg.
	const bofv = at(-30);
	await tx.insert(meetings).values({
		id: DEMO_BOFV,
		kind: 'bofv',
		title: 'Bestuurlijk Overleg Financiële verhoudingen',
		startsAt: bofv,
		endsAt: at(-30, 12),
		status: 'gehouden',
		location: 'Den Haag, Ministerie van Financiën',
		chair: 'Staatssecretaris van Financiën'
	});
	// The Voorjaarsnota is sent before 1 June: the first one after the BOFv.
	const budgetYear = bofv.getUTCFullYear() + (bofv.getUTCMonth() >= 4 ? 1 : 0);
	const voorjaarsnota = `Voorjaarsnota ${budgetYear}`;

	const base = { createdBy: secretariaat, createdAt: at(-60), updatedAt: at(-5) };
	await tx.insert(agreements).values([
		{
			...base,
			id: cid(1),
			meetingId: PAST_MEETING,
			decisionId: did(1),
			commitmentId: did(201),
			title: 'De middelen voor de jeugdzorg verwerken in de meicirculaire',
			body: 'De minister van BZK verwerkt de ongeveer € 3 miljard voor gemeenten (2025–2027) voor de jeugdzorg en de daling van het Gemeentefonds in 2026 in de meicirculaire: € 414 mln (2025), circa € 1,3 mld (2026) en circa € 1,3 mld (2027). _Demobedragen naar openbare bronnen._',
			deadline: day(-20),
			status: 'afgerond',
			closedAt: at(-22),
			confidentiality: 'openbaar'
		},
		{
			...base,
			id: cid(2),
			meetingId: PAST_MEETING,
			decisionId: did(1),
			title: 'Compensatie van 50% van de tekorten jeugdzorg 2023–2024 (€ 728 mln)',
			body: 'Het kabinet zoekt naar compensatie van de helft van de tekorten van gemeenten op de jeugdzorg in 2023 en 2024 (€ 728 mln) en meldt de dekking aan de tafel.',
			deadline: day(-12),
			status: 'in_uitvoering',
			confidentiality: 'openbaar'
		},
		{
			...base,
			id: cid(3),
			meetingId: PAST_MEETING,
			decisionId: did(2),
			commitmentId: did(202),
			title: 'De ervaringen van gemeenten met de UDO delen in het BOFv',
			body: 'VNG deelt de ervaringen van gemeenten met de uitvoerbaarheidstoets decentrale overheden (UDO), verplicht sinds januari 2023, in het volgende BOFv.',
			deadline: day(50),
			confidentiality: 'openbaar'
		},
		{
			...base,
			id: cid(4),
			meetingId: PAST_MEETING,
			title: 'De verdeling van de opschalingskorting naar het BOFv',
			body: 'De opschalingskorting: het Gemeentefonds eenmalig € 675 mln lager in 2025; vanaf 2026 stijgt het met € 750 mln, naar ongeveer € 1 mld in 2029 (met VNG en IPO afgesproken, in aanwezigheid van de UvW). Het BOFv werkt de verdeling uit. _Demobedragen naar openbare bronnen._',
			deadline: day(-35),
			status: 'afgerond',
			closedAt: at(-30)
		},
		{
			...base,
			id: cid(5),
			meetingId: DEMO_BOFV,
			title: 'De verdeling van de opschalingskorting vastleggen in een BOFv-notitie',
			body: 'Rijk, VNG en IPO leggen de verdeling over gemeenten en provincies vast in een notitie van het BOFv; VNG legt haar voor aan de leden.',
			deadline: day(-5),
			condition: `Is er op ${longDay.format(new Date(now - 3 * DAY))} geen nieuw kabinet, dan besluit het kabinet over de verdeling bij de ${voorjaarsnota}.`,
			fallbackDate: day(-3),
			status: 'vertraagd',
			expectedDate: day(40)
		},
		{
			...base,
			id: cid(6),
			meetingId: PAST_MEETING,
			decisionId: did(3),
			title: 'Het tijdpad van het wetsvoorstel bijzondere fondsuitkering (BFU)',
			body: 'Met de herziening van de Financiële-verhoudingswet vervangt de bijzondere fondsuitkering (BFU) de decentralisatie-uitkering. De koepels leggen het tijdpad aan hun leden voor.',
			deadline: day(20),
			confidentiality: 'openbaar'
		},
		{
			...base,
			id: cid(7),
			meetingId: PAST_MEETING,
			decisionId: did(4),
			title: 'De voorwaarden voor intrekking van de ingebrekestelling jeugdzorg',
			body: 'Vertrouwelijk: de voorwaarden waaronder VNG de aangekondigde ingebrekestelling intrekt.',
			deadline: day(-45),
			status: 'vervallen',
			lapseReason:
				'VNG schortte de ingebrekestelling op na de afspraak over ruim € 3 miljard voor de jeugdzorg; de voorwaarden zijn daarmee vervallen.',
			closedAt: at(-40)
		}
	]);

	const owner = (n: number, party: Party, slug: string | null, contact: string) => ({
		agreementId: cid(n),
		party,
		organisationId: slug ? org.get(slug)! : null,
		contactPersonId: person.get(contact)!
	});
	await tx
		.insert(agreementOwners)
		.values([
			owner(1, 'rijk', 'bzk', 'medewerker.bzk'),
			owner(2, 'rijk', 'fin', 'medewerker.fin'),
			owner(3, 'vng', null, 'medewerker.vng'),
			owner(4, 'rijk', 'bzk', 'medewerker.bzk'),
			owner(4, 'vng', null, 'medewerker.vng'),
			owner(5, 'rijk', 'fin', 'medewerker.fin'),
			owner(5, 'vng', null, 'medewerker.vng'),
			owner(5, 'ipo', null, 'medewerker.ipo'),
			owner(6, 'rijk', 'bzk', 'medewerker.bzk'),
			owner(6, 'ipo', null, 'medewerker.ipo'),
			owner(7, 'vng', null, 'bestuurder.vng'),
			owner(7, 'rijk', 'bzk', 'medewerker.bzk')
		]);

	await tx.insert(agreementLinks).values([
		{ fromAgreementId: cid(4), toAgreementId: cid(5), createdBy: secretariaat, createdAt: at(-30) },
		{
			fromAgreementId: cid(5),
			kind: 'begrotingsmoment',
			label: voorjaarsnota,
			date: `${budgetYear}-04-15`,
			createdBy: secretariaat,
			createdAt: at(-2)
		}
	]);

	const report = (
		n: number,
		party: Party,
		by: string,
		days: number,
		text: string,
		percent: number | null
	) => ({
		agreementId: cid(n),
		party,
		text,
		percent,
		createdBy: person.get(by)!,
		createdAt: at(days)
	});
	await tx
		.insert(agreementProgress)
		.values([
			report(1, 'rijk', 'medewerker.bzk', -40, 'De middelen staan in de Voorjaarsnota 2025.', 50),
			report(
				1,
				'rijk',
				'medewerker.bzk',
				-22,
				'Verwerkt in de meicirculaire 2025; de uitkering volgt.',
				100
			),
			report(
				2,
				'rijk',
				'medewerker.fin',
				-30,
				'Voor de helft van de € 728 mln is dekking gevonden.',
				40
			),
			report(
				5,
				'vng',
				'medewerker.vng',
				-8,
				'De concept-notitie ligt bij de leden; de raadpleging loopt.',
				60
			),
			report(
				6,
				'ipo',
				'medewerker.ipo',
				-3,
				'De leden van IPO wezen het tijdpad af: te krap voor de provinciale begrotingen.',
				null
			)
		]);

	const ratification = (
		n: number,
		koepel: Party,
		by: string,
		state: 'niet_nodig' | 'lopend' | 'goedgekeurd' | 'afgewezen',
		dates: { closesOn?: string; decidedOn?: string; ledenbriefUrl?: string } = {}
	) => ({
		agreementId: cid(n),
		koepel,
		state,
		closesOn: dates.closesOn ?? null,
		decidedOn: dates.decidedOn ?? null,
		ledenbriefUrl: dates.ledenbriefUrl ?? null,
		recordedBy: person.get(by)!,
		updatedAt: at(-3)
	});
	await tx.insert(agreementRatifications).values([
		ratification(1, 'vng', 'bestuurder.vng', 'goedgekeurd', {
			closesOn: day(-38),
			decidedOn: day(-35),
			ledenbriefUrl: 'https://vng.example/ledenbrieven/jeugdzorg-3-miljard'
		}),
		ratification(1, 'ipo', 'medewerker.ipo', 'niet_nodig'),
		ratification(5, 'vng', 'medewerker.vng', 'lopend', {
			closesOn: day(14),
			ledenbriefUrl: 'https://vng.example/ledenbrieven/opschalingskorting-verdeling'
		}),
		ratification(6, 'vng', 'bestuurder.vng', 'goedgekeurd', { decidedOn: day(-6) }),
		ratification(6, 'ipo', 'bestuurder.ipo', 'afgewezen', {
			closesOn: day(-5),
			decidedOn: day(-4),
			ledenbriefUrl: 'https://ipo.example/ledenbrieven/tijdpad-bfu'
		}),
		ratification(6, 'uvw', 'medewerker.uvw', 'niet_nodig')
	]);
	// Their reminders, as the verbs would have planned them: those still ahead (and any of today or
	// yesterday), none of the past's, so a first start sends no flood of old reminders.
	await enqueue(
		tx,
		await planAgreementReminders(tx, [1, 2, 3, 4, 5, 6, 7].map(cid), new Date(now))
	);
	return true;
}
