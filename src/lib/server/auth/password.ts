import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords are hashed with argon2id using OWASP's recommended minimum (19 MiB, 2 iterations,
 * 1 lane). @node-rs/argon2 uses argon2id by default.
 */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// zxcvbn's list of ~50,000 common passwords, plus Dutch ones it lacks.
const common = new Set<string>([
	...(dictionary['passwords-common'] as string[]),
	'wachtwoord',
	'wachtwoord123',
	'welkom',
	'welkom123',
	'welkomwelkom',
	'overhedenoverleg',
	'gemeente',
	'provincie',
	'waterschap',
	'nederland',
	'amsterdam',
	'rotterdam',
	'denhaag',
	'utrecht'
]);

export async function hashPassword(password: string): Promise<string> {
	return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A Dutch explanation of what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, context: string[] = []): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) {
		return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
	}
	if (password.length > MAX_PASSWORD_LENGTH) {
		return `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens.`;
	}
	const lower = password.toLowerCase();
	// Also catch a common word padded with digits or symbols: "Wachtwoord123!" is no better.
	const core = lower.replace(/[^a-z]+$/g, '').replace(/^[^a-z]+/g, '');
	const repeated = /^(.{1,4})\1+$/.test(lower);
	if (common.has(lower) || common.has(core) || repeated || new Set(lower).size < 5) {
		return 'Dit wachtwoord komt te vaak voor of is te makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.';
	}
	for (const word of context) {
		const part = word.toLowerCase();
		if (part.length >= 4 && lower.includes(part)) {
			return 'Gebruik uw naam of e-mailadres niet in uw wachtwoord.';
		}
	}
	return null;
}
