import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { useDb } from '../../../src/lib/server/db';
import { organisations, people, type Role } from '../../../src/lib/server/db/schema';
import { hashPassword } from '../../../src/lib/server/auth/password';
import type { Actor } from '../../../src/lib/server/access';

export const PASSWORD = 'Een lange zin als wachtwoord';
let cachedHash: Promise<string> | undefined;

export const context = { requestId: 'test-request', ipAddress: '192.0.2.10', userAgent: 'vitest' };

/** A person straight in the database (the seed of a test), with PASSWORD as password. */
export async function createPerson(
	role: Role,
	organisationSlug = role === 'secretariaat' || role === 'beheerder' ? 'secretariaat' : 'vng'
) {
	const db = await useDb();
	const [organisation] = await db
		.select()
		.from(organisations)
		.where(eq(organisations.slug, organisationSlug));
	if (!organisation) throw new Error(`no organisation ${organisationSlug}`);
	cachedHash ??= hashPassword(PASSWORD);
	const email = `${role}.${randomBytes(5).toString('hex')}@test.overhedenoverleg.example`;
	const [person] = await db
		.insert(people)
		.values({
			email,
			name: `Test ${role}`,
			organisationId: organisation.id,
			role,
			passwordHash: await cachedHash,
			passwordChangedAt: new Date()
		})
		.returning();
	const actor: Actor = {
		personId: person!.id,
		name: person!.name,
		organisationId: organisation.id,
		party: organisation.party,
		role,
		via: 'session',
		scope: 'write'
	};
	return { person: person!, actor, email, organisation };
}
