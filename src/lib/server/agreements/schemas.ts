import { z } from 'zod';
import { agreementLinkKinds, agreementStatuses, parties, ratificationStates } from '../db/schema';
import { calendarDate } from '../kernel/calendar-date';
import { expectedVersion, optionalText, uuidOf } from '../kernel/input';
import { freeText, refuseUnfit } from '../kernel/text';

/** The verbs' inputs, with a Dutch message per field; the API document is generated from them. */

const title = freeText('De titel', 'Vul een titel in.')
	.trim()
	.min(3, { error: 'Vul een titel in van minstens drie tekens.' })
	.max(200, { error: 'Deze titel is te lang (hoogstens 200 tekens).' });
const body = freeText('De tekst van de afspraak', 'Beschrijf wat is afgesproken.')
	.trim()
	.max(20_000, { error: 'Deze tekst is te lang (hoogstens 20.000 tekens).' });
const day = (message: string) => calendarDate(message);
const condition = optionalText(
	'De voorwaarde of terugvaloptie',
	2000,
	'Deze voorwaarde is te lang (hoogstens 2000 tekens).'
);
const confidentiality = z.enum(['vertrouwelijk', 'openbaar'], {
	error: 'Kies vertrouwelijk of openbaar.'
});

export const ownerSchema = z.object({
	party: z.enum(parties, { error: 'Kies het Rijk, VNG, IPO of de Unie van Waterschappen.' }),
	/** A ministry (for the Rijk) or the koepel itself; optional. */
	organisationId: uuidOf('Kies een organisatie uit de lijst.')
		.nullish()
		.transform((value) => value ?? null),
	contactPersonId: uuidOf('Kies een contactpersoon uit de lijst.')
});
export type OwnerInput = z.infer<typeof ownerSchema>;

const owners = z
	.array(ownerSchema, { error: 'Noem de actiehouders.' })
	.min(1, { error: 'Noem minstens één actiehouder, met een contactpersoon.' })
	.max(12, { error: 'Hoogstens twaalf actiehouders per afspraak.' });

/**
 * A new agreement: from a decision or a toezegging of a besluitenlijst (its text, meeting and, for a
 * toezegging, its date carried over unless given), or free for a meeting.
 */
