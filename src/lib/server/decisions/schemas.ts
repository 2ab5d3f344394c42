import { z } from 'zod';
import { decisionOutcomes, parties } from '../db/schema';
import { calendarDate } from '../kernel/calendar-date';
import { expectedVersion, optionalText, reasonSchema, uuidOf } from '../kernel/input';
import { freeText } from '../kernel/text';
import { needsDicta, outcomes, type Outcome } from '../../decisions/outcomes';

/** The browser's list of outcomes and the database's are one list: this fails to compile on drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type OutcomesAgree =
	Same<(typeof decisionOutcomes)[number], Outcome> extends true ? true : never;
const outcomesAgree: OutcomesAgree = true;
void outcomesAgree;
void outcomes;

const dictum = freeText('Een punt van het besluit', 'Vul het besluit in.')
	.trim()
	.max(2000, { error: 'Een punt van het besluit is te lang (hoogstens 2000 tekens).' });

/** A commitment made at the table (toezegging): who, what, by when. ORI allows 500 characters. */
export const commitmentInput = z.object({
	/** An existing commitment keeps its id (the agreements register refers to it). */
	id: z.uuid({ error: 'Deze toezegging bestaat niet (meer). Laad de pagina opnieuw.' }).optional(),
	party: z
		.enum(parties, { error: 'Kies het Rijk, VNG, IPO of de Unie van Waterschappen.' })
		.nullish()
		.transform((value) => value ?? null),
	holder: freeText('Wie de toezegging deed', 'Vul in wie de toezegging deed.')
		.trim()
		.min(2, { error: 'Vul in wie de toezegging deed.' })
		.max(200, { error: 'Deze naam is te lang (hoogstens 200 tekens).' }),
	description: freeText('De toezegging', 'Vul de toezegging in.')
		.trim()
		.min(3, { error: 'Beschrijf de toezegging in minstens drie tekens.' })
		.max(500, { error: 'Deze toezegging is te lang (hoogstens 500 tekens).' }),
	dueDate: calendarDate('Vul een geldige datum in, bijvoorbeeld 2027-03-31.')
		.nullish()
		.transform((value) => value ?? null)
});
export type CommitmentInput = z.infer<typeof commitmentInput>;

export const recordDecisionSchema = z
	.object({
		outcome: z.enum(decisionOutcomes, { error: 'Kies de uitkomst van dit punt.' }),
		dicta: z
			.array(dictum, { error: 'Het besluit is een lijst van punten.' })
			.max(30, { error: 'Een besluit heeft hoogstens 30 punten.' })
			.default([])
			.transform((dicta) => dicta.filter((text) => text.length > 0)),
		explanation: optionalText(
			'De toelichting',
			200,
			'Deze toelichting is te lang (hoogstens 200 tekens; de rest hoort in het besluit).'
		),
		hamerstuk: z.boolean({ error: 'Geef aan of het een hamerstuk was.' }).default(false),
		commitments: z
			.array(commitmentInput, { error: 'De toezeggingen zijn een lijst.' })
			.max(20, { error: 'Hoogstens 20 toezeggingen per besluit.' })
			.default([]),
		/** The decision's version the writer saw; absent for a first recording. */
		version: expectedVersion.optional()
	})
	.superRefine((value, context) => {
		if (needsDicta(value.outcome) && value.dicta.length === 0)
			context.addIssue({
				code: 'custom',
				path: ['dicta'],
				message: 'Vul het besluit in: wat de vergadering besloot, in genummerde punten.'
			});
		if (value.hamerstuk && (value.outcome === 'niet_behandeld' || value.outcome === 'aangehouden'))
			context.addIssue({
				code: 'custom',
				path: ['hamerstuk'],
				message: 'Een hamerstuk is zonder bespreking aangenomen; kies dan een andere uitkomst.'
			});
	});
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

export const currentItemSchema = z.object({
	itemId: uuidOf('Kies een punt van de agenda.').nullable()
});

/** Items not dealt with go to a later meeting, or (null) back to "nog te agenderen". */
export const carryOverSchema = reasonSchema.extend({
	itemIds: z
		.array(uuidOf('Kies de punten die u wilt verplaatsen.'), {
			error: 'Kies de punten die u wilt verplaatsen.'
		})
		.min(1, { error: 'Kies minstens één punt om te verplaatsen.' })
		.max(200, { error: 'Te veel punten in één keer.' }),
	toMeetingId: uuidOf('Kies een latere vergadering uit de lijst.')
		.nullish()
		.transform((value) => value ?? null)
});
