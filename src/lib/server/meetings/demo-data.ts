import type { ItemStatus, meetings, Party } from '../db/schema';
import { SESSION_MEETING, sessionItems, sessionTimes, sessionTitle } from './demo-session';

/**
 * Demo meetings and agenda items, drawn from real cases (DOMAIN.md). Fixed ids make the seed
 * idempotent: a second run adds nothing and leaves later edits alone. Dates are relative to the
 * first run, so the demo always has a coming and a past Overhedenoverleg, and one held that day
 * (demo-session.ts).
 */
export const id = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
export const DAY = 86_400_000;

export type DemoMeeting = typeof meetings.$inferInsert & { id: string };

/** When the demo's two Overhedenoverleggen meet, days from the first run. */
const PAST_MEETING_DAY = -63;
const COMING_MEETING_DAY = 35;

/**
 * The season of a date by its Dutch name, with its year ("najaar 2026"): the demo's dates follow
 * the day of the first run, so their names are made from them, and voorjaar falls in spring.
 */
export function seasonOf(date: Date): string {
	const month = date.getUTCMonth();
	const season =
		month === 11 || month <= 1
			? 'winter'
			: month <= 4
				? 'voorjaar'
				: month <= 7
					? 'zomer'
					: 'najaar';
	return `${season} ${date.getUTCFullYear()}`;
}

/** The names of the demo's meetings for a first run at `now`: each matches its date. */
export function demoTitles(now: number) {
	const past = `Overhedenoverleg ${seasonOf(new Date(now + PAST_MEETING_DAY * DAY))}`;
	const coming = `Overhedenoverleg ${seasonOf(new Date(now + COMING_MEETING_DAY * DAY))}`;
	// A voorportaal is named after the meeting it prepares.
	return {
		past,
		pastVoorportaal: `Ambtelijk voorportaal ${past}`,
		coming,
		comingVoorportaal: `Ambtelijk voorportaal ${coming}`,
		session: sessionTitle(now)
	};
}

export function demoMeetings(now: number): DemoMeeting[] {
	const at = (days: number, hourUtc: number) => {
		const date = new Date(now + days * DAY);
		date.setUTCHours(hourUtc, 0, 0, 0);
		return date;
	};
	const titles = demoTitles(now);
	const common = { location: 'Den Haag, Ministerie van BZK', chair: 'Minister van BZK' };
	return [
		{
			id: id(1),
			kind: 'ambtelijk_voorportaal',
			title: titles.pastVoorportaal,
			startsAt: at(-70, 9),
			endsAt: at(-70, 11),
			status: 'gehouden',
			...common,
			chair: 'Directeur Bestuur en Financiën, BZK'
		},
		{
			id: id(2),
			kind: 'overhedenoverleg',
			title: titles.past,
			startsAt: at(PAST_MEETING_DAY, 13),
			endsAt: at(PAST_MEETING_DAY, 15),
			status: 'gehouden',
			preparatoryMeetingId: id(1),
			proposalDeadline: at(-84, 16),
			...common,
			chair: 'Minister-president'
		},
		{
			id: id(3),
			kind: 'ambtelijk_voorportaal',
			title: titles.comingVoorportaal,
			startsAt: at(21, 9),
			endsAt: at(21, 11),
			status: 'open_voor_voorstellen',
			proposalDeadline: at(14, 16),
			onlineUrl: 'https://vergaderen.example/voorportaal',
			...common,
			chair: 'Directeur Bestuur en Financiën, BZK'
		},
		{
			id: id(4),
			kind: 'overhedenoverleg',
			title: titles.coming,
			startsAt: at(COMING_MEETING_DAY, 13),
			endsAt: at(COMING_MEETING_DAY, 15),
			status: 'agenda_in_afstemming',
			preparatoryMeetingId: id(3),
			proposalDeadline: at(-1, 16),
			...common,
			chair: 'Minister-president'
		},
		{
			id: id(5),
			kind: 'bofv',
			title: 'Bestuurlijk Overleg Financiële verhoudingen',
			startsAt: at(50, 10),
			endsAt: at(50, 12),
			status: 'gepland',
			proposalDeadline: at(36, 16),
			location: 'Den Haag, Ministerie van Financiën',
			chair: 'Staatssecretaris van Financiën'
		},
		{
			// Under way since the first run, agenda adopted: ready for meeting mode.
			id: id(SESSION_MEETING),
			kind: 'overhedenoverleg',
			title: titles.session,
			...sessionTimes(now),
			status: 'agenda_vastgesteld',
			proposalDeadline: at(-10, 16),
			...common,
			onlineUrl: 'https://vergaderen.example/extra-overhedenoverleg'
		}
	];
}

export interface DemoItem {
	n: number;
	meeting: number | null;
	org: string;
	by: string;
	status: ItemStatus;
	title: string;
	summary: string;
	purpose: 'besluitvorming' | 'bespreking' | 'informatie';
	proposedDecision?: string;
	money?: string;
	confidential?: boolean;
	position?: number;
	minutes?: number;
	reason?: string;
	late?: boolean;
	sponsors?: [Party, 'uitgenodigd' | 'geaccepteerd' | 'afgewezen'][];
}

