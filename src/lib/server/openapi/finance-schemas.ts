import { z } from 'zod';
import {
	arrangementStatuses,
	budgetMomentKinds,
	circularKinds,
	feasibilityStatuses,
	financeInstruments,
	financeLayers,
	financeNatures
} from '../db/schema';
import type { ArrangementDetail, ArrangementPage, FinanceTotals } from '../finance';
import type { TaskDetail } from '../finance/tasks';
import type { LiveArrangementRow } from '../../realtime/finance-payloads';
import { party, time, uuid, version } from './schemas';

/*
 * The shapes of the finance API's answers (finance-operations.ts names the operations). A row is
 * the projection the overview and the live event carry (src/lib/realtime/finance-payloads.ts),
 * with one difference: every amount of money is an integer of euro cents whose name ends in
 * `Cents`, so a client never has to guess the unit (the live payload's `cents` and the totals'
 * `values` are renamed here, by the present… functions at the end).
 */

const instant = z.string().meta({ format: 'date-time', description: 'ISO 8601, UTC' });
const day = z.string().meta({ format: 'date', description: 'jjjj-mm-dd, Europe/Amsterdam' });
const cents = (description: string) =>
	z.int().meta({ description: `${description}, in hele eurocenten (een geheel getal)` });
const layer = z
	.enum(financeLayers)
	.meta({ id: 'FinanceLayer', description: 'De bestuurslaag die het geld ontvangt' });
const instrument = z.enum(financeInstruments).meta({ id: 'FinanceInstrument' });
const status = z.enum(arrangementStatuses).meta({ id: 'ArrangementStatus' });
const circularKind = z.enum(circularKinds).meta({ id: 'CircularKind' });

export const budgetMoment = z
	.object({
		id: uuid,
		kind: z.enum(budgetMomentKinds),
		year: z.int(),
		publishedOn: day,
		label: z.string().meta({ description: 'Voorjaarsnota 2025' }),
		key: z.string().meta({
			description: 'Hoe een filter of asOf het noemt: voorjaarsnota-2025'
		})
	})
	.meta({ id: 'BudgetMoment' });

export const budgetMomentList = z.array(budgetMoment).meta({ id: 'BudgetMomentList' });

export const circular = z
	.object({
		id: uuid,
		kind: circularKind,
		year: z.int(),
		publishedOn: day,
		label: z.string().meta({ description: 'meicirculaire 2025' })
	})
	.meta({ id: 'Circular' });

export const circularList = z.array(circular).meta({ id: 'CircularList' });

/** The moment a view is "as known at": the end of that day in Amsterdam, or of the moment's day. */
const asOf = z
	.object({
		at: time,
		key: z.string().meta({ description: 'Zoals gevraagd: voorjaarsnota-2025 of 2025-04-15' }),
		label: z.string(),
		moment: budgetMoment.nullable()
	})
	.meta({ id: 'FinanceAsOf' });

const mark = z
	.object({
		party,
		verdict: z.enum(['eens', 'oneens']),
		note: z.string().nullable(),
		scheduleVersion: z.int().meta({ description: 'De versie van het kasritme waarop zij sloeg' }),
		current: z.boolean().meta({ description: 'Gegeven op het kasritme zoals het nu is' }),
		personName: z.string(),
		markedAt: instant
	})
	.meta({ id: 'ArrangementMark' });

const scheduleYear = z
	.object({ year: z.int(), amountCents: cents('Het bedrag van het jaar') })
	.meta({ id: 'ScheduleYear' });

export const arrangementRow = z
	.object({
		id: uuid,
		reference: z.string().meta({ description: 'Het kenmerk, FA-0001' }),
		title: z.string(),
		instrument,
		layer,
		receivingParty: party.meta({ description: 'De koepel van de ontvangende laag' }),
		nature: z.enum(financeNatures),
		status,
		budgetMoment: budgetMoment.nullable(),
		expectedCircular: z.object({ kind: circularKind, year: z.int(), label: z.string() }).nullable(),
		processedIn: z
			.string()
			.nullable()
			.meta({ description: 'Waarin verwerkt: "meicirculaire 2025", of een begrotingswet' }),
		notProcessedAsExpected: z.boolean().meta({
			description: 'De verwachte circulaire is verschenen zonder dit arrangement'
		}),
		confidentiality: z.enum(['vertrouwelijk', 'openbaar']),
		agreementId: uuid.nullable(),
		decisionId: uuid.nullable(),
		agendaItemId: uuid.nullable(),
		schedule: z
			.array(scheduleYear)
			.meta({ description: 'Het kasritme per jaar (alleen jaren met een bedrag)' }),
		totalCents: cents('Het totaal over alle jaren'),
		scheduleVersion: z.int().meta({
			description:
				'Telt de boekingen; stuur hem mee als expectedScheduleVersion (boeking) of scheduleVersion (oordeel)'
		}),
		marks: z.array(mark),
		updatedAt: instant,
		version
	})
	.meta({ id: 'ArrangementRow' });

