import { startOfAmsterdamDay, TIME_ZONE } from '../../time';
import type { DemoItem } from './demo-data';

/*
 * The demo meeting that is ready to be held in meeting mode (issue 13): an extra Overhedenoverleg
 * on the day of the first run, already begun, its agenda adopted with every party's akkoord. The
 * coming Overhedenoverleg stays in afstemming: many e2e stories read it as it is.
 */

/** The meeting's number among the demo ids (demo-data.ts `id`). */
export const SESSION_MEETING = 6;

const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;
const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
const dutchDate = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

/**
 * An hour before the first run (on the quarter), never before that day began in Amsterdam:
 * meeting mode opens on the meeting's own day only, and the verbs record decisions once it began.
 */
export function sessionTimes(now: number): { startsAt: Date; endsAt: Date } {
	const dayStart = startOfAmsterdamDay(amsterdamDate.format(new Date(now))).getTime();
	const startsAt = new Date(Math.max(dayStart, Math.floor((now - HOUR) / QUARTER) * QUARTER));
	return { startsAt, endsAt: new Date(startsAt.getTime() + 4 * HOUR) };
}

/** An extra meeting is named after its day ("Extra Overhedenoverleg 1 december 2026"). */
export function sessionTitle(now: number): string {
	return `Extra Overhedenoverleg ${dutchDate.format(sessionTimes(now).startsAt)}`;
}

/** Its agenda: youth care, the ravijnjaar and the Wmo (demo figures from public letters). */
export const sessionItems: DemoItem[] = [
	{
		n: 41,
		meeting: SESSION_MEETING,
		org: 'vng',
		by: 'medewerker.vng',
		status: 'geagendeerd',
		position: 1,
		minutes: 45,
		purpose: 'besluitvorming',
		title: 'Jeugdzorg: compensatie van de tekorten over 2023–2024',
		summary:
			'Het kabinet heeft toegezegd te zoeken naar compensatie van **50%** van de tekorten op de jeugdzorg over 2023–2024.\n\nVNG vraagt dit extra overleg aan op grond van de Code interbestuurlijke verhoudingen.',
		proposedDecision:
			'1. in te stemmen met de compensatie door het Rijk van 50% van de tekorten op de jeugdzorg over 2023–2024, € 728 miljoen (demobedrag);\n2. het BOFv op te dragen de verdeling over de gemeenten vóór de meicirculaire uit te werken;\n3. de uitkomst voor te leggen aan de leden van VNG (ledenraadpleging).',
		money:
			'€ 728 miljoen (demobedrag) via de algemene uitkering van het Gemeentefonds; verwerking in de meicirculaire.',
		sponsors: [['ipo', 'geaccepteerd']]
	},
	{
		n: 42,
		meeting: SESSION_MEETING,
		org: 'fin',
		by: 'medewerker.fin',
		status: 'geagendeerd',
		position: 2,
		minutes: 45,
		purpose: 'besluitvorming',
		title: 'Het ravijnjaar 2026 en de opschalingskorting',
		summary:
			'Zonder afspraken daalt het Gemeentefonds in 2026 met ongeveer **€ 2,3 miljard**. Dit punt legt de verzachting via de opschalingskorting voor.',
		proposedDecision:
			'1. kennis te nemen van de daling van het Gemeentefonds in 2026 met ongeveer € 2,3 miljard;\n2. in te stemmen met een verlaging van de opschalingskorting vanaf 2026 met € 750 miljoen, oplopend tot ongeveer € 1 miljard in 2029 (demobedragen);\n3. de verwerking op te nemen in de septembercirculaire.',
		money:
			'Vanaf 2026 € 750 miljoen per jaar, oplopend tot ongeveer € 1 miljard in 2029 (demobedragen), via het Gemeentefonds en het Provinciefonds.',
		sponsors: [
			['vng', 'geaccepteerd'],
			['ipo', 'geaccepteerd']
		]
	},
	{
		n: 43,
		meeting: SESSION_MEETING,
		org: 'vng',
		by: 'medewerker.vng',
		status: 'geagendeerd',
		position: 3,
		minutes: 30,
		purpose: 'bespreking',
		title: 'Wmo: de middelen voor de komende jaren',
		summary:
			'Voor de Wmo komt € 75 miljoen beschikbaar, oplopend tot € 300 miljoen in 2029 (demobedragen). Is dat genoeg voor de groeiende vraag?'
	},
	{
		n: 44,
		meeting: SESSION_MEETING,
		org: 'bzk',
		by: 'medewerker.bzk',
		status: 'geagendeerd',
		position: 4,
		minutes: 15,
		purpose: 'informatie',
		title: 'Commissie Van Ark ("Groeipijn"): het kader voor de jeugdzorg vanaf 2028',
		summary:
			'De commissie-Van Ark adviseert opnieuw over het financiële kader van de jeugdzorg vanaf 2028 (Kamerstuk 31 839, nr. 1063).'
	}
];
