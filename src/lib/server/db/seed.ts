import { decodeBase32 } from '@oslojs/encoding';
import { and, count, inArray, isNotNull, isNull } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Database, Executor } from './database';
import { organisations, people } from './schema';
import { seedBudgetMoments } from '../finance/moments';
import { DEMO_PASSWORD, DEMO_TOTP_KEY, demoPeople, organisationSeed } from './seed-data';

export interface SeedReport {
	organisationsAdded: number;
	demoPeopleAdded: number;
	demoMeetingsAdded: number;
}

/**
 * Puts the reference data (and, in demo mode, the demo data) in place. Idempotent: rows that exist
 * (by slug or email) are left as they are, so later edits survive a second run.
 */
export async function seedDatabase(
	db: Database,
	options: { demo: boolean } = { demo: false }
): Promise<SeedReport> {
	// Hash outside the transaction: argon2 takes a moment and needs no lock.
	const demoHash = options.demo ? await hashPassword(DEMO_PASSWORD) : null;
	// Loaded only in demo mode: the demo agenda reaches the agenda and event modules, which need the
	// database module; a static import would close the cycle db → seed → demo → … → db, and
	// production need not load the demo data at all.
	const { seedDemoAgenda } = options.demo ? await import('../meetings/demo') : {};
	const report = await db.transaction(async (tx) => {
		const added = await tx
			.insert(organisations)
			.values(organisationSeed)
			.onConflictDoNothing({ target: organisations.slug })
			.returning({ id: organisations.id });
		await seedBudgetMoments(tx);
		let demoPeopleAdded = 0;
		let demoMeetingsAdded = 0;
		if (demoHash && seedDemoAgenda) {
			demoPeopleAdded = await seedDemoPeople(tx, demoHash);
			demoMeetingsAdded = await seedDemoAgenda(tx);
			await (await import('../decisions/demo')).seedDemoDecisions(tx);
		}
		return { organisationsAdded: added.length, demoPeopleAdded, demoMeetingsAdded };
	});
	// The agreements go through their verbs, each in a transaction of its own, once the rest has
	// committed: so their history and audit trail are the event log's (agreements/demo.ts).
	if (demoHash) await (await import('../agreements/demo')).seedDemoAgreements(db);
	if (demoHash) await (await import('../finance/demo')).seedDemoFinance(db);
	return report;
}

async function seedDemoPeople(tx: Executor, passwordHash: string): Promise<number> {
	const orgs = await tx
		.select({ id: organisations.id, slug: organisations.slug })
		.from(organisations)
		.where(inArray(organisations.slug, [...new Set(demoPeople.map((p) => p.organisation))]));
	const orgId = new Map(orgs.map((org) => [org.slug, org.id]));
	const totpKey = decodeBase32(DEMO_TOTP_KEY);
	const rows = demoPeople.map((person) => ({
		email: person.email,
		name: person.name,
		role: person.role,
		organisationId: orgId.get(person.organisation)!,
		passwordHash,
		totpKey: person.totp ? totpKey : null,
		totpEnabledAt: person.totp ? new Date() : null
	}));
	// An existing account (the unique index is on lower(email)) is left as it is.
	const inserted = await tx
		.insert(people)
		.values(rows)
		.onConflictDoNothing()
		.returning({ id: people.id });
	return inserted.length;
}

export async function isEmpty(db: Database): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(organisations);
	return (row?.n ?? 0) === 0;
}

/**
 * Emails of accounts that still sign in with the demo password. Only accounts whose password was
 * never set by a person (passwordChangedAt null) can have it, which keeps this check cheap.
 */
export async function accountsWithDemoPassword(db: Executor): Promise<string[]> {
	const candidates = await db
		.select({ email: people.email, passwordHash: people.passwordHash })
		.from(people)
		.where(and(isNull(people.passwordChangedAt), isNotNull(people.passwordHash)));
	const found: string[] = [];
	for (const candidate of candidates) {
		if (await verifyPassword(candidate.passwordHash!, DEMO_PASSWORD)) found.push(candidate.email);
	}
	return found;
}
