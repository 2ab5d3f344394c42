import type {
	BudgetMomentKind,
	CircularKind,
	FeasibilityStatus,
	FinanceInstrument,
	FinanceLayer,
	FinanceNature
} from '../db/schema';
import type { DemoActor } from '../agreements/demo-data';

/*
 * What the demo's financial arrangements say: the cases of DOMAIN.md with the figures public
 * sources report (Voorjaarsnota 2024 and 2025, Kamerstukken), labelled as demo figures in each
 * description; where a source gives no figure (the years between, a bijstelling, a Regio Deal, a
 * koepel's need) the amount is illustrative and says so. Every schedule is told as it became known,
 * moment by moment (the first entry makes it, the later ones adjust it), so that "as known at"
 * shows real differences. demo.ts makes them through the verbs. Amounts are whole euros here
 * (exact integers); demo.ts turns them into cents.
 */

/** The demo's arrangements have fixed ids in their own range (`9100`), so a second run adds nothing. */
export const demoArrangementId = (n: number) =>
	`00000000-0000-4000-9100-${String(n).padStart(12, '0')}`;
/** The demo's co-governance tasks (range `9200`). */
export const demoTaskId = (n: number) => `00000000-0000-4000-9200-${String(n).padStart(12, '0')}`;

/** A budget moment as the reference data has it (moments.ts), e.g. `voorjaarsnota-2025`. */
export type DemoMoment = `${BudgetMomentKind}-${number}`;

export interface DemoEntry {
	moment: DemoMoment;
	reason: string;
	/** Per year the amount it has after this entry, in whole euros. */
	euros: Record<number, number>;
}

export interface DemoArrangement {
	n: number;
	title: string;
	description: string;
	instrument: FinanceInstrument;
	layer: FinanceLayer;
	nature: FinanceNature;
	sourceDocument: string;
	expectedCircular?: { kind: CircularKind; year: number };
	/** The demo agreement it follows from (agreements/demo-data.ts), when that one is there. */
	agreement?: number;
	/** The demo arrangement it replaces. */
	replaces?: number;
	/** Oldest first: the first makes the arrangement (known at its moment), the others follow. */
	entries: DemoEntry[];
	/** The status steps after the circulars are in (a step to verwerkt names its circular). */
	statuses: { status: 'toegezegd' | 'verwerkt'; circular?: CircularKind }[];
}

const DEMO = '_Demobedragen naar openbare bronnen._';
const ILLUSTRATIVE = '_Demobedragen: illustratief, geen officiële cijfers._';

