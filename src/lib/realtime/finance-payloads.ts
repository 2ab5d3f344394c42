import { z } from 'zod/mini';

/*
 * The live events of the finance part (src/lib/server/finance), described as the rest of the
 * catalogue is (event-payloads.ts spreads these in). Each arrangement event carries the arrangement
 * as a row of the overview shows it, its schedule now included, so that lists and totals update in
 * place; an entry's event also carries its lines (the change per year), which a totals view as known
 * at a moment adds when the entry was known by then. Amounts are integer euro cents.
 */

const id = z.string();
const instant = z.iso.datetime();
const day = z.string();
const party = z.enum(['rijk', 'vng', 'ipo', 'uvw']);
const cents = z.int();

export const financeInstrument = z.enum([
	'algemene_uitkering_gemeentefonds',
	'algemene_uitkering_provinciefonds',
	'integratie_uitkering',
	'decentralisatie_uitkering',
	'bijzondere_fondsuitkering',
	'specifieke_uitkering',
	'regio_deal',
	'overig'
]);
export const financeLayer = z.enum(['gemeenten', 'provincies', 'waterschappen']);
export const financeNature = z.enum(['structureel', 'incidenteel']);
export const arrangementStatus = z.enum([
	'voorgesteld',
	'toegezegd',
	'verwerkt',
	'uitbetaald',
	'vervallen'
]);
export const budgetMomentKind = z.enum(['voorjaarsnota', 'miljoenennota', 'najaarsnota']);
export const circularKind = z.enum(['mei', 'september', 'december']);
export const figureVerdict = z.enum(['eens', 'oneens']);

export const liveBudgetMoment = z.object({
	id,
	kind: budgetMomentKind,
	year: z.int(),
	publishedOn: day,
	/** "Voorjaarsnota 2025". */
	label: z.string(),
	/** How a link names it: `voorjaarsnota-2025`. */
	key: z.string()
});
export type LiveBudgetMoment = z.infer<typeof liveBudgetMoment>;

export const liveCircular = z.object({
	id,
	kind: circularKind,
	year: z.int(),
	publishedOn: day,
	/** "meicirculaire 2025". */
	label: z.string()
});
export type LiveCircular = z.infer<typeof liveCircular>;

export const scheduleYear = z.object({ year: z.int(), cents });
export type ScheduleYear = z.infer<typeof scheduleYear>;

/** A koepel's mark on the figures; `current` while it was given on the schedule as it is now. */
export const liveMark = z.object({
	party,
	verdict: figureVerdict,
	note: z.nullable(z.string()),
	scheduleVersion: z.int(),
	current: z.boolean(),
	personName: z.string(),
	markedAt: instant
});
export type LiveMark = z.infer<typeof liveMark>;

/** An arrangement as a row of the overview shows it. */
export const liveArrangementRow = z.object({
	id,
	/** Its kenmerk, FA-0001. */
	reference: z.string(),
	title: z.string(),
	instrument: financeInstrument,
	layer: financeLayer,
	/** The koepel of the receiving layer, who marks the figures. */
	receivingParty: party,
	nature: financeNature,
	status: arrangementStatus,
	budgetMoment: z.nullable(liveBudgetMoment),
	expectedCircular: z.nullable(z.object({ kind: circularKind, year: z.int(), label: z.string() })),
	/** Where it was processed: "meicirculaire 2025", or a budget law by name. */
	processedIn: z.nullable(z.string()),
	/** Its expected circular is out without it: "niet verwerkt zoals verwacht". */
	notProcessedAsExpected: z.boolean(),
	confidentiality: z.enum(['vertrouwelijk', 'openbaar']),
	agreementId: z.nullable(id),
	decisionId: z.nullable(id),
	agendaItemId: z.nullable(id),
	/** The schedule now, by year (only years with an amount). */
	schedule: z.array(scheduleYear),
	totalCents: cents,
	scheduleVersion: z.int(),
	marks: z.array(liveMark),
	updatedAt: instant,
	version: z.int()
});
export type LiveArrangementRow = z.infer<typeof liveArrangementRow>;

/** A ledger entry: one change of the schedule, per year the change and the amount after it. */
export const liveEntry = z.object({
	id,
	sequence: z.int(),
	reason: z.string(),
	budgetMoment: z.nullable(liveBudgetMoment),
	knownAt: instant,
	recordedAt: instant,
	recordedByName: z.string(),
	correctsId: z.nullable(id),
	lines: z.array(z.object({ year: z.int(), deltaCents: cents, fromCents: cents, toCents: cents }))
});
export type LiveEntry = z.infer<typeof liveEntry>;

export const liveArrangementComment = z.object({
	id,
	authorName: z.string(),
	organisationName: z.string(),
	body: z.string(),
	createdAt: instant
});
export type LiveArrangementComment = z.infer<typeof liveArrangementComment>;

export const liveProcessedAmount = z.object({
	circularId: id,
	arrangementId: id,
	year: z.int(),
	amountCents: cents
});

const withRow = { row: liveArrangementRow };

export const financePayloads = {
	'finance.arrangement_created.v1': z.object(withRow),
	'finance.arrangement_updated.v1': z.object({ ...withRow, changed: z.array(z.string()) }),
	'finance.entry_recorded.v1': z.object({ ...withRow, entry: liveEntry }),
	'finance.status_changed.v1': z.object({
		...withRow,
		from: arrangementStatus,
		to: arrangementStatus,
		reason: z.nullable(z.string())
	}),
	'finance.figures_marked.v1': z.object({ ...withRow, mark: liveMark }),
	'finance.commented.v1': z.object({ ...withRow, comment: liveArrangementComment }),
	'finance.circular_added.v1': z.object({ circular: liveCircular }),
	/** Amounts a circular processed, entered by hand or imported: the rows they concern, as now. */
	'finance.circular_amounts_recorded.v1': z.object({
		circular: liveCircular,
		amounts: z.array(liveProcessedAmount),
		rows: z.array(liveArrangementRow)
	}),
	'finance.task_saved.v1': z.object({ taskId: id, name: z.string(), changed: z.array(z.string()) }),
	'finance.need_reported.v1': z.object({
		taskId: id,
		party,
		year: z.int(),
		amountCents: cents,
		source: z.string()
	})
};
