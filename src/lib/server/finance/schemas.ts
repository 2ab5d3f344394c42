import { z } from 'zod';
import {
	arrangementStatuses,
	circularKinds,
	feasibilityStatuses,
	financeInstruments,
	financeLayers,
	financeNatures,
	parties
} from '../db/schema';
import { calendarDate } from '../kernel/calendar-date';
import { expectedVersion, optionalText, uuidOf } from '../kernel/input';
import { freeText } from '../kernel/text';
import { flag, statusSet } from '../agreements/schemas';
import { asOfText } from './moments';
import { MAX_CENTS, parseMoney } from '../../money';

/** The finance verbs' inputs, with a Dutch message per field; the API document is generated from them. */

const title = freeText('De titel', 'Vul een titel in.')
	.trim()
	.min(3, { error: 'Vul een titel in van minstens drie tekens.' })
	.max(200, { error: 'Deze titel is te lang (hoogstens 200 tekens).' });
const description = freeText('De omschrijving', 'Beschrijf het arrangement.')
	.trim()
	.max(20_000, { error: 'Deze omschrijving is te lang (hoogstens 20.000 tekens).' });
const reason = freeText('De reden', 'Zeg waarom, bijvoorbeeld "bijgesteld bij Voorjaarsnota 2026".')
	.trim()
	.min(3, {
		error: 'Zeg waarom, in minstens drie tekens (bijvoorbeeld "bijgesteld bij Voorjaarsnota 2026").'
	})
	.max(2000, { error: 'Deze reden is te lang (hoogstens 2000 tekens).' });

export const yearSchema = z.coerce
	.number({ error: 'Vul een jaartal in, bijvoorbeeld 2026.' })
	.int({ error: 'Vul een jaartal in, bijvoorbeeld 2026.' })
	.min(2000, { error: 'Kies een jaar vanaf 2000.' })
	.max(2100, { error: 'Kies een jaar tot en met 2100.' });

/** Cents as an integer (the API), within the range the money module keeps exact. */
export const centsSchema = z
	.int({ error: 'Geef het bedrag in hele eurocenten (een geheel getal).' })
	.min(-MAX_CENTS, { error: 'Dit bedrag is te groot.' })
	.max(MAX_CENTS, { error: 'Dit bedrag is te groot.' });

/** An amount in Dutch notation (a form): 1.234.567,89, € 1.234.567, -675.000.000. */
export const dutchAmountSchema = z.string().transform((value, context) => {
	const parsed = parseMoney(value);
	if (!parsed.ok) {
		context.addIssue({ code: 'custom', message: parsed.message });
		return z.NEVER;
	}
	return parsed.cents;
});

/** A year and its amount: `amountCents` (an integer, the API) or `amount` (Dutch text, a form). */
export const yearAmountSchema = z
	.object({
		year: yearSchema,
		amountCents: centsSchema.optional(),
		amount: dutchAmountSchema.optional()
	})
	.transform((value, context) => {
		const cents = value.amountCents ?? value.amount;
		if (cents === undefined) {
			context.addIssue({ code: 'custom', message: 'Vul het bedrag in.', path: ['amount'] });
			return z.NEVER;
		}
		return { year: value.year, cents };
	});
export type YearAmount = z.infer<typeof yearAmountSchema>;

/** Per year the amount it should be after the entry (a year not named stays as it is). */
const amounts = z
	.array(yearAmountSchema, { error: 'Noem de bedragen per jaar.' })
	.min(1, { error: 'Noem minstens één jaar met zijn bedrag.' })
	.max(40, { error: 'Hoogstens veertig jaren per boeking.' })
	.superRefine((lines, context) => {
		const seen = new Set<number>();
		lines.forEach((line, index) => {
			if (seen.has(line.year))
				context.addIssue({
					code: 'custom',
					message: `Het jaar ${line.year} staat er twee keer in.`,
					path: [index, 'year']
				});
			seen.add(line.year);
		});
	});