export const demoArrangements: DemoArrangement[] = [
	{
		n: 1,
		title: 'Jeugdzorg en de daling van het Gemeentefonds in 2026 (ruim € 3 miljard, 2025–2027)',
		description: `Na het Overhedenoverleg stelt het kabinet voor 2025–2027 ongeveer € 3 miljard beschikbaar voor gemeenten, voor de jeugdzorg en voor de daling van het Gemeentefonds in 2026 ("ravijnjaar"): € 414 mln in 2025 en circa € 1,3 mld in 2026 en in 2027. Daarop schortte VNG de aangekondigde ingebrekestelling op. ${DEMO}`,
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'incidenteel',
		sourceDocument:
			'Voorjaarsnota 2025 (Kamerstukken II 2024/25); advies "Groeipijn" van de commissie-Van Ark, Kamerstuk 31 839, nr. 1063',
		expectedCircular: { kind: 'mei', year: 2025 },
		agreement: 1,
		entries: [
			{
				moment: 'voorjaarsnota-2025',
				reason: 'vastgesteld bij Voorjaarsnota 2025',
				euros: { 2025: 414_000_000, 2026: 1_300_000_000, 2027: 1_300_000_000 }
			}
		],
		statuses: [{ status: 'toegezegd' }]
	},
	{
		n: 2,
		title: 'Opschalingskorting: eenmalig lager in 2025, vanaf 2026 oplopend naar circa € 1 miljard',
		description: `Met VNG en IPO afgesproken, in aanwezigheid van de UvW: het Gemeentefonds is in 2025 eenmalig € 675 mln lager; vanaf 2026 stijgt het met € 750 mln, oplopend naar ongeveer € 1 mld in 2029. ${DEMO} De tussenjaren 2027 en 2028 zijn geïnterpoleerd.`,
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'structureel',
		sourceDocument: 'Voorjaarsnota 2024 (Kamerstukken II 2023/24)',
		expectedCircular: { kind: 'mei', year: 2025 },
		agreement: 4,
		entries: [
			{
				moment: 'voorjaarsnota-2024',
				reason: 'vastgesteld bij Voorjaarsnota 2024',
				euros: {
					2025: -675_000_000,
					2026: 750_000_000,
					2027: 833_000_000,
					2028: 917_000_000,
					2029: 1_000_000_000
				}
			}
		],
		statuses: [{ status: 'toegezegd' }, { status: 'verwerkt', circular: 'mei' }]
	},
	{
		n: 3,
		title: 'Middelen Wmo: € 75 mln oplopend naar € 300 mln in 2029',
		description: `Extra middelen voor gemeenten voor de Wet maatschappelijke ondersteuning 2015: € 75 mln, oplopend naar € 300 mln in 2029. ${DEMO} De eerste raming en de loon- en prijsbijstelling zijn illustratief.`,
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'structureel',
		sourceDocument: 'Voorjaarsnota 2025 (Kamerstukken II 2024/25)',
		expectedCircular: { kind: 'september', year: 2025 },
		entries: [
			{
				moment: 'miljoenennota-2025',
				reason: 'eerste raming bij Miljoenennota 2025',
				euros: { 2026: 75_000_000, 2027: 75_000_000, 2028: 75_000_000, 2029: 75_000_000 }
			},
			{
				moment: 'voorjaarsnota-2025',
				reason: 'verhoogd bij Voorjaarsnota 2025: oplopend naar € 300 mln in 2029',
				euros: { 2026: 75_000_000, 2027: 150_000_000, 2028: 225_000_000, 2029: 300_000_000 }
			},
			{
				moment: 'miljoenennota-2026',
				reason: 'bijgesteld bij Miljoenennota 2026 (loon- en prijsbijstelling, 2%)',
				euros: { 2026: 76_500_000, 2027: 153_000_000, 2028: 229_500_000, 2029: 306_000_000 }
			}
		],
		statuses: [{ status: 'toegezegd' }, { status: 'verwerkt', circular: 'september' }]
	},
	{
		n: 4,
		title: 'Decentralisatie-uitkering Klimaatadaptatie provincies (2025–2026)',
		description: `Een decentralisatie-uitkering uit het Provinciefonds voor klimaatadaptatie, tot de bijzondere fondsuitkering haar vanaf 2027 vervangt (herziening van de Financiële-verhoudingswet). ${ILLUSTRATIVE}`,
		instrument: 'decentralisatie_uitkering',
		layer: 'provincies',
		nature: 'incidenteel',
		sourceDocument: 'Miljoenennota 2024 (demo)',
		expectedCircular: { kind: 'mei', year: 2025 },
		entries: [
			{
				moment: 'miljoenennota-2024',
				reason: 'vastgesteld bij Miljoenennota 2024',
				euros: { 2025: 40_000_000, 2026: 40_000_000 }
			}
		],
		statuses: [{ status: 'toegezegd' }]
	},
	{
		n: 5,
		title: 'Bijzondere fondsuitkering Klimaatadaptatie provincies (vanaf 2027)',
		description: `Met de herziening van de Financiële-verhoudingswet vervangt de bijzondere fondsuitkering (BFU) de decentralisatie-uitkering Klimaatadaptatie. ${ILLUSTRATIVE}`,
		instrument: 'bijzondere_fondsuitkering',
		layer: 'provincies',
		nature: 'structureel',
		sourceDocument: 'Miljoenennota 2026 (demo)',
		agreement: 6,
		replaces: 4,
		entries: [
			{
				moment: 'miljoenennota-2026',
				reason: 'vastgesteld bij Miljoenennota 2026',
				euros: { 2027: 40_000_000, 2028: 40_000_000, 2029: 40_000_000 }
			},
			{
				moment: 'voorjaarsnota-2026',
				reason: 'bijgesteld bij Voorjaarsnota 2026 (kasschuif van 2027 naar 2029)',
				euros: { 2027: 35_000_000, 2029: 45_000_000 }
			}
		],
		statuses: []
	},
	{
		n: 6,
		title: 'Regio Deal Grensregio Noord: bijdrage van het Rijk',
		description: `De bijdrage van het Rijk aan een Regio Deal met de gemeenten van een grensregio, via een decentralisatie-uitkering uit het Gemeentefonds; verwacht in de meicirculaire 2025, maar daarin niet verwerkt. ${ILLUSTRATIVE}`,
		instrument: 'regio_deal',
		layer: 'gemeenten',
		nature: 'incidenteel',
		sourceDocument: 'Voorjaarsnota 2025 (demo)',
		expectedCircular: { kind: 'mei', year: 2025 },
		entries: [
			{
				moment: 'voorjaarsnota-2025',
				reason: 'vastgesteld bij Voorjaarsnota 2025',
				euros: { 2025: 10_000_000, 2026: 15_000_000, 2027: 15_000_000 }
			}
		],
		statuses: [{ status: 'toegezegd' }]
	}
];

