import { text } from '$lib/form-results.server';
import { InvalidInputError } from '$lib/server/kernel/errors';

/*
 * The rows of a schedule form ("jaar" and "bedrag" per row, `<prefix>.<n>.year`/`.amount`): rows
 * left empty are not sent to the verb, and the verb's messages (which number the rows it got)
 * come back at the row the person typed them in.
 */

export interface AmountRows {
	amounts: { year: string; amount: string }[];
	/** The form's row number of each amount sent. */
	rowOf: number[];
}

export function amountRows(form: FormData, prefix: string, max = 40): AmountRows {
	const amounts: AmountRows['amounts'] = [];
	const rowOf: number[] = [];
	for (let row = 0; row < max; row++) {
		const year = text(form, `${prefix}.${row}.year`).trim();
		const amount = text(form, `${prefix}.${row}.amount`).trim();
		if (!form.has(`${prefix}.${row}.year`) && !form.has(`${prefix}.${row}.amount`)) continue;
		if (!year && !amount) continue;
		amounts.push({ year, amount });
		rowOf.push(row);
	}
	return { amounts, rowOf };
}

/** The verb's `<verbField>.<i>.<part>` messages as the form's `<prefix>.<row>.<part>`. */
export function atRows(
	caught: unknown,
	verbField: string,
	prefix: string,
	rowOf: number[]
): unknown {
	if (!(caught instanceof InvalidInputError)) return caught;
	const fields: Record<string, string> = {};
	for (const [name, message] of Object.entries(caught.fields)) {
		const match = new RegExp(`^${verbField}(?:\\.(\\d+)(?:\\.(\\w+))?)?$`).exec(name);
		if (!match) fields[name] = message;
		else if (match[1] === undefined) fields[`${prefix}.0.year`] ??= message;
		else {
			const part = match[2] === 'year' ? 'year' : 'amount';
			fields[`${prefix}.${rowOf[Number(match[1])] ?? 0}.${part}`] ??= message;
		}
	}
	return new InvalidInputError(fields);
}
