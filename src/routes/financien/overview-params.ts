import { instrumentList, layerList, statusList } from '$lib/components/finance/labels';

/*
 * The overview's address: Dutch parameter names for the filters of arrangementOverview and
 * financeTotals (schemas.ts arrangementQuery), so that a filtered overview can be bookmarked and
 * shared, and the exports read the same filters from the same address. The repeated choices
 * (bestuurslaag, instrument, status) are checked here with a message of their own, since the verb
 * has one message for any of its sets; everything else goes to the verb, whose messages come back
 * at the parameter that caused them.
 */

/** Parameter → the verb's field. */
export const overviewParams = {
	q: 'q',
	laag: 'layer',
	instrument: 'instrument',
	status: 'status',
	koepel: 'party',
	jaar: 'year',
	moment: 'moment',
	'niet-verwerkt': 'notProcessed',
	'bekend-op': 'asOf',
	'bekend-op-datum': 'asOf',
	sorteer: 'sort',
	richting: 'dir',
	pagina: 'page'
} as const;
export type OverviewParam = keyof typeof overviewParams;

/** The repeated parameters and the values each may take. */
const repeated = {
	laag: { values: layerList, message: 'Kies gemeenten, provincies of waterschappen.' },
	instrument: { values: instrumentList, message: 'Kies een instrument uit de lijst.' },
	status: { values: statusList, message: 'Kies een status uit de lijst.' }
} as const;
type RepeatedParam = keyof typeof repeated;
const isRepeated = (param: string): param is RepeatedParam => param in repeated;

/** A ticked box sends this. */
export const TICKED = 'ja';

export const sortParams = {
	kenmerk: 'reference',
	titel: 'title',
	totaal: 'total',
	status: 'status',
	laag: 'layer'
} as const;
const directions = { op: 'asc', af: 'desc' } as const;

/** What the form shows again: every parameter as it came, trimmed; the repeated ones as lists. */
export type OverviewValues = Record<Exclude<OverviewParam, RepeatedParam>, string> &
	Record<RepeatedParam, string[]>;

/** The verb's input: the same for the page, the totals and the exports. */
export type OverviewInput = Record<string, string | string[] | boolean>;

export interface OverviewRequest {
	values: OverviewValues;
	input: OverviewInput;
	/** Messages this step found, by parameter. */
	errors: Record<string, string>;
}

export function readOverviewParams(params: URLSearchParams): OverviewRequest {
	const values = {} as Record<string, string | string[]>;
	const input: OverviewInput = {};
	const errors: Record<string, string> = {};
	for (const [param, field] of Object.entries(overviewParams) as [OverviewParam, string][]) {
		if (isRepeated(param)) {
			const given = [
				...new Set(
					params
						.getAll(param)
						.map((value) => value.trim())
						.filter(Boolean)
				)
			];
			values[param] = given;
			if (given.length === 0) continue;
			const { values: allowed, message } = repeated[param];
			if (given.every((value) => (allowed as readonly string[]).includes(value)))
				input[field] = given;
			else errors[param] = message;
			continue;
		}
		const value = params.get(param)?.trim() ?? '';
		values[param] = value;
		if (!value) continue;
		if (param === 'niet-verwerkt') {
			if (value === TICKED) input[field] = true;
			else errors[param] = 'Vink dit aan of laat het leeg.';
		} else if (param === 'sorteer') {
			const sort = sortParams[value as keyof typeof sortParams];
			if (sort) input.sort = sort;
			else errors[param] = 'Kies een sortering uit de lijst.';
		} else if (param === 'richting') {
			const dir = directions[value as keyof typeof directions];
			if (dir) input.dir = dir;
			else errors[param] = 'Kies oplopend of aflopend.';
		} else if (param === 'bekend-op-datum') {
			// A day typed in wins over a moment chosen: it is the more precise of the two.
			input.asOf = value;
		} else if (param === 'bekend-op') {
			if (!params.get('bekend-op-datum')?.trim()) input.asOf = value;
		} else input[field] = value;
	}
	return { values: values as OverviewValues, input, errors };
}

/**
 * The verb's field messages by the page's parameter names: the moment "as known at" goes to the
 * field that gave it, and a message of no field to the search.
 */
export function errorsByParam(
	fields: Record<string, string>,
	values: OverviewValues
): Record<string, string> {
	const paramOf: Record<string, string> = Object.fromEntries(
		Object.entries(overviewParams).map(([param, field]) => [field, param])
	);
	paramOf.asOf = values['bekend-op-datum'] ? 'bekend-op-datum' : 'bekend-op';
	return Object.fromEntries(
		Object.entries(fields).map(([field, message]) => [paramOf[field] ?? 'q', message])
	);
}

/**
 * An address with the overview's parameters, some changed ('' removes one), e.g. another page;
 * the repeated ones each as a parameter of their own. `path` is the overview or an export.
 */
export function overviewHref(
	values: Partial<Record<string, string | readonly string[]>>,
	changes: Partial<Record<OverviewParam, string>> = {},
	path = '/financien'
): string {
	const query = new URLSearchParams();
	for (const [param, value] of Object.entries({ ...values, ...changes }))
		for (const one of typeof value === 'string' ? [value] : (value ?? []))
			if (one) query.append(param, one);
	const search = query.toString();
	return search ? `${path}?${search}` : path;
}

/** At most this many year columns; the total covers every year. */
export const MAX_YEAR_COLUMNS = 7;

/**
 * The years the table shows: the range from the selection's first year to its last, without gaps;
 * when that is more than MAX_YEAR_COLUMNS, a window of them that starts two years before `now`
 * where it can (the years being decided on), else ends at the last year.
 */
export function yearsInView(years: readonly number[], now: number): number[] {
	if (years.length === 0) return [];
	const first = Math.min(...years);
	const last = Math.max(...years);
	const start =
		last - first < MAX_YEAR_COLUMNS
			? first
			: Math.max(first, Math.min(now - 2, last - MAX_YEAR_COLUMNS + 1));
	const end = Math.min(last, start + MAX_YEAR_COLUMNS - 1);
	return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}