/** The circulars of 2025 and what each processed (whole euros per arrangement and year). */
export const demoCirculars: {
	kind: CircularKind;
	year: number;
	publishedOn: string;
	processed: { n: number; year: number; euros: number }[];
}[] = [
	{
		kind: 'mei',
		year: 2025,
		publishedOn: '2025-06-02',
		processed: [
			{ n: 1, year: 2025, euros: 414_000_000 },
			{ n: 1, year: 2026, euros: 1_300_000_000 },
			{ n: 1, year: 2027, euros: 1_300_000_000 },
			{ n: 2, year: 2025, euros: -675_000_000 },
			{ n: 2, year: 2026, euros: 750_000_000 },
			{ n: 4, year: 2025, euros: 40_000_000 }
			// The Regio Deal (6) was expected here and is missing: it is flagged.
		]
	},
	{
		kind: 'september',
		year: 2025,
		publishedOn: '2025-09-16',
		processed: [
			{ n: 3, year: 2026, euros: 76_500_000 },
			{ n: 3, year: 2027, euros: 153_000_000 },
			{ n: 3, year: 2028, euros: 229_500_000 },
			// € 100.000 less than committed: the small difference the reconciliation shows.
			{ n: 3, year: 2029, euros: 305_900_000 },
			{ n: 4, year: 2026, euros: 40_000_000 }
		]
	}
];

/** The koepels' marks on the figures (on the schedule as it is after all entries). */
export const demoMarks: { n: number; by: DemoActor; verdict: 'eens' | 'oneens'; note?: string }[] =
	[
		{ n: 1, by: 'bestuurder.vng', verdict: 'eens' },
		{
			n: 5,
			by: 'bestuurder.ipo',
			verdict: 'oneens',
			note: 'De kasschuif bij de Voorjaarsnota 2026 is niet met IPO besproken: provincies hebben de middelen in 2027 nodig.'
		}
	];

export const demoComments: { n: number; by: DemoActor; body: string }[] = [
	{
		n: 2,
		by: 'medewerker.vng',
		body: 'Graag de verdeling over de jaren 2027 en 2028 nog bevestigen in het BOFv; de ledenbrief noemt alleen 2026 en 2029.'
	}
];

export interface DemoTask {
	n: number;
	name: string;
	law: string;
	layers: FinanceLayer[];
	description: string;
	feasibilityStatus: FeasibilityStatus;
	feasibilityOutcome?: string;
	arrangements: number[];
	agreements: number[];
	/** What VNG reports the task needs (whole euros), with its source. */
	needs: { year: number; euros: number; source: string }[];
}

const NEED_SOURCE =
	'Demo: illustratieve raming van VNG (geen officieel cijfer); zie voor de achtergrond het advies "Groeipijn" van de commissie-Van Ark, Kamerstuk 31 839, nr. 1063';

export const demoTasks: DemoTask[] = [
	{
		n: 1,
		name: 'Jeugdzorg',
		law: 'Jeugdwet',
		layers: ['gemeenten'],
		description:
			'Gemeenten zijn sinds 2015 verantwoordelijk voor de jeugdhulp en de jeugdbescherming. De tekorten liepen op; het Overhedenoverleg sprak ruim € 3 miljard af voor 2025–2027.',
		feasibilityStatus: 'afgerond',
		feasibilityOutcome:
			'De uitvoerbaarheidstoets decentrale overheden (UDO) van de Hervormingsagenda Jeugd: uitvoerbaar onder voorwaarde van de afgesproken middelen en een evaluatie in 2027.',
		arrangements: [1],
		agreements: [1, 2],
		needs: [
			{ year: 2026, euros: 1_800_000_000, source: NEED_SOURCE },
			{ year: 2027, euros: 1_900_000_000, source: NEED_SOURCE }
		]
	},
	{
		n: 2,
		name: 'Wmo',
		law: 'Wet maatschappelijke ondersteuning 2015',
		layers: ['gemeenten'],
		description:
			'Gemeenten zorgen voor maatschappelijke ondersteuning: hulp bij het huishouden, begeleiding, beschermd wonen en mantelzorgondersteuning.',
		feasibilityStatus: 'lopend',
		arrangements: [3],
		agreements: [],
		needs: []
	}
];

/** The demo people who act: Financiën for the money, VNG and IPO for their marks and needs. */
export const demoFinanceActors = {
	staff: 'medewerker.fin',
	need: 'medewerker.vng'
} as const satisfies Record<string, DemoActor>;
