import type { DemoActor, DemoClock } from './demo-data';

/*
 * The story of the demo's agreements after the meeting, oldest first: who reported, set a status,
 * recorded the members' word or handed an agreement on, and on which day (relative to the first
 * run). demo.ts does each step through its verb; demo-data.ts has the agreements themselves.
 */

/** One thing someone did to an agreement after it was made, on a day relative to the first run. */
export type DemoStep = { n: number; by: DemoActor; days: number } & (
	| { verb: 'progress'; text: string; percent: number | null; file?: 'bofv-notitie' }
	| { verb: 'status'; status: string; expectedDate?: string; reason?: string }
	| { verb: 'ratify'; koepel: 'vng' | 'ipo' | 'uvw'; state: string; fields?: object }
	| { verb: 'link'; to: number }
	| { verb: 'link'; destination: object }
);

/** The story after the meeting, oldest first; demo.ts does each step through its verb. */
export function demoStory(clock: DemoClock, voorjaarsnota: { label: string; date: string }) {
	const { day } = clock;
	const steps: DemoStep[] = [
		{
			n: 7,
			by: 'secretariaat',
			days: -40,
			verb: 'status',
			status: 'vervallen',
			reason:
				'VNG schortte de ingebrekestelling op na de afspraak over ruim € 3 miljard voor de jeugdzorg; de voorwaarden zijn daarmee vervallen.'
		},
		{
			n: 1,
			by: 'medewerker.bzk',
			days: -40,
			verb: 'progress',
			text: 'De middelen staan in de Voorjaarsnota 2025.',
			percent: 50
		},
		{
			n: 1,
			by: 'bestuurder.vng',
			days: -35,
			verb: 'ratify',
			koepel: 'vng',
			state: 'goedgekeurd',
			fields: {
				closesOn: day(-38),
				decidedOn: day(-35),
				ledenbriefUrl: 'https://vng.example/ledenbrieven/jeugdzorg-3-miljard'
			}
		},
		{ n: 1, by: 'medewerker.ipo', days: -35, verb: 'ratify', koepel: 'ipo', state: 'niet_nodig' },
		{ n: 4, by: 'secretariaat', days: -30, verb: 'link', to: 5 },
		{
			n: 4,
			by: 'secretariaat',
			days: -30,
			verb: 'status',
			status: 'afgerond',
			reason: 'Overgedragen aan het BOFv, dat de verdeling uitwerkt.'
		},
		{ n: 2, by: 'medewerker.fin', days: -30, verb: 'status', status: 'in_uitvoering' },
		{
			n: 2,
			by: 'medewerker.fin',
			days: -30,
			verb: 'progress',
			text: 'Voor de helft van de € 728 mln is dekking gevonden.',
			percent: 40
		},
		{
			n: 1,
			by: 'medewerker.bzk',
			days: -22,
			verb: 'progress',
			text: 'Verwerkt in de meicirculaire 2025; de uitkering volgt.',
			percent: 100
		},
		{ n: 1, by: 'secretariaat', days: -22, verb: 'status', status: 'afgerond' },
		{
			n: 5,
			by: 'medewerker.vng',
			days: -8,
			verb: 'ratify',
			koepel: 'vng',
			state: 'lopend',
			fields: {
				closesOn: day(14),
				ledenbriefUrl: 'https://vng.example/ledenbrieven/opschalingskorting-verdeling'
			}
		},
		{
			n: 5,
			by: 'medewerker.vng',
			days: -8,
			verb: 'progress',
			text: 'De concept-notitie ligt bij de leden; de raadpleging loopt. De notitie is bijgevoegd.',
			percent: 60,
			file: 'bofv-notitie'
		},
		{
			n: 6,
			by: 'bestuurder.vng',
			days: -6,
			verb: 'ratify',
			koepel: 'vng',
			state: 'goedgekeurd',
			fields: { decidedOn: day(-6) }
		},
		{
			n: 6,
			by: 'bestuurder.ipo',
			days: -4,
			verb: 'ratify',
			koepel: 'ipo',
			state: 'afgewezen',
			fields: {
				closesOn: day(-5),
				decidedOn: day(-4),
				ledenbriefUrl: 'https://ipo.example/ledenbrieven/tijdpad-bfu'
			}
		},
		{ n: 6, by: 'medewerker.uvw', days: -4, verb: 'ratify', koepel: 'uvw', state: 'niet_nodig' },
		{
			n: 6,
			by: 'medewerker.ipo',
			days: -3,
			verb: 'progress',
			text: 'De leden van IPO wezen het tijdpad af: te krap voor de provinciale begrotingen.',
			percent: null
		},
		{
			n: 5,
			by: 'secretariaat',
			days: -2,
			verb: 'link',
			destination: {
				kind: 'begrotingsmoment',
				label: voorjaarsnota.label,
				date: voorjaarsnota.date
			}
		},
		{
			n: 5,
			by: 'medewerker.fin',
			days: -2,
			verb: 'status',
			status: 'vertraagd',
			expectedDate: day(40),
			reason: `Er is geen nieuw kabinet: de terugvaloptie is van kracht en het kabinet besluit bij de ${voorjaarsnota.label}.`
		}
	];
	return steps;
}
