import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/**
 * Tokens after Lucia's current design: `<id>.<secret>`. The id finds the row; only a SHA-256 hash
 * of the secret is stored and it is compared in constant time, so neither a database leak nor
 * response timing gives a usable token away.
 */
export function randomSecret(bytes = 20): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedHash: string): boolean {
	let expected: Uint8Array;
	try {
		expected = decodeHex(storedHash);
	} catch {
		return false;
	}
	return constantTimeEqual(sha256(new TextEncoder().encode(secret)), expected);
}

export function composeToken(id: string, secret: string, prefix = ''): string {
	return `${prefix}${id}.${secret}`;
}

/** Splits `<prefix><id>.<secret>`; null for anything that is not of that shape. */
export function splitToken(token: string, prefix = ''): { id: string; secret: string } | null {
	if (!token.startsWith(prefix) || token.length > 200) return null;
	const rest = token.slice(prefix.length);
	const dot = rest.indexOf('.');
	if (dot <= 0 || dot === rest.length - 1) return null;
	const id = rest.slice(0, dot);
	const secret = rest.slice(dot + 1);
	if (!/^[a-z0-9-]+$/.test(id) || !/^[a-z0-9]+$/.test(secret)) return null;
	return { id, secret };
}
