import { eq, and } from 'drizzle-orm';
import { useDb } from '../../../src/lib/server/db';
import { budgetMoments, type BudgetMomentKind } from '../../../src/lib/server/db/schema';
import type { Actor } from '../../../src/lib/server/access';
import { createArrangement } from '../../../src/lib/server/finance';

export { createTeam, rejection, type Team } from '../agenda/fixtures';

/** The id of a seeded budget moment (reference data). */
export async function momentId(kind: BudgetMomentKind, year: number): Promise<string> {
	const db = await useDb();
	const [row] = await db
		.select({ id: budgetMoments.id })
		.from(budgetMoments)
		.where(and(eq(budgetMoments.kind, kind), eq(budgetMoments.year, year)));
	if (!row) throw new Error(`no budget moment ${kind} ${year}`);
	return row.id;
}

let counter = 0;
/** An arrangement for the gemeenten with a schedule, recorded by `actor`. */
export async function arrangementWith(
	actor: Actor,
	schedule: Record<number, number>,
	overrides: Record<string, unknown> = {}
) {
	counter++;
	return createArrangement(actor, {
		title: `Middelen jeugdzorg ${counter}`,
		instrument: 'algemene_uitkering_gemeentefonds',
		layer: 'gemeenten',
		nature: 'incidenteel',
		schedule: Object.entries(schedule).map(([year, amountCents]) => ({
			year: Number(year),
			amountCents
		})),
		reason: 'eerste kasritme',
		...overrides
	});
}
