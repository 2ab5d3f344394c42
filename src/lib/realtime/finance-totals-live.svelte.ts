import { parsePayload } from './event-payloads';
import type { LiveArrangementRow } from './finance-payloads';
import type { RealtimeEvent } from './protocol';

/*
 * The totals page's live pivot (HOUSE.md, "Live state, not reloads"). A ledger entry's event carries
 * the arrangement's row (its layer, instrument, status, …, as it is now) and the entry's lines (the
 * change per year), so the page adds each line's delta to the cell of the row's layer and of its
 * instrument, and to the total, without asking the server: when the row passes the page's filters
 * and, for a view "as known at" a moment, only when the entry was known by then (an entry recorded
 * today about the past may be; most are not). The difference between two moments follows the same
 * way while its second moment is "now".
 *
 * What it cannot apply it does not guess, and asks for a reload (the page's data again):
 * - a search (q): ranked in the database, the row does not say whether it matches;
 * - a change of an arrangement's layer, instrument or confidentiality: the event carries the row
 *   as it is now, not what it was, so the amounts cannot be taken out of the old cell; and for an
 *   "as known at" view not even the schedule as then. Such edits are rare; a reload is exact;
 * - a status change while a status or "niet verwerkt" filter is on (the row may enter or leave the
 *   selection with its whole schedule, which is the schedule now, not as known at the moment);
 * - processed amounts of a circular while the "niet verwerkt" filter is on;
 * - an event whose payload does not fit its type.
 * Everything else (marks, comments, tasks, a circular added) leaves the sums as they are.
 */

export interface TotalsSeries {
	key: string;
	/** Cents per year of `years`. */
	values: number[];
	totalCents: number;
}

export interface TotalsTable {
	years: number[];
	byLayer: TotalsSeries[];
	byInstrument: TotalsSeries[];
	total: TotalsSeries;
}

/** The filters as the totals query takes them (schemas.ts arrangementQuery). */
export interface TotalsFilter {
	q?: string;
	layer?: readonly string[];
	instrument?: readonly string[];
	status?: readonly string[];
	party?: string;
	moment?: string;
	year?: number;
	notProcessed?: boolean;
}

/** Which entries count: known after `after` (exclusive) and by `until` (inclusive); null is open. */
export interface KnownWindow {
	after: string | null;
	until: string | null;
}

export type TotalsOutcome =
	{ kind: 'applied'; table: TotalsTable } | { kind: 'unchanged' } | { kind: 'reload' };

/** Whether the row is in the selection; undefined when the row cannot tell (a search). */
export function rowPasses(row: LiveArrangementRow, filter: TotalsFilter): boolean | undefined {
	if (filter.q) return undefined;
	if (filter.layer?.length && !filter.layer.includes(row.layer)) return false;
	if (filter.instrument?.length && !filter.instrument.includes(row.instrument)) return false;
	if (filter.status?.length && !filter.status.includes(row.status)) return false;
	if (filter.party && row.receivingParty !== filter.party) return false;
	if (filter.moment && row.budgetMoment?.key !== filter.moment) return false;
	if (filter.notProcessed && !row.notProcessedAsExpected) return false;
	return true;
}

/** Whether an entry known at `knownAt` counts in the window. */
export function knownInWindow(knownAt: string, window: KnownWindow): boolean {
	const at = Date.parse(knownAt);
	if (window.after !== null && at <= Date.parse(window.after)) return false;
	if (window.until !== null && at > Date.parse(window.until)) return false;
	return true;
}

function addTo(
	list: TotalsSeries[],
	key: string,
	width: number,
	index: number,
	cents: number
): TotalsSeries[] {
	const found = list.some((series) => series.key === key);
	const all = found ? list : [...list, { key, values: Array(width).fill(0), totalCents: 0 }];
	return all.map((series) =>
		series.key === key
			? {
					...series,
					values: series.values.map((value, i) => (i === index ? exactSum(value, cents) : value)),
					totalCents: exactSum(series.totalCents, cents)
				}
			: series
	);
}

function exactSum(x: number, y: number): number {
	const sum = x + y;
	if (!Number.isSafeInteger(sum)) throw new RangeError('not an exact amount of cents');
	return sum;
}

/** A new year column, in order, with zeros in every series. */
function withYear(table: TotalsTable, year: number): TotalsTable {
	if (table.years.includes(year)) return table;
	const years = [...table.years, year].sort((x, y) => x - y);
	const at = years.indexOf(year);
	const widen = (series: TotalsSeries): TotalsSeries => ({
		...series,
		values: [...series.values.slice(0, at), 0, ...series.values.slice(at)]
	});
	return {
		years,
		byLayer: table.byLayer.map(widen),
		byInstrument: table.byInstrument.map(widen),
		total: widen(table.total)
	};
}

