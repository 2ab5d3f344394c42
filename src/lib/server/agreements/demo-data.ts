import type { Party } from '../db/schema';
import { TIME_ZONE } from '../../time';
import { DAY } from '../meetings/demo-data';

/*
 * What the demo's agreements say: the seven agreements of the past Overhedenoverleg's published
 * besluitenlijst (decisions/demo.ts) and the BOFv it handed work to, with their responsible parties,
 * and the clock their days are counted on (what happened to them afterwards: demo-story.ts). The
 * cases and figures are those of DOMAIN.md (public sources, labelled as demo figures). Dates are
 * relative to the first run, so that what is overdue or due soon stays so. demo.ts makes them
 * through the verbs.
 */

/**
 * The demo's agreements have fixed ids in their own range (`9000`), so a second run adds nothing.
 * The range is a valid UUID's (variant 8–b), as the verbs' inputs require of the agreement a link
 * hands on to and of the BOFv meeting.
 */
export const demoAgreementId = (n: number) =>
	`00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
/** The first agreement of the demo before it went through the verbs (range `c000`, no events). */
export const LEGACY_DEMO_AGREEMENT = '00000000-0000-4000-c000-000000000001';
export const DEMO_BOFV = demoAgreementId(900);
/** The decisions and toezeggingen of decisions/demo.ts. */
const did = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;
export const DEMO_FIRST_DECISION = did(1);
const PAST_MEETING = '00000000-0000-4000-a000-000000000002';

/** The demo people who act in the story (their e-mail before the demo domain). */
export const demoActors = [
	'secretariaat',
	'medewerker.bzk',
	'medewerker.fin',
	'medewerker.vng',
	'bestuurder.vng',
	'medewerker.ipo',
	'bestuurder.ipo',
	'medewerker.uvw'
] as const;
export type DemoActor = (typeof demoActors)[number];

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
const longDay = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, dateStyle: 'long' });

/** Days relative to the first run: the calendar day in Amsterdam, and an instant on it. */
export function demoClock(now: number) {
	const day = (days: number) => isoDay.format(new Date(now + days * DAY));
	// On the Amsterdam day of day(days), whatever the hour of the run (a UTC date can be a day off).
	const at = (days: number, hourUtc = 10) =>
		new Date(`${day(days)}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
	return { day, at, longDay: (days: number) => longDay.format(new Date(now + days * DAY)) };
}
export type DemoClock = ReturnType<typeof demoClock>;

/** The BOFv that took the opschalingskorting over, a month after the Overhedenoverleg. */
export function demoBofv(clock: DemoClock) {
	const startsAt = clock.at(-30);
	// The Voorjaarsnota is sent before 1 June: the first one after the BOFv.
	const budgetYear = startsAt.getUTCFullYear() + (startsAt.getUTCMonth() >= 4 ? 1 : 0);
	return {
		meeting: {
			id: DEMO_BOFV,
			kind: 'bofv' as const,
			title: 'Bestuurlijk Overleg Financiële verhoudingen',
			startsAt,
			endsAt: clock.at(-30, 12),
			status: 'gehouden' as const,
			location: 'Den Haag, Ministerie van Financiën',
			chair: 'Staatssecretaris van Financiën'
		},
		voorjaarsnota: { label: `Voorjaarsnota ${budgetYear}`, date: `${budgetYear}-04-15` }
	};
}

type Owner = [party: Party, organisation: string | null, contact: DemoActor];

export interface DemoAgreement {
	n: number;
	input: Record<string, unknown>;
	owners: Owner[];
}

