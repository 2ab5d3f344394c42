/**
 * Whether an error means the database could not be reached (network, server restarting), as
 * opposed to a bug or a client mistake. Such a request changed nothing: the transaction never
 * committed. The app answers 503 and recovers by itself; postgres.js reconnects on the next query.
 */
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	// postgres.js
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT'
]);

/** SQLSTATE classes and codes of an unreachable or stopping server. */
function unavailableState(code: string): boolean {
	return (
		code.startsWith('08') || // connection exception
		code === '57P01' || // admin shutdown
		code === '57P02' || // crash shutdown
		code === '57P03' // cannot connect now
	);
}

/** The string `code`s along an error's `cause` chain (drizzle wraps the driver's error). */
export function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	for (
		let current = error, depth = 0;
		current && typeof current === 'object' && depth < 6;
		depth++
	) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string') codes.push(code);
		current = (current as { cause?: unknown }).cause;
	}
	return codes;
}

export function isDatabaseUnavailable(error: unknown): boolean {
	return errorCodes(error).some((code) => NETWORK_CODES.has(code) || unavailableState(code));
}

export const DATABASE_UNAVAILABLE =
	'De gegevens zijn even niet bereikbaar. Er is niets veranderd. Probeer het over een minuut opnieuw.';