/** Adds the lines' changes to the cells of the row's layer and instrument, and to the total. */
export function addLines(
	table: TotalsTable,
	row: Pick<LiveArrangementRow, 'layer' | 'instrument'>,
	lines: readonly { year: number; deltaCents: number }[],
	filter: Pick<TotalsFilter, 'year'> = {}
): TotalsTable {
	let next = table;
	for (const line of lines) {
		if (line.deltaCents === 0) continue;
		if (filter.year !== undefined && line.year !== filter.year) continue;
		next = withYear(next, line.year);
		const index = next.years.indexOf(line.year);
		const width = next.years.length;
		next = {
			years: next.years,
			byLayer: addTo(next.byLayer, row.layer, width, index, line.deltaCents),
			byInstrument: addTo(next.byInstrument, row.instrument, width, index, line.deltaCents),
			total: addTo([next.total], next.total.key, width, index, line.deltaCents)[0]!
		};
	}
	return next;
}

const placeChanges = ['layer', 'instrument', 'confidentiality'];

/** What one event does to the totals shown with these filters and this window. */
export function totalsOutcome(
	table: TotalsTable,
	event: RealtimeEvent,
	filter: TotalsFilter,
	window: KnownWindow
): TotalsOutcome {
	if (!event.type.startsWith('finance.')) return { kind: 'unchanged' };
	const parsed = parsePayload(event);
	if (!parsed) return { kind: 'reload' };
	switch (parsed.type) {
		case 'finance.entry_recorded.v1': {
			const { row, entry } = parsed.payload;
			const passes = rowPasses(row, filter);
			if (passes === undefined) return { kind: 'reload' };
			if (!passes || !knownInWindow(entry.knownAt, window)) return { kind: 'unchanged' };
			return { kind: 'applied', table: addLines(table, row, entry.lines, filter) };
		}
		case 'finance.arrangement_created.v1': {
			// Made without a schedule it adds nothing; its first schedule follows as an entry.
			if (parsed.payload.row.schedule.length === 0) return { kind: 'unchanged' };
			return { kind: 'reload' };
		}
		case 'finance.arrangement_updated.v1':
			return parsed.payload.changed.some((field) => placeChanges.includes(field)) ||
				(filter.moment && parsed.payload.changed.includes('budgetMomentId')) ||
				(filter.q && parsed.payload.changed.some((f) => f === 'title' || f === 'description'))
				? { kind: 'reload' }
				: { kind: 'unchanged' };
		case 'finance.status_changed.v1':
			return filter.status?.length || filter.notProcessed
				? { kind: 'reload' }
				: { kind: 'unchanged' };
		case 'finance.circular_amounts_recorded.v1':
		case 'finance.circular_added.v1':
			return filter.notProcessed ? { kind: 'reload' } : { kind: 'unchanged' };
		default:
			return { kind: 'unchanged' };
	}
}

export interface TotalsLiveStart {
	totals: TotalsTable;
	filter: TotalsFilter;
	/** The "as known at" moment (ISO), or null for now. */
	asOf: string | null;
	/** The difference shown, if any: its table and its two moments (`to` null: now). */
	difference?: { table: TotalsTable; from: string; to: string | null } | null;
}

/** The page's state: the pivot and the difference, kept up to date by the finance events. */
export class FinanceTotalsLive {
	totals: TotalsTable = $state()!;
	difference: TotalsTable | null = $state(null);
	readonly #filter: TotalsFilter;
	readonly #asOf: string | null;
	readonly #differenceWindow: KnownWindow | null;

	constructor(start: TotalsLiveStart) {
		this.totals = start.totals;
		this.difference = start.difference?.table ?? null;
		this.#filter = start.filter;
		this.#asOf = start.asOf;
		this.#differenceWindow = start.difference
			? { after: start.difference.from, until: start.difference.to }
			: null;
	}

	/** Applies the event in place; false when the page must reload its data. */
	apply(event: RealtimeEvent): boolean {
		const totals = totalsOutcome(this.totals, event, this.#filter, {
			after: null,
			until: this.#asOf
		});
		if (totals.kind === 'reload') return false;
		let difference: TotalsOutcome = { kind: 'unchanged' };
		if (this.difference && this.#differenceWindow) {
			difference = totalsOutcome(this.difference, event, this.#filter, this.#differenceWindow);
			if (difference.kind === 'reload') return false;
		}
		if (totals.kind === 'applied') this.totals = totals.table;
		if (difference.kind === 'applied') this.difference = difference.table;
		return true;
	}
}
