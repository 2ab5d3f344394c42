import { instrumentList, layerList, statusList } from '$lib/components/finance/labels';

/*
 * The totals page's address: the overview's Dutch parameter names for the filters of financeTotals
 * (schemas.ts arrangementQuery), the moment "as known at" (a budget moment or a day), the two
 * moments of a difference, and how the amounts are shown. A bookmark holds the whole view. The
 * repeated choices are checked here with a message of their own; the rest goes to the verbs, whose
 * messages come back at the parameter that caused them.
 */

const single = { koepel: 'party', jaar: 'year', moment: 'moment' } as const;
const repeated = {
	laag: {
		field: 'layer',
		values: layerList,
		message: 'Kies gemeenten, provincies of waterschappen.'
	},
	instrument: {
		field: 'instrument',
		values: instrumentList,
		message: 'Kies een instrument uit de lijst.'
	},
	status: { field: 'status', values: statusList, message: 'Kies een status uit de lijst.' }
} as const;

/** A moment is a budget moment from the list or a day typed in; the day wins when both are given. */
const moments = { 'bekend-op': 'asOf', van: 'from', tot: 'to' } as const;
type MomentParam = keyof typeof moments;
const dayParam = (param: MomentParam) => `${param}-datum` as const;

export type TotalsView = 'exact' | 'miljoenen';

export type TotalsValues = Record<string, string> & Record<keyof typeof repeated, string[]>;

export interface TotalsRequest {
	values: TotalsValues;
	/** financeTotals' input. */
	input: Record<string, string | string[]>;
	/** financeDifference's two moments, when a first one was given. */
	difference: { from: string; to?: string } | null;
	view: TotalsView;
	errors: Record<string, string>;
}

export function readTotalsParams(params: URLSearchParams): TotalsRequest {
	const values: Record<string, string | string[]> = {};
	const input: Record<string, string | string[]> = {};
	const errors: Record<string, string> = {};
	for (const [param, rule] of Object.entries(repeated)) {
		const given = [
			...new Set(
				params
					.getAll(param)
					.map((v) => v.trim())
					.filter(Boolean)
			)
		];
		values[param] = given;
		if (given.length === 0) continue;
		if (given.every((v) => (rule.values as readonly string[]).includes(v)))
			input[rule.field] = given;
		else errors[param] = rule.message;
	}
	for (const [param, field] of Object.entries(single)) {
		const value = params.get(param)?.trim() ?? '';
		values[param] = value;
		if (value) input[field] = value;
	}
	const chosen: Partial<Record<MomentParam, string>> = {};
	for (const param of Object.keys(moments) as MomentParam[]) {
		const moment = params.get(param)?.trim() ?? '';
		const day = params.get(dayParam(param))?.trim() ?? '';
		values[param] = moment;
		values[dayParam(param)] = day;
		if (day || moment) chosen[param] = day || moment;
	}
	if (chosen['bekend-op']) input.asOf = chosen['bekend-op'];
	const view = params.get('weergave')?.trim() ?? '';
	values.weergave = view;
	if (view && view !== 'miljoenen' && view !== 'exact')
		errors.weergave = 'Kies in miljoenen of exact.';
	if (chosen.tot && !chosen.van) errors.van = 'Kies ook het eerste moment.';
	return {
		values: values as TotalsValues,
		input,
		difference: chosen.van ? { from: chosen.van, ...(chosen.tot ? { to: chosen.tot } : {}) } : null,
		view: view === 'miljoenen' ? 'miljoenen' : 'exact',
		errors
	};
}

/** The verbs' field messages by the page's parameters (a moment at the field that gave it). */
export function errorsByParam(
	fields: Record<string, string>,
	values: TotalsValues
): Record<string, string> {
	const paramOf: Record<string, string> = { party: 'koepel', year: 'jaar', moment: 'moment' };
	for (const [param, rule] of Object.entries(repeated)) paramOf[rule.field] = param;
	for (const [param, field] of Object.entries(moments) as [MomentParam, string][])
		paramOf[field] = values[dayParam(param)] ? dayParam(param) : param;
	return Object.fromEntries(
		Object.entries(fields).map(([field, message]) => [paramOf[field] ?? 'laag', message])
	);
}

/** The totals page's address with some parameters changed ('' removes one). */
export function totalsHref(
	values: Partial<Record<string, string | readonly string[]>>,
	changes: Record<string, string> = {}
): string {
	const query = new URLSearchParams();
	for (const [param, value] of Object.entries({ ...values, ...changes }))
		for (const one of typeof value === 'string' ? [value] : (value ?? []))
			if (one) query.append(param, one);
	const search = query.toString();
	return search ? `/financien/totalen?${search}` : '/financien/totalen';
}

/** The filter parameters alone (what the difference form carries along unseen). */
export const filterParams = [
	...Object.keys(repeated),
	...Object.keys(single),
	'bekend-op',
	'bekend-op-datum',
	'weergave'
];
