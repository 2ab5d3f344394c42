/** Shared with the agreements' table, which shows the public's progress column. */
export { amsterdamDay, progressText } from '$lib/components/agreements/progress-text';

/** The list's address with these filters at another page (the first has no number). */
export function agreementsHref(
	values: Record<string, string>,
	statuses: readonly string[],
	page: number
): string {
	const query = new URLSearchParams();
	for (const [param, value] of Object.entries(values))
		if (value && param !== 'pagina') query.set(param, value);
	for (const status of statuses) query.append('status', status);
	if (page > 1) query.set('pagina', String(page));
	const search = query.toString();
	return `/publicaties/afspraken${search ? `?${search}` : ''}`;
}