const knownAt = z.iso
	.datetime({ offset: true, error: 'Vul het moment in als datum en tijd (ISO 8601).' })
	.optional()
	.transform((value) => (value ? new Date(value) : undefined));

const expectedCircular = z
	.object({
		kind: z.enum(circularKinds, { error: 'Kies de mei-, september- of decembercirculaire.' }),
		year: yearSchema
	})
	.nullish()
	.transform((value) => value ?? null);

const optionalId = (message: string) =>
	uuidOf(message)
		.nullish()
		.transform((value) => value ?? null);

const arrangementFieldsShape = {
	title,
	description: description.optional(),
	instrument: z.enum(financeInstruments, { error: 'Kies het instrument.' }),
	layer: z.enum(financeLayers, { error: 'Kies gemeenten, provincies of waterschappen.' }),
	nature: z.enum(financeNatures, { error: 'Kies structureel of incidenteel.' }),
	budgetMomentId: optionalId('Kies een begrotingsmoment uit de lijst.'),
	sourceDocument: optionalText('De bron', 500, 'Deze bron is te lang (hoogstens 500 tekens).'),
	expectedCircular,
	agreementId: optionalId('Kies een afspraak uit de lijst.'),
	decisionId: optionalId('Kies een besluit uit de lijst.'),
	agendaItemId: optionalId('Kies een agendapunt uit de lijst.'),
	replacesId: optionalId('Kies het arrangement dat dit vervangt.'),
	confidentiality: z
		.enum(['vertrouwelijk', 'openbaar'], { error: 'Kies vertrouwelijk of openbaar.' })
		.optional()
};

/** A new arrangement, optionally with its first schedule (its first ledger entry). */
export const createArrangementSchema = z.object({
	...arrangementFieldsShape,
	schedule: amounts.optional(),
	/** Why the first schedule is what it is; defaults to the budget moment's name. */
	reason: reason.optional(),
	knownAt
});
export type CreateArrangementInput = z.infer<typeof createArrangementSchema>;

export const arrangementFields = [
	'title',
	'description',
	'instrument',
	'layer',
	'nature',
	'budgetMomentId',
	'sourceDocument',
	'expectedCircular',
	'agreementId',
	'decisionId',
	'agendaItemId',
	'replacesId',
	'confidentiality'
] as const;

export const updateArrangementSchema = z.object({
	expectedVersion: expectedVersion.optional(),
	title: title.optional(),
	description: description.optional(),
	instrument: arrangementFieldsShape.instrument.optional(),
	layer: arrangementFieldsShape.layer.optional(),
	nature: arrangementFieldsShape.nature.optional(),
	budgetMomentId: uuidOf('Kies een begrotingsmoment uit de lijst.').nullish(),
	sourceDocument: arrangementFieldsShape.sourceDocument.optional(),
	expectedCircular: z
		.object({
			kind: z.enum(circularKinds, { error: 'Kies de mei-, september- of decembercirculaire.' }),
			year: yearSchema
		})
		.nullish(),
	agreementId: uuidOf('Kies een afspraak uit de lijst.').nullish(),
	decisionId: uuidOf('Kies een besluit uit de lijst.').nullish(),
	agendaItemId: uuidOf('Kies een agendapunt uit de lijst.').nullish(),
	replacesId: uuidOf('Kies het arrangement dat dit vervangt.').nullish(),
	confidentiality: arrangementFieldsShape.confidentiality
});

/** A change of the schedule: a ledger entry. */
export const recordEntrySchema = z.object({
	/** The schedule version the writer saw: another entry since is a conflict. */
	expectedScheduleVersion: z.coerce
		.number({ error: 'De versie van het kasritme ontbreekt. Laad de pagina opnieuw.' })
		.int({ error: 'De versie van het kasritme ontbreekt. Laad de pagina opnieuw.' })
		.min(0, { error: 'De versie van het kasritme ontbreekt. Laad de pagina opnieuw.' })
		.optional(),
	reason,
	budgetMomentId: optionalId('Kies een begrotingsmoment uit de lijst.'),
	amounts,
	knownAt,
	/** The entry this one corrects (a correction is a new entry, never a change). */
	correctsId: optionalId('Kies de boeking die u corrigeert.')
});
export type RecordEntryInput = z.infer<typeof recordEntrySchema>;