export const createAgreementSchema = z.object({
	meetingId: uuidOf('Kies een vergadering uit de lijst.').optional(),
	decisionId: uuidOf('Kies een besluit uit de besluitenlijst.').optional(),
	commitmentId: uuidOf('Kies een toezegging uit de besluitenlijst.').optional(),
	title: title.optional(),
	body: body.optional(),
	deadline: day('Vul een geldige termijn in, bijvoorbeeld 2027-03-31.').optional(),
	condition,
	fallbackDate: day('Vul een geldige datum voor de terugvaloptie in, bijvoorbeeld 2027-04-01.')
		.nullish()
		.transform((value) => value ?? null),
	/** Absent: vertrouwelijk, unless the decision is published openbaar. */
	confidentiality: confidentiality.optional(),
	owners
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

export const agreementFields = ['title', 'body', 'deadline', 'condition', 'fallbackDate'] as const;

export const updateAgreementSchema = z.object({
	title: title.optional(),
	body: body.optional(),
	deadline: day('Vul een geldige termijn in, bijvoorbeeld 2027-03-31.').optional(),
	condition: condition.optional(),
	fallbackDate: day('Vul een geldige datum voor de terugvaloptie in, bijvoorbeeld 2027-04-01.')
		.nullable()
		.optional(),
	confidentiality: confidentiality.optional(),
	expectedVersion: expectedVersion.optional()
});

/** A status and what it needs: the API's body (If-Match carries the version). */
export const statusFields = z.object({
	status: z.enum(agreementStatuses, {
		error: 'Kies open, in uitvoering, afgerond, vertraagd of vervallen.'
	}),
	/** Vertraagd: when it is now expected. */
	expectedDate: day('Vul een geldige verwachte datum in, bijvoorbeeld 2027-06-30.')
		.nullish()
		.transform((value) => value ?? null),
	/** Vervallen: why; otherwise an optional note for the history. */
	reason: optionalText('De reden', 2000, 'Deze reden is te lang (hoogstens 2000 tekens).')
});

function statusNeeds(
	value: z.output<typeof statusFields>,
	context: z.RefinementCtx<z.output<typeof statusFields>>
) {
	if (value.status === 'vertraagd' && !value.expectedDate)
		context.addIssue({
			code: 'custom',
			path: ['expectedDate'],
			message: 'Vul in wanneer de afspraak nu wordt verwacht.'
		});
	if (value.status === 'vervallen' && (!value.reason || value.reason.length < 3))
		context.addIssue({
			code: 'custom',
			path: ['reason'],
			message: 'Geef de reden waarom de afspraak vervalt (minstens drie tekens).'
		});
}

export const statusBody = statusFields.superRefine(statusNeeds);
export const setStatusSchema = statusFields
	.extend({ expectedVersion: expectedVersion.optional() })
	.superRefine(statusNeeds);

export const removeOwnerSchema = z.object({
	ownerId: uuidOf('Kies een actiehouder van deze afspraak.')
});

export const progressSchema = z.object({
	text: freeText('De voortgang', 'Beschrijf de voortgang.')
		.trim()
		.min(3, { error: 'Beschrijf de voortgang in minstens drie tekens.' })
		.max(5000, { error: 'Deze voortgang is te lang (hoogstens 5000 tekens).' }),
	percent: z
		.number({ error: 'Het percentage is een getal van 0 tot en met 100.' })
		.int({ error: 'Het percentage is een heel getal van 0 tot en met 100.' })
		.min(0, { error: 'Het percentage is een getal van 0 tot en met 100.' })
		.max(100, { error: 'Het percentage is een getal van 0 tot en met 100.' })
		.nullish()
		.transform((value) => value ?? null)
});

export const ratificationSchema = z
	.object({
		koepel: z.enum(['vng', 'ipo', 'uvw'], { error: 'Kies VNG, IPO of de Unie van Waterschappen.' }),
		state: z.enum(ratificationStates, {
			error: 'Kies niet nodig, lopend, goedgekeurd of afgewezen.'
		}),
		closesOn: day('Vul een geldige sluitingsdatum in, bijvoorbeeld 2027-02-15.')
			.nullish()
			.transform((value) => value ?? null),
		decidedOn: day('Vul een geldige datum van het besluit in, bijvoorbeeld 2027-02-15.')
			.nullish()
			.transform((value) => value ?? null),
		ledenbriefUrl: z
			.url({
				protocol: /^https$/,
				error: 'Vul het adres van de ledenbrief in, beginnend met https://.'
			})
			.superRefine(refuseUnfit('Het adres van de ledenbrief'))
			.max(2000, { error: 'Dit adres is te lang (hoogstens 2000 tekens).' })
			.nullish()
			.transform((value) => value ?? null),
		/** The version of the koepel's record the writer saw; absent for a first one. */
		version: expectedVersion.optional()
	})
	.superRefine((value, context) => {
		if (value.state === 'lopend' && !value.closesOn)
			context.addIssue({
				code: 'custom',
				path: ['closesOn'],
				message: 'Vul in wanneer de ledenraadpleging sluit.'
			});
		if ((value.state === 'goedgekeurd' || value.state === 'afgewezen') && !value.decidedOn)
			context.addIssue({
				code: 'custom',
				path: ['decidedOn'],
				message: 'Vul in wanneer de leden besloten.'
			});
	});

/** Taking back one onward link of the agreement, against the version seen (If-Match). */
export const unlinkSchema = z.object({
	linkId: uuidOf('Kies een doorverwijzing van deze afspraak.'),
	reason: optionalText('De reden', 2000, 'Deze reden is te lang (hoogstens 2000 tekens).'),
	expectedVersion: expectedVersion.optional()
});

export const linkSchema = z
	.object({
		/** Handed on to a later agreement… */
		toAgreementId: uuidOf('Kies een afspraak uit het register.').optional(),
		/** …or to a named destination. */
		destination: z
			.object({
				kind: z.enum(agreementLinkKinds, {
					error:
						'Kies een vergadering, het BOFv, een sectorale tafel, een begrotingsmoment of iets anders.'
				}),
				label: freeText('De bestemming', 'Noem de bestemming, bijvoorbeeld Voorjaarsnota 2027.')
					.trim()
					.min(2, { error: 'Noem de bestemming, bijvoorbeeld Voorjaarsnota 2027.' })
					.max(200, { error: 'Deze naam is te lang (hoogstens 200 tekens).' }),
				meetingId: uuidOf('Kies een vergadering uit de lijst.')
					.nullish()
					.transform((value) => value ?? null),
				date: day('Vul een geldige datum in, bijvoorbeeld 2027-04-15.')
					.nullish()
					.transform((value) => value ?? null)
			})
			.optional()
	})
	.superRefine((value, context) => {
		if (!value.toAgreementId === !value.destination)
			context.addIssue({
				code: 'custom',
				path: ['toAgreementId'],
				message: 'Kies een latere afspraak of noem een bestemming (één van beide).'
			});
	});

export const flag = (message: string) =>
	z
		.union([z.boolean(), z.enum(['true', 'false'])], { error: message })
		.optional()
		.transform((value) => value === true || value === 'true');

export const registerSorts = ['deadline', 'status', 'title', 'meeting'] as const;

/**
 * One or more statuses, as a repeated query parameter brings them (`?status=open&status=vertraagd`)
 * or as one value (the links from before there were several). Parsed to a sorted set without
 * repeats, so that the same choice is the same filter (the register's memo key). Any wrong value
 * refuses the whole filter with the one message, at the field.
 */
export function statusSet<const T extends readonly [string, ...string[]]>(values: T) {
	const one = z.enum(values);
	return z
		.union([one, z.array(one)], { error: 'Kies een status uit de lijst.' })
		.transform((value) => {
			const chosen = [...new Set(typeof value === 'string' ? [value] : value)].sort();
			return chosen.length ? chosen : undefined;
		})
		.optional()
		.meta({
			description:
				'Eén of meer statussen; herhaal de parameter voor meer (status=open&status=vertraagd).',
			param: { style: 'form', explode: true },
			// Documented as what it is: an array (one value alone is read as an array of one).
			override: ({ jsonSchema }) => {
				for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
				Object.assign(jsonSchema, { type: 'array', items: { type: 'string', enum: [...values] } });
			}
		});
}

export const registerQuery = z.object({
	q: freeText('De zoekvraag', 'Vul een zoekvraag in.')
		.trim()
		.max(200, { error: 'Deze zoekvraag is te lang (hoogstens 200 tekens).' })
		.optional()
		.transform((value) => (value ? value : undefined)),
	party: z.enum(parties, { error: 'Kies een partij uit de lijst.' }).optional(),
	status: statusSet(agreementStatuses),
	meetingId: uuidOf('Kies een vergadering uit de lijst.').optional(),
	from: day('Vul een datum in als jjjj-mm-dd.').optional(),
	to: day('Vul een datum in als jjjj-mm-dd.').optional(),
	overdue: flag('Kies true of false voor verlopen.'),
	mine: flag('Kies true of false voor mijn afspraken.'),
	myParty: flag('Kies true of false voor de afspraken van mijn partij.'),
	sort: z
		.enum(registerSorts, { error: 'Sorteer op deadline, status, title of meeting.' })
		.optional(),
	dir: z.enum(['asc', 'desc'], { error: 'Kies asc of desc.' }).default('asc'),
	page: z.coerce
		.number({ error: 'Vul een paginanummer in vanaf 1.' })
		.int({ error: 'Vul een paginanummer in vanaf 1.' })
		.min(1, { error: 'Vul een paginanummer in vanaf 1.' })
		.max(10_000, { error: 'Vul een paginanummer in tot 10.000.' })
		.default(1),
	pageSize: z.coerce
		.number({ error: 'Kies 1 tot 100 afspraken per pagina.' })
		.int({ error: 'Kies 1 tot 100 afspraken per pagina.' })
		.min(1, { error: 'Kies 1 tot 100 afspraken per pagina.' })
		.max(100, { error: 'Kies 1 tot 100 afspraken per pagina.' })
		.default(25)
});
export type RegisterQuery = z.output<typeof registerQuery>;

export const dashboardQuery = z.object({
	/** Absent: the reader's own party. */
	party: z.enum(parties, { error: 'Kies een partij uit de lijst.' }).optional()
});
