import { m } from '$lib/paraglide/messages';
import {
	arrangementStatus,
	budgetMomentKind,
	circularKind,
	figureVerdict,
	financeInstrument,
	financeLayer,
	financeNature
} from '$lib/realtime/finance-payloads';

/*
 * Words for the finance part's enum values, in the page's language (Paraglide, keys fin_*). The
 * server speaks in enum values (finance-payloads.ts); only the pages turn them into words, so the
 * lists below come from the same zod enums the events are checked against.
 */

export type FinanceInstrument = (typeof financeInstrument.options)[number];
export type FinanceLayer = (typeof financeLayer.options)[number];
export type FinanceNature = (typeof financeNature.options)[number];
export type ArrangementStatus = (typeof arrangementStatus.options)[number];
export type BudgetMomentKind = (typeof budgetMomentKind.options)[number];
export type CircularKind = (typeof circularKind.options)[number];
export type FigureVerdict = (typeof figureVerdict.options)[number];
export type ReceivingParty = 'vng' | 'ipo' | 'uvw';

export const instrumentList = financeInstrument.options;
export const layerList = financeLayer.options;
export const natureList = financeNature.options;
export const statusList = arrangementStatus.options;
export const budgetMomentKindList = budgetMomentKind.options;
export const circularKindList = circularKind.options;
export const verdictList = figureVerdict.options;
export const receivingPartyList = ['vng', 'ipo', 'uvw'] as const;

const instrumentNames: Record<FinanceInstrument, () => string> = {
	algemene_uitkering_gemeentefonds: m.fin_instrument_algemene_uitkering_gemeentefonds,
	algemene_uitkering_provinciefonds: m.fin_instrument_algemene_uitkering_provinciefonds,
	integratie_uitkering: m.fin_instrument_integratie_uitkering,
	decentralisatie_uitkering: m.fin_instrument_decentralisatie_uitkering,
	bijzondere_fondsuitkering: m.fin_instrument_bijzondere_fondsuitkering,
	specifieke_uitkering: m.fin_instrument_specifieke_uitkering,
	regio_deal: m.fin_instrument_regio_deal,
	overig: m.fin_instrument_overig
};

const layerNames: Record<FinanceLayer, () => string> = {
	gemeenten: m.fin_layer_gemeenten,
	provincies: m.fin_layer_provincies,
	waterschappen: m.fin_layer_waterschappen
};

const natureNames: Record<FinanceNature, () => string> = {
	structureel: m.fin_nature_structureel,
	incidenteel: m.fin_nature_incidenteel
};

const statusNames: Record<ArrangementStatus, () => string> = {
	voorgesteld: m.fin_status_voorgesteld,
	toegezegd: m.fin_status_toegezegd,
	verwerkt: m.fin_status_verwerkt,
	uitbetaald: m.fin_status_uitbetaald,
	vervallen: m.fin_status_vervallen
};

const budgetMomentKindNames: Record<BudgetMomentKind, () => string> = {
	voorjaarsnota: m.fin_moment_voorjaarsnota,
	miljoenennota: m.fin_moment_miljoenennota,
	najaarsnota: m.fin_moment_najaarsnota
};

const circularKindNames: Record<CircularKind, () => string> = {
	mei: m.fin_circular_mei,
	september: m.fin_circular_september,
	december: m.fin_circular_december
};

const verdictNames: Record<FigureVerdict, () => string> = {
	eens: m.fin_verdict_eens,
	oneens: m.fin_verdict_oneens
};

const receivingPartyNames: Record<ReceivingParty, () => string> = {
	vng: m.fin_party_vng,
	ipo: m.fin_party_ipo,
	uvw: m.fin_party_uvw
};

const name = <K extends string>(
	names: Record<K, () => string>,
	value: string | null | undefined
) => (value ? (names[value as K]?.() ?? value) : '');

export const instrumentLabel = (value: string) => name(instrumentNames, value);
export const layerLabel = (value: string) => name(layerNames, value);
export const natureLabel = (value: string) => name(natureNames, value);
export const arrangementStatusLabel = (value: string) => name(statusNames, value);
export const budgetMomentKindLabel = (value: string) => name(budgetMomentKindNames, value);
export const circularKindLabel = (value: string) => name(circularKindNames, value);
export const verdictLabel = (value: string) => name(verdictNames, value);
export const receivingPartyLabel = (value: string) => name(receivingPartyNames, value);

/** "Voorjaarsnota 2025" in the page's language. */
export const budgetMomentLabel = (moment: { kind: string; year: number }) =>
	m.fin_moment_label({ kind: budgetMomentKindLabel(moment.kind), year: moment.year });

/** "meicirculaire 2025" in the page's language. */
export const circularLabel = (circular: { kind: string; year: number }) =>
	m.fin_circular_label({ kind: circularKindLabel(circular.kind), year: circular.year });

/** The koepel that speaks for a receiving layer at the table (as the server's labels.ts). */
export const receivingParty: Record<FinanceLayer, ReceivingParty> = {
	gemeenten: 'vng',
	provincies: 'ipo',
	waterschappen: 'uvw'
};
