import { error } from '@sveltejs/kit';
import { AccessError, type Actor } from '$lib/server/access';
import { arrangementOverviewAll, financeTotals, type FinanceTotals } from '$lib/server/finance';
import { instrumentNames, layerNames, statusNames } from '$lib/server/finance/labels';
import { amsterdamToday } from '$lib/server/agreements/status';
import {
	contentDisposition,
	exportFilename,
	mediaTypes,
	spreadsheetResponse,
	type ExportFormat
} from '$lib/server/exports/http';
import { sheet, toCsv, type Book } from '$lib/server/exports/spreadsheet';
import { InvalidInputError } from '$lib/server/kernel/errors';
import type { LiveArrangementRow } from '$lib/realtime/finance-payloads';
import type { OverviewRequest } from '../financien/overview-params';

/*
 * The overview of arrangements as a spreadsheet, with the filters and the moment "as known at" of
 * /financien: one row per arrangement and year, in the overview's order, from the overview's own
 * query (arrangementOverviewAll) and so only what the reader may see; and the totals per year as
 * financeTotals sums them in the database, never added up here. Amounts are integer cents to the
 * end: the XLSX holds numbers in euros (cents / 100, shown #,##0.00), the CSV a Dutch decimal.
 */

/** More than this is refused with a message to narrow the filters, never cut off in silence. */
export const FINANCE_EXPORT_LIMIT = 5_000;

const badRequest = (messages: Record<string, string>) =>
	error(400, Object.values(messages).join(' ') || 'Deze filters kloppen niet.');

/** One line per arrangement and year with an amount. */
export function scheduleLines(rows: readonly LiveArrangementRow[]) {
	return rows.flatMap((row) =>
		row.schedule.map((line) => ({
			reference: row.reference,
			title: row.title,
			instrument: instrumentNames[row.instrument],
			layer: layerNames[row.layer],
			status: statusNames[row.status],
			year: line.year,
			cents: line.cents
		}))
	);
}

/** The totals per year and over all years, as the database summed them. */
export function totalLines(totals: FinanceTotals) {
	return [
		...totals.years.map((year, index) => ({
			what: `Totaal ${year}`,
			year,
			cents: totals.total.values[index] ?? 0
		})),
		{ what: 'Totaal alle jaren', year: null, cents: totals.total.totalCents }
	];
}

export function financeBook(
	rows: readonly LiveArrangementRow[],
	totals: FinanceTotals,
	options: { now: Date; asOfLabel: string | null }
): Book {
	const known = options.asOfLabel ? `, zoals bekend op ${options.asOfLabel}` : '';
	return {
		title: `Financiële arrangementen${known}`,
		subject: options.asOfLabel ? `Zoals bekend op ${options.asOfLabel}` : 'Zoals nu bekend',
		description: 'Per arrangement en jaar het bedrag, met de filters van het overzicht.',
		created: options.now,
		sheets: [
			sheet({
				name: 'Arrangementen',
				rows: scheduleLines(rows),
				columns: [
					{ header: 'Kenmerk', key: 'reference', kind: 'text', width: 10 },
					{ header: 'Titel', key: 'title', kind: 'text', width: 50 },
					{ header: 'Instrument', key: 'instrument', kind: 'text', width: 34 },
					{ header: 'Bestuurslaag', key: 'layer', kind: 'text', width: 14 },
					{ header: 'Status', key: 'status', kind: 'text', width: 12 },
					{ header: 'Jaar', key: 'year', kind: 'number', width: 8 },
					{ header: 'Bedrag', key: 'cents', kind: 'money', width: 20 }
				]
			}),
			sheet({
				name: 'Totalen',
				rows: totalLines(totals),
				columns: [
					{ header: 'Totaal', key: 'what', kind: 'text', width: 20 },
					{ header: 'Jaar', key: 'year', kind: 'number', width: 8 },
					{ header: 'Bedrag', key: 'cents', kind: 'money', width: 22 }
				]
			})
		]
	};
}

/**
 * The CSV: the rows, an empty line, then the totals as a section of their own (a CSV has one
 * sheet). One byte order mark, at the start.
 */
export function financeCsv(book: Book): string {
	const [lines, totals] = book.sheets;
	return `${toCsv(lines!)}\r\n${toCsv(totals!).replace(/^\uFEFF/, '')}`;
}

/**
 * The overview with the reader's filters as a download. Bad filters, and a selection past the
 * limit, are a 400 with the Dutch message (the address is the reader's to fix), never a 500.
 */
export async function financeDownload(
	actor: Actor,
	request: OverviewRequest,
	format: ExportFormat,
	{ now = new Date(), limit = FINANCE_EXPORT_LIMIT }: { now?: Date; limit?: number } = {}
): Promise<Response> {
	if (Object.keys(request.errors).length > 0) badRequest(request.errors);
	let found: Awaited<ReturnType<typeof arrangementOverviewAll>>;
	let totals: FinanceTotals;
	try {
		[found, totals] = await Promise.all([
			arrangementOverviewAll(actor, request.input, limit),
			financeTotals(actor, request.input)
		]);
	} catch (caught) {
		if (caught instanceof InvalidInputError) badRequest(caught.fields);
		if (caught instanceof AccessError) error(caught.status, caught.message);
		throw caught;
	}
	if (found.total > limit)
		badRequest({
			q: `Deze selectie telt ${found.total.toLocaleString('nl-NL')} arrangementen; een export bevat er hoogstens ${limit.toLocaleString('nl-NL')}. Verfijn de filters.`
		});
	const book = financeBook(found.rows, totals, { now, asOfLabel: found.asOf?.label ?? null });
	const day = amsterdamToday(now);
	const filename = exportFilename(
		[
			'financiele-arrangementen',
			...(found.asOf ? ['bekend-op', found.asOf.key.slice(0, 25)] : []),
			day
		],
		format
	);
	if (format === 'xlsx') return spreadsheetResponse(format, book, filename);
	return new Response(new TextEncoder().encode(financeCsv(book)), {
		headers: {
			'content-type': mediaTypes.csv,
			'content-disposition': contentDisposition(filename),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
