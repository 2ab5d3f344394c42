import { z } from 'zod';
import { calendarDate } from '../kernel/calendar-date';
import { reasonSchema, uuidOf } from '../kernel/input';
import { freeText } from '../kernel/text';

export const verificationSchema = z.object({
	closesOn: calendarDate('Vul de sluitingsdatum in, bijvoorbeeld 2027-01-15.')
});

export const correctionSchema = z.object({
	decisionId: uuidOf('Kies het besluit dat u wilt corrigeren.'),
	proposal: freeText('De voorgestelde tekst', 'Vul de tekst in zoals die zou moeten luiden.')
		.trim()
		.min(3, { error: 'Vul de tekst in zoals die zou moeten luiden.' })
		.max(10_000, { error: 'Deze tekst is te lang (hoogstens 10.000 tekens).' }),
	reason: reasonSchema.shape.reason
});

export const answerSchema = z
	.object({
		accept: z.boolean({ error: 'Kies overnemen of afwijzen.' }),
		reason: freeText('De reden', 'Geef de reden.')
			.trim()
			.max(2000, { error: 'Deze reden is te lang (hoogstens 2000 tekens).' })
			.optional()
	})
	.superRefine((value, context) => {
		if (!value.accept && (!value.reason || value.reason.length < 3))
			context.addIssue({
				code: 'custom',
				path: ['reason'],
				message: 'Geef de reden waarom u de correctie niet overneemt.'
			});
	});

export const publishSchema = z.object({
	/** The items the secretariaat confirms as openbaar; the rest stays out of the publication. */
	publicItemIds: z
		.array(uuidOf('Kies de punten die openbaar worden.'), { error: 'Kies de openbare punten.' })
		.max(500, { error: 'Te veel punten.' })
		.default([])
});

/** Why a published list gets a new version ("correctie procedurele fout"), and what changed. */
export const correctionReasons = {
	procedureel: { label: 'Correctie procedurele fout', code: 'c_c77c86e0' },
	inhoudelijk: { label: 'Inhoudelijke correctie', code: null }
} as const;

export const republishSchema = publishSchema.extend({
	reasonKind: z.enum(['procedureel', 'inhoudelijk'], { error: 'Kies de reden van de correctie.' }),
	note: freeText('Wat er veranderde', 'Beschrijf wat er veranderde.')
		.trim()
		.min(3, { error: 'Beschrijf wat er veranderde.' })
		.max(2000, { error: 'Deze toelichting is te lang (hoogstens 2000 tekens).' })
});