export const setArrangementStatusSchema = z.object({
	expectedVersion: expectedVersion.optional(),
	status: z.enum(arrangementStatuses, {
		error: 'Kies voorgesteld, toegezegd, verwerkt, uitbetaald of vervallen.'
	}),
	processedCircularId: optionalId('Kies de circulaire waarin het is verwerkt.'),
	processedBudgetLaw: optionalText(
		'De begrotingswet',
		300,
		'Deze naam is te lang (hoogstens 300 tekens).'
	),
	reason: optionalText('De reden', 2000, 'Deze reden is te lang (hoogstens 2000 tekens).')
});

export const markFiguresSchema = z.object({
	verdict: z.enum(['eens', 'oneens'], { error: 'Kies eens of oneens met de bedragen.' }),
	note: optionalText(
		'De toelichting',
		2000,
		'Deze toelichting is te lang (hoogstens 2000 tekens).'
	),
	/** The schedule version the koepel looked at. */
	scheduleVersion: z.coerce
		.number({ error: 'De versie van het kasritme ontbreekt. Laad de pagina opnieuw.' })
		.int({ error: 'De versie van het kasritme ontbreekt. Laad de pagina opnieuw.' })
		.min(1, { error: 'Er zijn nog geen bedragen om mee in te stemmen.' })
});

export const arrangementCommentSchema = z.object({
	body: freeText('De reactie', 'Schrijf een reactie.')
		.trim()
		.min(1, { error: 'Schrijf een reactie.' })
		.max(5000, { error: 'Deze reactie is te lang (hoogstens 5000 tekens).' })
});

export const createCircularSchema = z.object({
	kind: z.enum(circularKinds, { error: 'Kies de mei-, september- of decembercirculaire.' }),
	year: yearSchema,
	publishedOn: calendarDate('Vul de datum van verschijnen in, bijvoorbeeld 2026-06-01.')
});

/** Amounts a circular processed: per arrangement (by id or kenmerk) and year. */
export const circularAmountsSchema = z.object({
	amounts: z
		.array(
			z
				.object({
					arrangementId: uuidOf('Kies een arrangement uit de lijst.').optional(),
					reference: z.string().trim().max(20).optional(),
					year: yearSchema,
					amountCents: centsSchema.optional(),
					amount: dutchAmountSchema.optional()
				})
				.transform((value, context) => {
					const cents = value.amountCents ?? value.amount;
					if (cents === undefined) {
						context.addIssue({ code: 'custom', message: 'Vul het bedrag in.', path: ['amount'] });
						return z.NEVER;
					}
					if (!value.arrangementId && !value.reference) {
						context.addIssue({
							code: 'custom',
							message: 'Noem het arrangement (zijn kenmerk, zoals FA-0001).',
							path: ['reference']
						});
						return z.NEVER;
					}
					return {
						arrangementId: value.arrangementId ?? null,
						reference: value.reference ?? null,
						year: value.year,
						cents
					};
				}),
			{ error: 'Noem de verwerkte bedragen.' }
		)
		.min(1, { error: 'Noem minstens één verwerkt bedrag.' })
		.max(5000, { error: 'Hoogstens 5000 regels tegelijk.' })
});