export const arrangementPage = z
	.object({
		total: z.int().meta({ description: 'Het aantal arrangementen dat aan de filters voldoet' }),
		page: z.int(),
		pageSize: z.int(),
		asOf: asOf.nullable().meta({ description: 'Zoals bekend op dit moment; null: nu' }),
		rows: z.array(arrangementRow)
	})
	.meta({ id: 'ArrangementPage' });

export const entry = z
	.object({
		id: uuid,
		sequence: z.int().meta({ description: 'De versie van het kasritme na deze boeking' }),
		reason: z.string(),
		budgetMoment: budgetMoment.nullable(),
		knownAt: instant,
		recordedAt: instant,
		recordedByName: z.string(),
		correctsId: uuid.nullable(),
		lines: z.array(
			z.object({
				year: z.int(),
				deltaCents: cents('De verandering'),
				fromCents: cents('Het bedrag ervoor'),
				toCents: cents('Het bedrag erna')
			})
		)
	})
	.meta({ id: 'FinanceEntry' });

export const recordedEntry = z
	.object({ row: arrangementRow, entry })
	.meta({ id: 'RecordedFinanceEntry' });

export const arrangementComment = z
	.object({
		id: uuid,
		authorName: z.string(),
		organisationName: z.string(),
		body: z.string(),
		createdAt: instant
	})
	.meta({ id: 'ArrangementComment' });

const related = z.object({ id: uuid, reference: z.string(), title: z.string() });

export const arrangementDetail = z
	.object({
		row: arrangementRow,
		asOfRow: arrangementRow
			.nullable()
			.meta({ description: 'Het arrangement zoals bekend op asOf; null zonder asOf' }),
		asOf: asOf.nullable(),
		description: z.string(),
		sourceDocument: z.string().nullable(),
		lapseReason: z.string().nullable(),
		links: z.array(
			z.object({
				kind: z.enum(['agreement', 'decision', 'agenda_item', 'meeting']),
				id: uuid,
				title: z.string(),
				href: z.string()
			})
		),
		replaces: related.nullable(),
		replacedBy: z.array(related),
		tasks: z.array(z.object({ id: uuid, name: z.string() })),
		history: z.array(entry).meta({ description: 'De boekingen, nieuwste eerst' }),
		reconciliation: z
			.array(
				z.object({
					year: z.int(),
					committedCents: cents('Het kasritme nu'),
					processed: z.array(
						z.object({
							circularId: uuid,
							label: z.string(),
							amountCents: cents('Wat deze circulaire verwerkte')
						})
					),
					processedCents: cents('Wat de nieuwste circulaire verwerkte').nullable(),
					differenceCents: cents('Verwerkt min kasritme').nullable()
				})
			)
			.meta({ description: 'Per jaar het kasritme tegen wat de circulaires verwerkten' }),
		comments: z.array(arrangementComment),
		createdAt: instant,
		version: version.meta({
			description: 'De versie van het arrangement (row.version), ook de ETag'
		})
	})
	.meta({ id: 'ArrangementDetail' });

const series = <K extends z.ZodType>(key: K) =>
	z.object({
		key,
		valuesCents: z
			.array(z.int())
			.meta({ description: 'Per jaar van years het bedrag, in hele eurocenten' }),
		totalCents: cents('Over alle jaren')
	});

export const financeTotals = z
	.object({
		asOf: asOf.nullable(),
		years: z.array(z.int()),
		byLayer: z.array(series(layer)),
		byInstrument: z.array(series(instrument)),
		total: series(z.literal('total'))
	})
	.meta({ id: 'FinanceTotals' });

export const financeDifference = z
	.object({
		from: asOf,
		to: asOf.nullable().meta({ description: 'null: tot nu' }),
		change: financeTotals.meta({ description: 'Wat veranderde tussen de twee momenten' })
	})
	.meta({ id: 'FinanceDifference' });

