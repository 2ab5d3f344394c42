/** What the item page's action forms share: the meetings to choose from, a form sent back. */
export interface MeetingChoice {
	id: string;
	title: string;
	startsAt: Date;
}

export interface ActionFailure {
	form: string;
	errors: Record<string, string>;
	values?: Record<string, string>;
}

/**
 * The errors and typed values of one form, when it is the one that came back; a field it did not
 * send back shows `fallback` (what the form shows before any attempt).
 */
export function failureOf(failure: ActionFailure | null, name: string) {
	const mine = failure?.form === name ? failure : null;
	return {
		errors: mine?.errors,
		value: (field: string, fallback = '') => mine?.values?.[field] ?? fallback
	};
}
