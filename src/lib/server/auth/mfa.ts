import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { randomBytes } from 'node:crypto';
import { renderSVG } from 'uqr';
import { hashSecret, randomSecret, secretMatches } from './tokens';

/**
 * Two-factor login with TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1 as authenticator apps
 * expect), through @oslojs/otp's HOTP primitive so that we know which time step matched: a code is
 * accepted for the previous, current or next step, and never for a step already used.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Overhedenoverleg';

export function newTotpKey(): Uint8Array {
	return new Uint8Array(randomBytes(20));
}

/** The key as people type it into an app by hand: base32, in groups of four. */
export function formatManualKey(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key)
		.replace(/(.{4})/g, '$1 ')
		.trim();
}

export function encodeKey(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key);
}

export function decodeKey(encoded: string): Uint8Array | null {
	try {
		const key = decodeBase32IgnorePadding(encoded.replace(/\s+/g, '').toUpperCase());
		return key.length === 20 ? key : null;
	} catch {
		return null;
	}
}

export function enrolmentUri(accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** An SVG QR code of the enrolment URI, with a dark-on-light contrast scanners read reliably. */
export function enrolmentQrSvg(uri: string): string {
	return renderSVG(uri, { border: 2, pixelSize: 6, whiteColor: '#ffffff', blackColor: '#000000' });
}

export function currentStep(now = Date.now()): number {
	return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * Returns the time step the code matched, or null. `lastStep` is the last step accepted for this
 * person: a code for it or an earlier step is refused (no replay).
 */
export function verifyTotpCode(
	key: Uint8Array,
	code: string,
	lastStep: number | null,
	now = Date.now()
): number | null {
	const digits = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(digits)) return null;
	const step = currentStep(now);
	for (const candidate of [step - 1, step, step + 1]) {
		if (lastStep !== null && candidate <= lastStep) continue;
		if (verifyHOTP(key, BigInt(candidate), TOTP_DIGITS, digits)) return candidate;
	}
	return null;
}

/** Ten single-use recovery codes, shown once, stored hashed. Format: xxxxx-xxxxx. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const raw = randomSecret(7).slice(0, 10);
		return `${raw.slice(0, 5)}-${raw.slice(5)}`;
	});
	return { codes, hashes: codes.map((code) => hashSecret(normaliseRecoveryCode(code))) };
}

export function normaliseRecoveryCode(code: string): string {
	return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function recoveryCodeMatches(code: string, storedHash: string): boolean {
	return secretMatches(normaliseRecoveryCode(code), storedHash);
}
