/**
 * Errors a verb throws for things a user or client can cause. Routes turn them into a Dutch
 * message (forms) or a problem document (API); none of them ever becomes a 500.
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
