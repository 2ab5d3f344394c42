/*
 * The register's address: Dutch parameter names for the filters of agreementRegister, so that a
 * filtered register can be bookmarked and shared, and the export reads the same filters from the
 * same address. What the verb's schema cannot word in Dutch (its enums are English) is checked
 * here; everything else goes to the verb, whose messages come back at the field that caused them.
 */

/** Parameter → the verb's field. */
export const registerParams = {
	q: 'q',
	partij: 'party',
	status: 'status',
	vergadering: 'meetingId',
	van: 'from',
	tot: 'to',
	verlopen: 'overdue',
	mijn: 'mine',
	'mijn-partij': 'myParty',
	sorteer: 'sort',
	richting: 'dir',
	pagina: 'page'
} as const;
export type RegisterParam = keyof typeof registerParams;

/** "Verlopen" is no status anyone sets; as a status filter it means: only the overdue ones. */
export const OVERDUE_STATUS = 'verlopen';
/** A ticked box sends this. */
export const TICKED = 'ja';

export const sortParams = {
	termijn: 'deadline',
	status: 'status',
	titel: 'title',
	vergadering: 'meeting'
} as const;
const directions = { op: 'asc', af: 'desc' } as const;
const flags = ['verlopen', 'mijn', 'mijn-partij'] as const;

/** What the form shows again: every parameter as it came, trimmed; the statuses ticked. */
export type RegisterValues = Record<Exclude<RegisterParam, 'status'>, string> & {
	status: string[];
};

export interface RegisterRequest {
	values: RegisterValues;
	/** The verb's input. */
	input: Record<string, string | string[] | boolean>;
	/** Messages this step found, by parameter. */
	errors: Record<string, string>;
}

/**
 * The statuses are a repeated parameter (`status=open&status=vertraagd`), one of them alone as
 * before. "Verlopen" among them (an older link) is the overdue box, and shows as ticked there.
 */
function statusesOf(params: URLSearchParams) {
	const given = params
		.getAll('status')
		.map((value) => value.trim())
		.filter(Boolean);
	return {
		statuses: given.filter((value) => value !== OVERDUE_STATUS),
		overdue: given.includes(OVERDUE_STATUS)
	};
}

export function readRegisterParams(params: URLSearchParams): RegisterRequest {
	const { statuses, overdue } = statusesOf(params);
	const values = {
		...Object.fromEntries(
			Object.keys(registerParams).map((param) => [param, params.get(param)?.trim() ?? ''])
		),
		status: statuses,
		...(overdue ? { verlopen: TICKED } : {})
	} as RegisterValues;
	const input: RegisterRequest['input'] = {};
	const errors: Record<string, string> = {};
	if (statuses.length) input.status = statuses;
	for (const [param, field] of Object.entries(registerParams) as [RegisterParam, string][]) {
		if (param === 'status') continue;
		const value = values[param];
		if (!value) continue;
		if ((flags as readonly string[]).includes(param)) {
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
		} else input[field] = value;
	}
	return { values, input, errors };
}

/** The verb's field messages by the page's parameter names (a message of no field: the search). */
export function errorsByParam(fields: Record<string, string>): Record<string, string> {
	const paramOf = Object.fromEntries(
		Object.entries(registerParams).map(([param, field]) => [field, param])
	);
	return Object.fromEntries(
		Object.entries(fields).map(([field, message]) => [paramOf[field] ?? 'q', message])
	);
}

/**
 * The register's address with some parameters changed ('' removes one), e.g. another page; the
 * statuses each as a parameter of their own.
 */
export function registerHref(
	values: Record<string, string | readonly string[]>,
	changes: Partial<Record<RegisterParam, string>>
): string {
	const query = new URLSearchParams();
	for (const [param, value] of Object.entries({ ...values, ...changes }))
		for (const one of typeof value === 'string' ? [value] : value)
			if (one) query.append(param, one);
	const search = query.toString();
	return search ? `/afspraken?${search}` : '/afspraken';
}
