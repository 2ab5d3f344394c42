const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value is a well-formed uuid, checked before any lookup by id: PostgreSQL refuses a
 * malformed one with an error (a 500), where the answer should be "no such thing" (a 404).
 */
export const isUuid = (value: unknown): value is string =>
	typeof value === 'string' && UUID.test(value);