/** The agreements as the secretariaat made them: from a decision or toezegging, or for the BOFv. */
export function demoAgreements(clock: DemoClock, voorjaarsnota: string): DemoAgreement[] {
	const { day } = clock;
	const past = (decision: number | null, commitment?: number) => ({
		meetingId: PAST_MEETING,
		...(decision ? { decisionId: did(decision) } : {}),
		...(commitment ? { commitmentId: did(commitment) } : {})
	});
	return [
		{
			n: 1,
			input: {
				...past(1, 201),
				title: 'De middelen voor de jeugdzorg verwerken in de meicirculaire',
				body: 'De minister van BZK verwerkt de ongeveer € 3 miljard voor gemeenten (2025–2027) voor de jeugdzorg en de daling van het Gemeentefonds in 2026 in de meicirculaire: € 414 mln (2025), circa € 1,3 mld (2026) en circa € 1,3 mld (2027). _Demobedragen naar openbare bronnen._',
				deadline: day(-20),
				confidentiality: 'openbaar'
			},
			owners: [['rijk', 'bzk', 'medewerker.bzk']]
		},
		{
			n: 2,
			input: {
				...past(1),
				title: 'Compensatie van 50% van de tekorten jeugdzorg 2023–2024 (€ 728 mln)',
				body: 'Het kabinet zoekt naar compensatie van de helft van de tekorten van gemeenten op de jeugdzorg in 2023 en 2024 (€ 728 mln) en meldt de dekking aan de tafel.',
				deadline: day(-12),
				confidentiality: 'openbaar'
			},
			owners: [['rijk', 'fin', 'medewerker.fin']]
		},
		{
			n: 3,
			input: {
				...past(2, 202),
				title: 'De ervaringen van gemeenten met de UDO delen in het BOFv',
				body: 'VNG deelt de ervaringen van gemeenten met de uitvoerbaarheidstoets decentrale overheden (UDO), verplicht sinds januari 2023, in het volgende BOFv.',
				deadline: day(50),
				confidentiality: 'openbaar'
			},
			owners: [['vng', null, 'medewerker.vng']]
		},
		{
			n: 4,
			input: {
				...past(null),
				title: 'De verdeling van de opschalingskorting naar het BOFv',
				body: 'De opschalingskorting: het Gemeentefonds eenmalig € 675 mln lager in 2025; vanaf 2026 stijgt het met € 750 mln, naar ongeveer € 1 mld in 2029 (met VNG en IPO afgesproken, in aanwezigheid van de UvW). Het BOFv werkt de verdeling uit. _Demobedragen naar openbare bronnen._',
				deadline: day(-35),
				confidentiality: 'vertrouwelijk'
			},
			owners: [
				['rijk', 'bzk', 'medewerker.bzk'],
				['vng', null, 'medewerker.vng']
			]
		},
		{
			n: 5,
			input: {
				meetingId: DEMO_BOFV,
				title: 'De verdeling van de opschalingskorting vastleggen in een BOFv-notitie',
				body: 'Rijk, VNG en IPO leggen de verdeling over gemeenten en provincies vast in een notitie van het BOFv; VNG legt haar voor aan de leden.',
				deadline: day(-5),
				condition: `Is er op ${clock.longDay(-3)} geen nieuw kabinet, dan besluit het kabinet over de verdeling bij de ${voorjaarsnota}.`,
				fallbackDate: day(-3),
				confidentiality: 'vertrouwelijk'
			},
			owners: [
				['rijk', 'fin', 'medewerker.fin'],
				['vng', null, 'medewerker.vng'],
				['ipo', null, 'medewerker.ipo']
			]
		},
		{
			n: 6,
			input: {
				...past(3),
				title: 'Het tijdpad van het wetsvoorstel bijzondere fondsuitkering (BFU)',
				body: 'Met de herziening van de Financiële-verhoudingswet vervangt de bijzondere fondsuitkering (BFU) de decentralisatie-uitkering. De koepels leggen het tijdpad aan hun leden voor.',
				deadline: day(20),
				confidentiality: 'openbaar'
			},
			owners: [
				['rijk', 'bzk', 'medewerker.bzk'],
				['ipo', null, 'medewerker.ipo']
			]
		},
		{
			n: 7,
			input: {
				...past(4),
				title: 'De voorwaarden voor intrekking van de ingebrekestelling jeugdzorg',
				body: 'Vertrouwelijk: de voorwaarden waaronder VNG de aangekondigde ingebrekestelling intrekt.',
				deadline: day(-45),
				confidentiality: 'vertrouwelijk'
			},
			owners: [
				['vng', null, 'bestuurder.vng'],
				['rijk', 'bzk', 'medewerker.bzk']
			]
		}
	];
}
