import { text } from '$lib/form-results.server';
import { parseDicta } from '$lib/decisions/outcomes';

/** How many commitment rows the form offers: the recorded ones and one empty row more. */
export const COMMITMENT_ROWS = 12;

/**
 * The decision form as the verb's input: the decision text as typed ("1. … 2. …") into its dicta,
 * the checkbox, and the commitment rows that were filled in (an empty row is no commitment).
 */
export function readDecisionForm(form: FormData) {
	const commitments = [];
	for (let row = 0; row < COMMITMENT_ROWS; row++) {
		const field = (name: string) => text(form, `commitments.${row}.${name}`).trim();
		const holder = field('holder');
		const description = field('description');
		if (!holder && !description) continue;
		commitments.push({
			...(field('id') ? { id: field('id') } : {}),
			party: field('party') || null,
			holder,
			description,
			dueDate: field('dueDate') || null
		});
	}
	const version = text(form, 'version');
	return {
		outcome: text(form, 'outcome') || undefined,
		dicta: parseDicta(text(form, 'dicta')),
		explanation: text(form, 'explanation'),
		hamerstuk: text(form, 'hamerstuk') === 'on',
		commitments,
		...(version ? { version } : {})
	};
}
