import { z } from 'zod';
import { flag } from '../agreements/schemas';
import { asOfText } from '../finance/moments';
import {
	arrangementCommentSchema,
	arrangementQuery,
	circularAmountsSchema,
	createArrangementSchema,
	createCircularSchema,
	differenceQuery,
	financeTaskSchema,
	markFiguresSchema,
	recordEntrySchema,
	reportNeedSchema,
	setArrangementStatusSchema,
	updateArrangementSchema
} from '../finance/schemas';
import {
	arrangementComment,
	arrangementDetail,
	arrangementPage,
	arrangementRow,
	budgetMomentList,
	circular,
	circularImport,
	circularList,
	financeDifference,
	financeTotals,
	recordedAmounts,
	recordedEntry,
	taskDetail,
	taskList
} from './finance-schemas';
import { operationsOf, readErrors, versionedErrors, writeErrors } from './operation';

/*
 * The finance part (financiële arrangementen): arrangements with their schedule as a ledger, the
 * fund circulars and what they processed, the totals as known at a moment, the co-governance tasks
 * with their money, and the budget moments. Every amount is an integer of euro cents whose name
 * ends in `Cents`; a body may instead give `amount` in Dutch notation ("1.234.567,89"), as the forms
 * do, and anything else there ("1,234.56") is a 400 naming the field.
 *
 * Two versions: the arrangement's `version` (its ETag, If-Match on PATCH and status) counts every
 * change; its `scheduleVersion` counts the ledger's entries only. A new entry states the schedule
 * version it was made against in the body (`expectedScheduleVersion`, required here), so that an
 * edit of the title does not hold up a booking and two bookings on the same schedule cannot both
 * land; a koepel's mark names the schedule version it looked at (`scheduleVersion`).
 */

const tag = 'Financiën';
const base = '/api/v1/finance';
const arrangement = 'Het financieel arrangement';
const circularId = 'De circulaire';
const task = 'De medebewindstaak';

/**
 * The moments a query names (asOf, from, to), checked at the edge before a verb reads them: a day
 * or an instant before the year 1000 (`0000-01-01`) is one the database cannot compare with, so it
 * is refused here, as the forms refuse such a date (calendar-date.ts), instead of becoming a 500.
 */
const fromYear1000 = (value: string | undefined) => !value || !/^\s*0\d{3}-/.test(value);
const yearMessage = {
	error: 'Kies een begrotingsmoment (zoals voorjaarsnota-2025) of een datum vanaf het jaar 1000.'
};
const momentText = z.string().optional().refine(fromYear1000, yearMessage);
export const momentParams = z.object({ asOf: momentText, from: momentText, to: momentText });

export const asOfQuery = z.object({
	asOf: asOfText.refine(fromYear1000, yearMessage).meta({
		description:
			'Zoals bekend op een begrotingsmoment (voorjaarsnota-2025), een dag (2025-04-15, het eind ervan in Amsterdam) of een ISO-moment; zonder: nu.'
	})
});

const filters =
	'Filters: q (zoeken in het Nederlands), layer, instrument en status (herhaalbaar), party (vng, ipo of uvw: de ontvangende koepel), year, moment (besloten bij, voorjaarsnota-2025), notProcessed=true, asOf (voorjaarsnota-2025, 2025-04-15 of een ISO-moment).';

/** The body of a booking as this API takes it: the schedule version is required. */
export const recordEntryBody = recordEntrySchema.extend({
	expectedScheduleVersion: recordEntrySchema.shape.expectedScheduleVersion.unwrap().meta({
		description:
			'De scheduleVersion van het arrangement die u zag (uit de GET); een andere boeking sindsdien geeft 412.'
	})
});

export const importQuery = z.object({
	dryRun: flag('Kies true of false voor dryRun.').meta({
		description:
			'true: lees het bestand en antwoord het voorbeeld met de fouten per regel, zonder iets vast te leggen.'
	})
});

