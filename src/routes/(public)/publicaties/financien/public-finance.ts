/** The public finance list's Dutch parameters: repeatable laag and instrument, and the page. */
export const repeated = { laag: 'layer', instrument: 'instrument' } as const;

/** The list's address with these filters at another page (the first has no number). */
export function financeHref(chosen: Record<string, readonly string[]>, page: number): string {
	const query = new URLSearchParams();
	for (const param of Object.keys(repeated))
		for (const value of chosen[param] ?? []) query.append(param, value);
	if (page > 1) query.set('pagina', String(page));
	const search = query.toString();
	return `/publicaties/financien${search ? `?${search}` : ''}`;
}
