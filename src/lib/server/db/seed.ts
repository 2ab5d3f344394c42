import { count } from 'drizzle-orm';
import type { Database } from './database';
import { organisations } from './schema';
import { organisationSeed } from './seed-data';

export interface SeedReport {
	organisationsAdded: number;
}

/**
 * Puts the reference and demo data in place. Idempotent: rows that exist (by slug) are left as
 * they are, so a beheerder's later edits survive a second run.
 */
export async function seedDatabase(
	db: Database,
	_options: { demo: boolean } = { demo: false }
): Promise<SeedReport> {
	return db.transaction(async (tx) => {
		const added = await tx
			.insert(organisations)
			.values(organisationSeed)
			.onConflictDoNothing({ target: organisations.slug })
			.returning({ id: organisations.id });
		return { organisationsAdded: added.length };
	});
}

export async function isEmpty(db: Database): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(organisations);
	return (row?.n ?? 0) === 0;
}
