import { z } from 'zod';
import { parties, purposes } from '../db/schema';
import { expectedVersion, optionalText, reasonSchema, uuidOf } from '../kernel/input';
import { calendarDate } from '../kernel/calendar-date';
import { freeText } from '../kernel/text';

const title = freeText('De titel', 'Vul een titel in.')
	.trim()
	.min(3, { error: 'Vul een titel in van minstens drie tekens.' })
	.max(200, { error: 'Deze titel is te lang (hoogstens 200 tekens).' });

export const itemFields = z.object({
	title,
	summary: freeText('De samenvatting', 'Vul een samenvatting in.')
		.trim()
		.max(20_000, { error: 'Deze samenvatting is te lang (hoogstens 20.000 tekens).' })
		.default(''),
	purpose: z.enum(purposes, {
		error: 'Kies ter besluitvorming, ter bespreking of ter informatie.'
	}),
	proposedDecision: optionalText(
		'Het voorgestelde besluit',
		5000,
		'Het voorgestelde besluit is te lang (hoogstens 5000 tekens).'
	),
	financialConsequences: z
		.enum(['geen', 'ja'], { error: 'Geef aan of er financiële gevolgen zijn.' })
		.default('geen'),
	financialExplanation: optionalText(
		'De toelichting',
		5000,
		'Deze toelichting is te lang (hoogstens 5000 tekens).'
	),
	contactPerson: optionalText(
		'De contactpersoon',
		200,
		'Deze contactpersoon is te lang (hoogstens 200 tekens).'
	),
	confidentiality: z
		.enum(['vertrouwelijk', 'openbaar'], { error: 'Kies vertrouwelijk of openbaar.' })
		.default('openbaar')
});
export type ItemFields = z.output<typeof itemFields>;

export const draftItemSchema = itemFields.extend({
	meetingId: uuidOf('Kies een vergadering uit de lijst, of de lijst nog te agenderen.')
		.nullish()
		.transform((value) => value ?? null)
});

export const updateItemSchema = z.object({
	...itemFields.shape,
	title: title.optional(),
	summary: itemFields.shape.summary.unwrap().optional(),
	purpose: itemFields.shape.purpose.optional(),
	proposedDecision: itemFields.shape.proposedDecision.optional(),
	financialConsequences: itemFields.shape.financialConsequences.unwrap().optional(),
	financialExplanation: itemFields.shape.financialExplanation.optional(),
	contactPerson: itemFields.shape.contactPerson.optional(),
	confidentiality: itemFields.shape.confidentiality.unwrap().optional(),
	meetingId: draftItemSchema.shape.meetingId.optional(),
	expectedVersion
});

/** Rules across fields; field → Dutch message. */
export function itemProblems(fields: {
	purpose: string;
	proposedDecision: string | null;
	financialConsequences: string;
	financialExplanation: string | null;
}): Record<string, string> {
	const problems: Record<string, string> = {};
	if (fields.purpose === 'besluitvorming' && !fields.proposedDecision)
		problems.proposedDecision =
			'Vul het voorgestelde besluit in; een punt ter besluitvorming heeft er een nodig.';
	if (fields.financialConsequences === 'ja' && !fields.financialExplanation)
		problems.financialExplanation =
			'Licht de financiële gevolgen voor de decentrale overheden toe (Financiële-verhoudingswet, artikel 2).';
	return problems;
}

export const versionOnly = z.object({ expectedVersion: expectedVersion.optional() });

const minutes = z.coerce
	.number({ error: 'Vul het aantal minuten in.' })
	.int({ error: 'Vul een heel aantal minuten in.' })
	.min(1, { error: 'Geef het punt minstens 1 minuut.' })
	.max(480, { error: 'Geef het punt hoogstens 480 minuten.' });

export const placeItemSchema = z.object({
	meetingId: uuidOf('Kies een vergadering uit de lijst.').optional(),
	position: z.coerce
		.number({ error: 'Vul een plaats op de agenda in.' })
		.int({ error: 'Vul een hele plaats op de agenda in.' })
		.min(1, { error: 'De plaats op de agenda begint bij 1.' })
		.optional(),
	minutes
});

export const deferItemSchema = reasonSchema.extend({
	toMeetingId: uuidOf('Kies een latere vergadering uit de lijst, of de lijst nog te agenderen.')
		.nullish()
		.transform((value) => value ?? null)
});

export const reorderSchema = z.object({
	orderedItemIds: z
		.array(uuidOf('Dit agendapunt bestaat niet.'), { error: 'Geef de volgorde van de punten.' })
		.min(1, { error: 'Geef de volgorde van de punten.' })
		.max(500, { error: 'Te veel punten.' })
});

export const inviteCoSponsorSchema = z.object({
	party: z.enum(parties, { error: 'Kies het Rijk, VNG, IPO of de Unie van Waterschappen.' })
});

export const respondCoSponsorSchema = z.object({
	accept: z.boolean({ error: 'Kies aannemen of afslaan.' })
});

/**
 * A party's word: akkoord or bezwaar, never a default. The form starts with nothing chosen, and
 * the page's action checks this before the verb, which checks it again.
 */
export const approvalDecisionSchema = z.enum(['akkoord', 'bezwaar'], {
	error: 'Kies akkoord of bezwaar.'
});

export const approvalSchema = z.object({
	decision: approvalDecisionSchema,
	reason: optionalText('De reden', 2000, 'Deze reden is te lang (hoogstens 2000 tekens).'),
	itemPositions: z
		.record(
			uuidOf('Dit agendapunt bestaat niet.'),
			freeText('Het standpunt', 'Schrijf het standpunt als tekst.')
				.trim()
				.max(2000, { error: 'Dit standpunt is te lang (hoogstens 2000 tekens).' })
		)
		.default({})
});

export const commentSchema = z.object({
	body: freeText('De reactie', 'Schrijf een reactie.')
		.trim()
		.min(1, { error: 'Schrijf een reactie.' })
		.max(10_000, { error: 'Deze reactie is te lang (hoogstens 10.000 tekens).' }),
	parentId: uuidOf('Deze reactie bestaat niet.').nullish()
});

export const editCommentSchema = commentSchema.pick({ body: true });

export const searchSchema = z.object({
	q: freeText('De zoekvraag', 'Vul een zoekvraag in.')
		.trim()
		.max(200, { error: 'Deze zoekvraag is te lang.' })
		.optional(),
	party: z.enum(parties, { error: 'Kies een partij uit de lijst.' }).optional(),
	status: z
		.enum(
			[
				'concept',
				'ingediend',
				'geagendeerd',
				'aangehouden',
				'afgewezen',
				'behandeld',
				'ingetrokken'
			],
			{ error: 'Kies een status uit de lijst.' }
		)
		.optional(),
	purpose: z.enum(purposes, { error: 'Kies een doel uit de lijst.' }).optional(),
	meetingId: uuidOf('Kies een vergadering uit de lijst.').optional(),
	from: calendarDate('Vul een datum in als jjjj-mm-dd.').optional(),
	to: calendarDate('Vul een datum in als jjjj-mm-dd.').optional()
});