export const financeOperations = operationsOf({
	listArrangements: {
		method: 'get',
		path: `${base}/arrangements`,
		tag,
		summary: 'Het overzicht van financiële arrangementen',
		description: `${filters} Sorteren (sort: reference, title, total, status, layer; dir) en per pagina, met het totaal.`,
		query: arrangementQuery,
		response: arrangementPage,
		errors: [400]
	},
	createArrangement: {
		method: 'post',
		path: `${base}/arrangements`,
		tag,
		summary: 'Een arrangement vastleggen (secretariaat, Financiën, BZK)',
		description:
			'Met desgewenst het eerste kasritme in `schedule`: per jaar `amountCents` (hele eurocenten). Vertrouwelijk, tenzij het besluit openbaar is gepubliceerd.',
		body: createArrangementSchema,
		response: arrangementRow,
		status: 201,
		etag: true,
		errors: [400, 403, 409, 413, 415]
	},
	getArrangement: {
		method: 'get',
		path: `${base}/arrangements/{id}`,
		tag,
		summary:
			'Eén arrangement: de rij, de boekingen, de aansluiting met de circulaires, de koppelingen en de reacties',
		description: 'Met `asOf` ook de rij zoals toen bekend (`asOfRow`).',
		id: arrangement,
		query: asOfQuery,
		response: arrangementDetail,
		etag: true,
		errors: [400, 404]
	},
	updateArrangement: {
		method: 'patch',
		path: `${base}/arrangements/{id}`,
		tag,
		summary: 'Een arrangement bewerken (secretariaat, Financiën, BZK)',
		description:
			'Stuur alleen de velden die veranderen, met de versie in If-Match. Het kasritme verandert alleen met een boeking.',
		id: arrangement,
		body: updateArrangementSchema.omit({ expectedVersion: true }),
		response: arrangementRow,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	recordArrangementEntry: {
		method: 'post',
		path: `${base}/arrangements/{id}/entries`,
		tag,
		summary: 'Een boeking: het kasritme wijzigen (secretariaat, Financiën, BZK)',
		description:
			'Per jaar het bedrag dat het jaar ná de boeking heeft (`amountCents`), met de reden; een jaar dat u niet noemt blijft. Een correctie is een nieuwe boeking (`correctsId`). `expectedScheduleVersion` is verplicht: de scheduleVersion die u zag (412 als er sindsdien geboekt is). Een boeking maakt het oordeel van de koepel ongeldig.',
		id: arrangement,
		body: recordEntryBody,
		response: recordedEntry,
		status: 201,
		errors: [...writeErrors, 412]
	},
	setArrangementStatus: {
		method: 'post',
		path: `${base}/arrangements/{id}/status`,
		tag,
		summary: 'De status zetten (secretariaat, Financiën, BZK)',
		description:
			'Een stap vooruit of terug: voorgesteld, toegezegd, verwerkt (met `processedCircularId` of `processedBudgetLaw`), uitbetaald; vervallen met een reden, vanuit elke status. Met de versie in If-Match.',
		id: arrangement,
		body: setArrangementStatusSchema.omit({ expectedVersion: true }),
		response: arrangementRow,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	markArrangementFigures: {
		method: 'post',
		path: `${base}/arrangements/{id}/marks`,
		tag,
		summary: 'Eens of oneens met de bedragen (de ontvangende koepel)',
		description:
			'Voor de versie van het kasritme die u zag (`scheduleVersion`; 412 als er sindsdien geboekt is). Opnieuw oordelen vervangt het oordeel.',
		id: arrangement,
		body: markFiguresSchema,
		response: arrangementRow,
		etag: true,
		errors: [...writeErrors, 412]
	},
	commentOnArrangement: {
		method: 'post',
		path: `${base}/arrangements/{id}/comments`,
		tag,
		summary: 'Reageren (de ontvangende koepel, secretariaat, Financiën, BZK)',
		description: 'De reacties staan in het arrangement zelf (GET, `comments`).',
		id: arrangement,
		body: arrangementCommentSchema,
		response: arrangementComment,
		status: 201,
		errors: writeErrors
	},
	listCirculars: {
		method: 'get',
		path: `${base}/circulars`,
		tag,
		summary: 'De fondscirculaires, nieuwste eerst',
		response: circularList,
		errors: []
	},
	createCircular: {
		method: 'post',
		path: `${base}/circulars`,
		tag,
		summary: 'Een verschenen circulaire vastleggen (secretariaat, Financiën, BZK)',
		description: 'Eén per soort (mei, september, december) en jaar; een tweede is 409.',
		body: createCircularSchema,
		response: circular,
		status: 201,
		errors: [400, 403, 409, 413, 415]
	},
	getCircular: {
		method: 'get',
		path: `${base}/circulars/{id}`,
		tag,
		summary: 'Eén circulaire',
		id: circularId,
		response: circular,
		errors: readErrors
	},
	recordCircularAmounts: {
		method: 'post',
		path: `${base}/circulars/{id}/amounts`,
		tag,
		summary: 'Vastleggen wat een circulaire verwerkte (secretariaat, Financiën, BZK)',
		description:
			'Per regel het arrangement (`reference` zoals FA-0001, of `arrangementId`), het jaar en `amountCents`. Alles of niets: een fout veld of een onbekend kenmerk weigert het geheel, met de regel (`amounts.0.year`, `line.2.kenmerk`). Een bedrag dat de circulaire al had, wordt vervangen.',
		id: circularId,
		body: circularAmountsSchema,
		response: recordedAmounts,
		errors: writeErrors
	},
	importCircularAmounts: {
		method: 'post',
		path: `${base}/circulars/{id}/import`,
		tag,
		summary: 'Een tabel met verwerkte bedragen importeren (CSV of XLSX)',
		description:
			'multipart/form-data met het bestand in het veld `file`: kolommen kenmerk, jaar en bedrag (Nederlandse notatie). Met `?dryRun=true` het voorbeeld met de fouten per regel, zonder iets vast te leggen; zonder dryRun alles of niets (400 met de fouten per regel). Met een sessie moet het verzoek een Origin van dit platform meesturen.',
		id: circularId,
		query: importQuery,
		body: z.object({
			file: z.string().meta({ format: 'binary', description: 'De tabel (.csv of .xlsx)' })
		}),
		bodyMediaType: 'multipart/form-data',
		response: circularImport,
		errors: writeErrors
	},
	financeTotals: {
		method: 'get',
		path: `${base}/totals`,
		tag,
		summary: 'De totalen per jaar, per bestuurslaag en per instrument',
		description: `${filters} Exact tot op de cent.`,
		query: arrangementQuery.omit({ sort: true, dir: true, page: true, pageSize: true }),
		response: financeTotals,
		errors: [400]
	},
	financeDifference: {
		method: 'get',
		path: `${base}/totals/difference`,
		tag,
		summary: 'Wat er veranderde tussen twee momenten, per jaar, bestuurslaag en instrument',
		description:
			'`from` en `to` zijn elk een begrotingsmoment (miljoenennota-2025) of een dag; zonder `to`: tot nu. Met dezelfde filters als de totalen.',
		query: arrangementQuery
			.omit({ sort: true, dir: true, page: true, pageSize: true, asOf: true })
			.extend(differenceQuery.shape),
		response: financeDifference,
		errors: [400]
	},
	listFinanceTasks: {
		method: 'get',
		path: `${base}/tasks`,
		tag,
		summary: 'De medebewindstaken met hun geld',
		response: taskList,
		errors: []
	},
	createFinanceTask: {
		method: 'post',
		path: `${base}/tasks`,
		tag,
		summary: 'Een medebewindstaak vastleggen (secretariaat, Financiën, BZK)',
		description:
			'De wet, de bestuurslagen die haar uitvoeren, de uitvoerbaarheidstoets, en de arrangementen en afspraken erbij.',
		body: financeTaskSchema,
		response: taskDetail,
		status: 201,
		etag: true,
		errors: [400, 403, 413, 415]
	},
	getFinanceTask: {
		method: 'get',
		path: `${base}/tasks/{id}`,
		tag,
		summary: 'Eén medebewindstaak: per jaar toegezegd tegen de gemelde behoefte',
		id: task,
		query: asOfQuery,
		response: taskDetail,
		etag: true,
		errors: [400, 404]
	},
	updateFinanceTask: {
		method: 'patch',
		path: `${base}/tasks/{id}`,
		tag,
		summary: 'Een medebewindstaak bewerken (secretariaat, Financiën, BZK)',
		description:
			'Stuur alleen de velden die veranderen, met de versie in If-Match; `arrangementIds` en `agreementIds` vervangen de koppelingen.',
		id: task,
		body: financeTaskSchema.partial(),
		response: taskDetail,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	reportFinanceNeed: {
		method: 'post',
		path: `${base}/tasks/{id}/needs`,
		tag,
		summary: 'De behoefte van een jaar melden (een koepel wiens laag de taak uitvoert)',
		description:
			'Namens de eigen koepel (`party`), met `amountCents` en de bron. De nieuwste melding per koepel en jaar telt; de eerdere blijven als geschiedenis.',
		id: task,
		body: reportNeedSchema,
		response: taskDetail,
		status: 201,
		errors: writeErrors
	},
	listBudgetMoments: {
		method: 'get',
		path: `${base}/budget-moments`,
		tag,
		summary: 'De begrotingsmomenten (Voorjaarsnota, Miljoenennota, Najaarsnota)',
		description: 'Hun `key` is wat `asOf`, `moment`, `from` en `to` aannemen.',
		response: budgetMomentList,
		errors: []
	}
});
