/**
 * Errors a verb throws for things a user or client can cause, shared by every domain. Routes turn
 * them into a Dutch message (forms) or a problem document (API); none of them ever becomes a 500.
 */
export class InvalidInputError extends Error {
	constructor(
		/** Field name → Dutch message. `''` for a message about the whole form. */
		public readonly fields: Record<string, string>
	) {
		super(Object.values(fields).join(' '));
		this.name = 'InvalidInputError';
	}
}

export class ConflictError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConflictError';
	}
}

/**
 * A write against a version that is no longer current (HTTP: 412 on If-Match). Names the fields
 * that changed since that version, so the page can show them and offer to reload or reapply.
 */
export class StaleVersionError extends ConflictError {
	constructor(
		public readonly currentVersion: number,
		/** Field names (camelCase) that changed since the version the writer had. */
		public readonly changedFields: string[],
		labels: Record<string, string>
	) {
		const names = changedFields.map((field) => labels[field] ?? field);
		super(
			names.length
				? `Iemand anders heeft dit intussen gewijzigd (${names.join(', ')}). Laad de nieuwste versie en breng uw wijziging opnieuw aan.`
				: 'Iemand anders heeft dit intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.'
		);
		this.name = 'StaleVersionError';
	}
}

/** A step that the current status does not allow (HTTP: 409), with a Dutch explanation. */
export class StateError extends ConflictError {
	constructor(message: string) {
		super(message);
		this.name = 'StateError';
	}
}

export class RateLimitedError extends Error {
	constructor(public readonly retryAfterSeconds: number) {
		const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super(
			`Te veel pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
		);
		this.name = 'RateLimitedError';
	}
}

/** Turns a zod error into field → first Dutch message. */
export function fieldErrors(
	issues: { path: PropertyKey[]; message: string }[]
): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of issues) {
		const name = issue.path.map(String).join('.');
		fields[name] ??= issue.message;
	}
	return fields;
}
