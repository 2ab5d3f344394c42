import { ConflictError } from '../errors';

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
