import type {
	ArrangementStatus,
	BudgetMomentKind,
	CircularKind,
	FinanceInstrument,
	FinanceLayer,
	Party
} from '../db/schema';

/** Names the server writes into projections, events and mails (the pages have their own, in both languages). */

export const budgetMomentNames: Record<BudgetMomentKind, string> = {
	voorjaarsnota: 'Voorjaarsnota',
	miljoenennota: 'Miljoenennota',
	najaarsnota: 'Najaarsnota'
};

export const circularNames: Record<CircularKind, string> = {
	mei: 'meicirculaire',
	september: 'septembercirculaire',
	december: 'decembercirculaire'
};

export const budgetMomentLabel = (kind: BudgetMomentKind, year: number) =>
	`${budgetMomentNames[kind]} ${year}`;
export const circularLabel = (kind: CircularKind, year: number) => `${circularNames[kind]} ${year}`;

export const instrumentNames: Record<FinanceInstrument, string> = {
	algemene_uitkering_gemeentefonds: 'Algemene uitkering Gemeentefonds',
	algemene_uitkering_provinciefonds: 'Algemene uitkering Provinciefonds',
	integratie_uitkering: 'Integratie-uitkering',
	decentralisatie_uitkering: 'Decentralisatie-uitkering',
	bijzondere_fondsuitkering: 'Bijzondere fondsuitkering (BFU)',
	specifieke_uitkering: 'Specifieke uitkering (SPUK)',
	regio_deal: 'Regio Deal',
	overig: 'Overig'
};

export const layerNames: Record<FinanceLayer, string> = {
	gemeenten: 'Gemeenten',
	provincies: 'Provincies',
	waterschappen: 'Waterschappen'
};

export const statusNames: Record<ArrangementStatus, string> = {
	voorgesteld: 'Voorgesteld',
	toegezegd: 'Toegezegd',
	verwerkt: 'Verwerkt',
	uitbetaald: 'Uitbetaald',
	vervallen: 'Vervallen'
};

/** The koepel that speaks for a receiving layer at the table. */
export const receivingParty: Record<FinanceLayer, Exclude<Party, 'rijk'>> = {
	gemeenten: 'vng',
	provincies: 'ipo',
	waterschappen: 'uvw'
};

export const layerOfParty = (party: Party | null): FinanceLayer | null =>
	(Object.entries(receivingParty).find(([, p]) => p === party)?.[0] as FinanceLayer) ?? null;

/** FA-0001: the kenmerk. */
export const arrangementReference = (number: number) => `FA-${String(number).padStart(4, '0')}`;

/** The number in a kenmerk ("FA-12", "fa-0012"), or null. */
export function referenceNumber(reference: string): number | null {
	const match = /^\s*FA-?(\d{1,9})\s*$/i.exec(reference);
	return match ? Number(match[1]) : null;
}
