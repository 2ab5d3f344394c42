import { eq } from 'drizzle-orm';
import type { Actor } from '../access';
import type { Executor } from '../db';
import { organisations } from '../db/schema';

/**
 * The ministries whose staff record the money besides the secretariaat: Financiën (which co-chairs
 * the money side) and BZK (which coordinates the financial relations). By slug, the seed's stable key.
 */
export const financeStaffSlugs = ['fin', 'bzk'] as const;

const slugs = new Map<string, string>();

/** Whether the actor works at Financiën or BZK. Organisations' slugs never change: remembered. */
export async function isFinanceStaff(db: Executor, actor: Actor): Promise<boolean> {
	let slug = slugs.get(actor.organisationId);
	if (slug === undefined) {
		const [row] = await db
			.select({ slug: organisations.slug })
			.from(organisations)
			.where(eq(organisations.id, actor.organisationId));
		slug = row?.slug ?? '';
		if (row) slugs.set(actor.organisationId, slug);
	}
	return (financeStaffSlugs as readonly string[]).includes(slug);
}
