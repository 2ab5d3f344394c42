/**
 * The ids a form field ties to its control (NL Design System form-field pattern): the error
 * message first, then the description, in aria-describedby; undefined when it has neither.
 */
export function fieldIds(id: string, error?: string, description?: string) {
	const descriptionId = `${id}-description`;
	const errorId = `${id}-error`;
	const describedBy =
		[error ? errorId : null, description ? descriptionId : null].filter(Boolean).join(' ') ||
		undefined;
	return { descriptionId, errorId, describedBy };
}