export const demoItems: DemoItem[] = [
	{
		n: 11,
		meeting: 2,
		org: 'vng',
		by: 'medewerker.vng',
		status: 'behandeld',
		position: 1,
		minutes: 45,
		purpose: 'besluitvorming',
		title: 'Jeugdzorg en het Gemeentefonds: ruim € 3 miljard voor 2025–2027',
		summary:
			'De tekorten op de jeugdzorg en de daling van het **Gemeentefonds** in 2026 vragen om extra middelen.\n\nVNG heeft de aangekondigde ingebrekestelling opgeschort in afwachting van dit overleg.',
		proposedDecision:
			'Het Rijk stelt voor 2025–2027 ongeveer € 3 miljard beschikbaar voor gemeenten (jeugdzorg en de daling van het Gemeentefonds in 2026), te verwerken in de Voorjaarsnota 2025.',
		money:
			'Ongeveer € 3 miljard in 2025–2027 via de algemene uitkering van het Gemeentefonds; verwerking in de meicirculaire.',
		sponsors: [['ipo', 'afgewezen']]
	},
	{
		n: 12,
		meeting: 2,
		org: 'bzk',
		by: 'medewerker.bzk',
		status: 'behandeld',
		position: 2,
		minutes: 30,
		purpose: 'informatie',
		title: 'Uitvoerbaarheidstoets decentrale overheden (UDO): de eerste ervaringen',
		summary:
			'Sinds januari 2023 voeren Rijk en decentrale overheden vroeg in het beleidsproces een verplichte dialoog over de uitvoerbaarheid van nieuw beleid.',
		sponsors: [
			['vng', 'geaccepteerd'],
			['ipo', 'geaccepteerd'],
			['uvw', 'geaccepteerd']
		]
	},
	{
		n: 13,
		meeting: 2,
		org: 'ipo',
		by: 'medewerker.ipo',
		status: 'afgewezen',
		purpose: 'bespreking',
		title: 'Provinciefonds: het accres voor 2027',
		summary: 'De provincies willen de ontwikkeling van het accres bespreken.',
		reason: 'Hoort eerst in het BOFv.'
	},
	{
		n: 21,
		meeting: 4,
		org: 'fin',
		by: 'medewerker.fin',
		status: 'geagendeerd',
		position: 1,
		minutes: 45,
		purpose: 'besluitvorming',
		title: 'Herziening van de Financiële-verhoudingswet: de bijzondere fondsuitkering (BFU)',
		summary:
			'De decentralisatie-uitkering wordt vervangen door de **bijzondere fondsuitkering (BFU)**.\n\nDit punt legt de uitgangspunten voor de overgang voor.',
		proposedDecision:
			'Het overleg stemt in met de uitgangspunten voor de overgang van decentralisatie-uitkeringen naar de BFU.',
		money: 'Geen nieuw geld; bestaande decentralisatie-uitkeringen gaan over naar de BFU.',
		sponsors: [
			['ipo', 'geaccepteerd'],
			['vng', 'uitgenodigd']
		]
	},
	{
		n: 22,
		meeting: 4,
		org: 'ipo',
		by: 'medewerker.ipo',
		status: 'geagendeerd',
		position: 2,
		minutes: 30,
		purpose: 'bespreking',
		title: 'ROB-advies "Afrekenen met disbalans": overzicht van de medebewindstaken',
		summary:
			'De Raad voor het Openbaar Bestuur adviseert een helder overzicht van medebewindstaken, met hun taken, middelen en bevoegdheden.',
		sponsors: [['uvw', 'geaccepteerd']]
	},
	{
		n: 23,
		meeting: 4,
		org: 'vng',
		by: 'medewerker.vng',
		status: 'geagendeerd',
		position: 3,
		minutes: 20,
		purpose: 'bespreking',
		title: 'Code interbestuurlijke verhoudingen: twee jaar na ondertekening',
		summary:
			'De Code (20 maart 2023) laat een partij een extra overleg vragen als de verhoudingen knellen. Hoe werkt dat in de praktijk?'
	},
	{
		n: 24,
		meeting: null,
		org: 'bzk',
		by: 'medewerker.bzk',
		status: 'aangehouden',
		purpose: 'informatie',
		title: "Regio Deals en het Nationaal Programma Vitale Regio's",
		summary:
			'Elf regio’s, een verbintenis voor twintig jaar. Stand van zaken van de Regio Deals en het programma.',
		reason: 'Eerst in het ambtelijk voorportaal voorbereiden.'
	},
	{
		n: 25,
		meeting: 4,
		org: 'uvw',
		by: 'medewerker.uvw',
		status: 'ingediend',
		late: true,
		purpose: 'bespreking',
		title: 'Klimaatadaptatie en de waterschapsbelasting',
		summary: 'De kosten van klimaatadaptatie drukken op de waterschapsbelasting.'
	},
	{
		n: 26,
		meeting: 4,
		org: 'vng',
		by: 'medewerker.vng',
		status: 'concept',
		purpose: 'bespreking',
		title: 'Uitvoeringskracht van gemeenten: personeelstekorten',
		summary: 'Concept: alleen zichtbaar voor VNG.',
		confidential: true
	},
	{
		n: 27,
		meeting: 4,
		org: 'uvw',
		by: 'medewerker.uvw',
		status: 'ingetrokken',
		purpose: 'informatie',
		title: 'Waterschapsverkiezingen en opkomst',
		summary: 'Ingetrokken: wordt elders besproken.'
	},
	{
		n: 31,
		meeting: 3,
		org: 'secretariaat',
		by: 'secretariaat',
		status: 'ingediend',
		purpose: 'besluitvorming',
		title: 'Voorbereiding: conceptbesluiten voor het komende Overhedenoverleg',
		summary: 'Het secretariaat legt de conceptbesluiten voor aan het voorportaal.',
		proposedDecision: 'Het voorportaal stemt in met de conceptbesluiten.'
	},
	...sessionItems
];
