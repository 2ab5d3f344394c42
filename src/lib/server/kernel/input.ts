import { z } from 'zod';
import { fieldErrors, InvalidInputError } from './errors';
import { freeText } from './text';

/** A verb's input through its schema, or an InvalidInputError with Dutch messages per field. */
export function parseInput<T>(schema: z.ZodType<T, unknown>, input: unknown): T {
	const parsed = schema.safeParse(input ?? {});
	if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error.issues));
	return parsed.data;
}

/**
 * Free text that may be left empty: trimmed, and empty becomes null. `label` names the field at the
 * start of a sentence ("Het onderwerp"), for the message about a character that is not text.
 */
export const optionalText = (label: string, max: number, tooLong: string) =>
	freeText(label, 'Vul hier tekst in.')
		.trim()
		.max(max, { error: tooLong })
		.nullish()
		.transform((value) => (value ? value : null));

/** The id of something to pick from a list; `message` says what to pick. */
export const uuidOf = (message: string) => z.uuid({ error: message });

/** The version the writer saw, for the check that nobody changed it since (house rule 5). */
export const expectedVersion = z.coerce
	.number({ error: 'De versie ontbreekt. Laad de pagina opnieuw.' })
	.int({ error: 'De versie ontbreekt. Laad de pagina opnieuw.' })
	.positive({ error: 'De versie ontbreekt. Laad de pagina opnieuw.' });

/** Why someone cancels, withdraws or objects: required, so that the others can read it. */
export const reasonSchema = z.object({
	reason: freeText('De reden', 'Geef een reden.')
		.trim()
		.min(3, { error: 'Geef een reden van minstens drie tekens.' })
		.max(2000, { error: 'Deze reden is te lang (hoogstens 2000 tekens).' })
});