export const financeTaskSchema = z.object({
	name: title,
	law: freeText('De wet', 'Noem de wet waaruit de taak voortkomt.')
		.trim()
		.min(2, { error: 'Noem de wet waaruit de taak voortkomt.' })
		.max(300, { error: 'Deze naam is te lang (hoogstens 300 tekens).' }),
	layers: z
		.array(z.enum(financeLayers, { error: 'Kies gemeenten, provincies of waterschappen.' }))
		.min(1, { error: 'Kies minstens één bestuurslaag die de taak uitvoert.' }),
	description: description.optional(),
	feasibilityStatus: z
		.enum(feasibilityStatuses, { error: 'Kies de stand van de uitvoerbaarheidstoets.' })
		.optional(),
	feasibilityOutcome: optionalText(
		'De uitkomst',
		5000,
		'Deze uitkomst is te lang (hoogstens 5000 tekens).'
	),
	arrangementIds: z.array(uuidOf('Kies een arrangement uit de lijst.')).max(100).optional(),
	agreementIds: z.array(uuidOf('Kies een afspraak uit de lijst.')).max(100).optional()
});

export const reportNeedSchema = z.object({
	party: z.enum(parties, { error: 'Kies de koepel.' }),
	year: yearSchema,
	amountCents: centsSchema.optional(),
	amount: dutchAmountSchema.optional(),
	source: freeText('De bron', 'Noem de bron van dit bedrag.')
		.trim()
		.min(3, { error: 'Noem de bron van dit bedrag.' })
		.max(500, { error: 'Deze bron is te lang (hoogstens 500 tekens).' })
});

/** The overview's and the totals' filters (a query string or the API's parameters). */
export const arrangementSorts = ['reference', 'title', 'total', 'status', 'layer'] as const;
export const arrangementQuery = z.object({
	q: freeText('De zoekvraag', 'Vul een zoekvraag in.')
		.trim()
		.max(200, { error: 'Deze zoekvraag is te lang (hoogstens 200 tekens).' })
		.optional()
		.transform((value) => (value ? value : undefined)),
	layer: statusSet(financeLayers),
	instrument: statusSet(financeInstruments),
	status: statusSet(arrangementStatuses),
	/** The receiving koepel (VNG: gemeenten, …). */
	party: z
		.enum(['vng', 'ipo', 'uvw'], { error: 'Kies VNG, IPO of de Unie van Waterschappen.' })
		.optional(),
	year: yearSchema.optional(),
	/** Decided at this budget moment (`voorjaarsnota-2025`). */
	moment: z
		.string()
		.trim()
		.regex(/^(voorjaarsnota|miljoenennota|najaarsnota)-\d{4}$/, {
			error: 'Kies een begrotingsmoment uit de lijst.'
		})
		.optional()
		.or(z.literal('').transform(() => undefined)),
	notProcessed: flag('Kies true of false voor niet verwerkt zoals verwacht.'),
	asOf: asOfText,
	sort: z
		.enum(arrangementSorts, { error: 'Sorteer op reference, title, total, status of layer.' })
		.optional(),
	dir: z.enum(['asc', 'desc'], { error: 'Kies asc of desc.' }).default('asc'),
	page: z.coerce
		.number({ error: 'Vul een paginanummer in vanaf 1.' })
		.int({ error: 'Vul een paginanummer in vanaf 1.' })
		.min(1, { error: 'Vul een paginanummer in vanaf 1.' })
		.max(10_000, { error: 'Vul een paginanummer in tot 10.000.' })
		.default(1),
	pageSize: z.coerce
		.number({ error: 'Kies 1 tot 100 arrangementen per pagina.' })
		.int({ error: 'Kies 1 tot 100 arrangementen per pagina.' })
		.min(1, { error: 'Kies 1 tot 100 arrangementen per pagina.' })
		.max(100, { error: 'Kies 1 tot 100 arrangementen per pagina.' })
		.default(25)
});
export type ArrangementQuery = z.output<typeof arrangementQuery>;

/** The difference between two moments (`from` and `to`, each a moment or a day; `to` absent: now). */
export const differenceQuery = z.object({
	from: z
		.string({ error: 'Kies het eerste moment.' })
		.trim()
		.min(1, { error: 'Kies het eerste moment.' })
		.max(40),
	to: asOfText
});
