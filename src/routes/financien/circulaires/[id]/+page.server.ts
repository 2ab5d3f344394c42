import { fail } from '@sveltejs/kit';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import {
	importCircularAmounts,
	previewCircularImport,
	recordCircularAmounts
} from '$lib/server/finance';
import { circularView } from '$lib/server/finance/circular-view';
import { InvalidInputError } from '$lib/server/kernel/errors';
import { requestContext } from '$lib/server/http/client';
import type { Actions, PageServerLoad } from './$types';
import { MAX_IMPORT_BYTES, carry, changed, noFile, tooLarge, unpack } from './import-file';

/**
 * One circular: what it processed per arrangement and year beside the committed schedule, and
 * the arrangements it was expected to process but did not. Finance staff enter amounts by hand
 * (a few rows) or import a table: first a preview with every error at its line, then the import,
 * all or nothing.
 */
export const load: PageServerLoad = async (event) => {
	event.depends('app:live');
	const { actor } = requireSignedIn(event);
	const view = await orAccessError(circularView(actor, event.params.id));
	return { ...view, added: event.url.searchParams.has('toegevoegd'), rows: HAND_ROWS };
};

/** Rows of the hand entry form; more at once is what the import is for. */
const HAND_ROWS = 6;
const handFields = ['reference', 'year', 'amount'] as const;

/** The filled rows of the hand entry, with their row numbers on the form. */
function handRows(form: FormData) {
	const rows: { row: number; reference: string; year: string; amount: string }[] = [];
	for (let row = 1; row <= HAND_ROWS; row++) {
		const [reference, year, amount] = handFields.map((field) =>
			text(form, `${field}-${row}`).trim()
		);
		if (reference || year || amount)
			rows.push({ row, reference: reference!, year: year!, amount: amount! });
	}
	return rows;
}

/** The verb's messages (amounts.0.year, line.1.kenmerk) at the form's fields, with the row. */
function byRow(caught: unknown, rows: { row: number }[]): unknown {
	if (!(caught instanceof InvalidInputError)) return caught;
	const fields: Record<string, string> = {};
	for (const [name, message] of Object.entries(caught.fields)) {
		const amount = /^amounts\.(\d+)(?:\.(\w+))?$/.exec(name);
		const line = /^line\.(\d+)(?:\.(\w+))?$/.exec(name);
		const index = amount ? Number(amount[1]) : line ? Number(line[1]) - 1 : -1;
		const row = rows[index]?.row;
		if (row === undefined) {
			fields[''] ??= message;
			continue;
		}
		const part = (amount ?? line)![2];
		const field =
			part === 'year' || part === 'jaar'
				? 'year'
				: part === 'amount' || part === 'bedrag'
					? 'amount'
					: 'reference';
		// The verb numbers the rows it was given; the form numbers its own (blank rows skipped).
		fields[`${field}-${row}`] ??= `Regel ${row}: ${message.replace(/^Regel \d+: /, '')}`;
	}
	return new InvalidInputError(fields);
}

/** The uploaded file of the form, or a Dutch message. */
async function uploaded(form: FormData): Promise<{ fileName: string; bytes: Uint8Array } | string> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return noFile;
	if (file.size > MAX_IMPORT_BYTES) return tooLarge;
	return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const actions: Actions = {
	amounts: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(
			[...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
		);
		const rows = handRows(form);
		if (rows.length === 0)
			return invalidForm('amounts', { 'reference-1': 'Vul minstens één regel in.' }, values);
		const input = {
			amounts: rows.map((row) => ({ reference: row.reference, year: row.year, amount: row.amount }))
		};
		try {
			const { recorded } = await recordCircularAmounts(
				actor,
				event.params.id,
				input,
				requestContext(event)
			);
			return { form: 'amounts' as const, recorded };
		} catch (caught) {
			return formFailure('amounts', byRow(caught, rows), values);
		}
	},

	preview: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const file = await uploaded(form);
		if (typeof file === 'string') return invalidForm('preview', { file });
		try {
			const preview = await previewCircularImport(
				actor,
				event.params.id,
				file.bytes,
				file.fileName
			);
			return {
				form: 'preview' as const,
				fileName: file.fileName,
				lines: preview.lines,
				lineErrors: preview.errors,
				// Only a file without errors may go on to the import.
				carried:
					preview.errors.length === 0 && preview.lines.length > 0
						? carry(file.fileName, file.bytes)
						: null
			};
		} catch (caught) {
			return formFailure('preview', caught);
		}
	},

	import: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const fileName = text(form, 'fileName');
		const bytes = unpack({ fileName, data: text(form, 'data'), sha256: text(form, 'sha256') });
		if (!bytes) return fail(400, { form: 'import' as const, errors: { file: changed } });
		try {
			const { recorded } = await importCircularAmounts(
				actor,
				event.params.id,
				bytes,
				fileName,
				requestContext(event)
			);
			return { form: 'import' as const, recorded };
		} catch (caught) {
			return formFailure('import', caught);
		}
	}
};