export const recordedAmounts = z
	.object({ recorded: z.int().meta({ description: 'Het aantal vastgelegde bedragen' }) })
	.meta({ id: 'RecordedCircularAmounts' });

export const circularImport = z
	.object({
		dryRun: z.boolean().meta({ description: 'true: alleen het voorbeeld, er is niets vastgelegd' }),
		circular,
		recorded: z.int().meta({ description: 'Vastgelegde bedragen (0 bij dryRun)' }),
		lines: z.array(
			z.object({
				line: z.int().meta({ description: 'De regel in het bestand' }),
				arrangementId: uuid,
				reference: z.string(),
				title: z.string(),
				year: z.int(),
				amountCents: cents('Het verwerkte bedrag'),
				previousCents: cents('Wat de circulaire er eerder voor had').nullable()
			})
		),
		errors: z
			.array(
				z.object({
					line: z.int().meta({ description: '0 voor het bestand als geheel' }),
					column: z.string().optional().meta({ description: 'kenmerk, jaar of bedrag' }),
					message: z.string()
				})
			)
			.meta({ description: 'Per regel wat er mis is; een import met fouten legt niets vast' })
	})
	.meta({ id: 'CircularImport' });

const feasibility = z.enum(feasibilityStatuses).meta({ id: 'FeasibilityStatus' });

export const taskSummary = z
	.object({
		id: uuid,
		name: z.string(),
		law: z.string(),
		layers: z.array(layer),
		feasibilityStatus: feasibility,
		arrangementCount: z.int(),
		agreementCount: z.int(),
		committedCents: cents('Toegezegd door de gekoppelde arrangementen, over alle jaren'),
		needCents: cents('De gemelde behoefte (de nieuwste per koepel en jaar), over alle jaren'),
		version
	})
	.meta({ id: 'FinanceTaskSummary' });

export const taskList = z.array(taskSummary).meta({ id: 'FinanceTaskList' });

export const taskDetail = taskSummary
	.extend({
		description: z.string(),
		feasibilityOutcome: z.string().nullable(),
		arrangements: z.array(arrangementRow),
		agreements: z.array(z.object({ id: uuid, title: z.string(), status: z.string() })),
		balance: z.array(
			z.object({
				year: z.int(),
				committedCents: cents('Toegezegd'),
				needs: z.array(
					z.object({ party, amountCents: cents('De gemelde behoefte'), source: z.string() })
				),
				needCents: cents('De behoefte samen'),
				balanceCents: cents('Toegezegd min behoefte; negatief is een tekort')
			})
		),
		asOf: asOf.nullable(),
		needHistory: z.array(
			z.object({
				id: uuid,
				party,
				year: z.int(),
				amountCents: cents('De gemelde behoefte'),
				source: z.string(),
				reportedByName: z.string(),
				reportedAt: instant
			})
		),
		updatedAt: instant
	})
	.meta({ id: 'FinanceTask' });

/*
 * From what the verbs answer to the documented names: amounts end in `Cents`. Each is a plain
 * renaming; the response schema then strips what it does not name.
 */

type Schedule = { year: number; cents: number }[];

export const presentRow = (row: LiveArrangementRow) => ({
	...row,
	schedule: (row.schedule as Schedule).map((line) => ({
		year: line.year,
		amountCents: line.cents
	}))
});

export const presentPage = (page: ArrangementPage) => ({
	...page,
	rows: page.rows.map(presentRow)
});

export const presentDetail = (detail: ArrangementDetail) => ({
	...detail,
	row: presentRow(detail.row),
	asOfRow: detail.asOfRow ? presentRow(detail.asOfRow) : null,
	reconciliation: detail.reconciliation.map((year) => ({
		...year,
		processed: year.processed.map((line) => ({ ...line, amountCents: line.cents }))
	})),
	version: detail.row.version
});

export const presentTotals = (totals: FinanceTotals) => {
	const rename = <T extends { values: number[] }>(item: T) => ({
		...item,
		valuesCents: item.values
	});
	return {
		...totals,
		byLayer: totals.byLayer.map(rename),
		byInstrument: totals.byInstrument.map(rename),
		total: rename(totals.total)
	};
};

export const presentTask = (task: TaskDetail) => ({
	...task,
	arrangements: task.arrangements.map(presentRow),
	balance: task.balance.map((year) => ({
		...year,
		needs: year.needs.map((need) => ({ ...need, amountCents: need.cents }))
	})),
	needHistory: task.needHistory.map((need) => ({ ...need, amountCents: need.cents }))
});
