import { eq } from 'drizzle-orm';
import type { Actor } from '../access';
import { canSee } from '../audience';
import type { Executor } from '../db';
import {
	agendaItems,
	agreements,
	budgetMoments,
	decisions,
	financialArrangements
} from '../db/schema';
import { InvalidInputError } from '../kernel/errors';

/** What an arrangement links to, checked: each exists and the actor may read it. */
export interface LinkFields {
	agreementId?: string | null;
	decisionId?: string | null;
	agendaItemId?: string | null;
	replacesId?: string | null;
	budgetMomentId?: string | null;
}

/**
 * Checks the links of an arrangement and answers the decision it follows: the one given, or the
 * agreement's (so that an arrangement from a published agreement can be public as it is).
 */
export async function checkLinks(
	db: Executor,
	actor: Actor,
	fields: LinkFields,
	selfId: string | null = null
): Promise<{ decisionId: string | null }> {
	let decisionId = fields.decisionId ?? null;
	if (fields.agreementId) {
		const [agreement] = await db
			.select({ decisionId: agreements.decisionId })
			.from(agreements)
			.where(eq(agreements.id, fields.agreementId));
		if (!agreement) throw new InvalidInputError({ agreementId: 'Kies een afspraak uit de lijst.' });
		if (decisionId && agreement.decisionId && agreement.decisionId !== decisionId)
			throw new InvalidInputError({
				decisionId: 'Dit besluit hoort niet bij de gekozen afspraak.'
			});
		decisionId = decisionId ?? agreement.decisionId;
	}
	if (fields.decisionId) {
		const [decision] = await db
			.select({ id: decisions.id })
			.from(decisions)
			.where(eq(decisions.id, fields.decisionId));
		if (!decision) throw new InvalidInputError({ decisionId: 'Kies een besluit uit de lijst.' });
	}
	if (fields.agendaItemId) {
		const [item] = await db
			.select({ audience: agendaItems.audience })
			.from(agendaItems)
			.where(eq(agendaItems.id, fields.agendaItemId));
		if (!item || !canSee(actor, item.audience))
			throw new InvalidInputError({ agendaItemId: 'Kies een agendapunt uit de lijst.' });
	}
	if (fields.replacesId) {
		if (fields.replacesId === selfId)
			throw new InvalidInputError({ replacesId: 'Een arrangement vervangt zichzelf niet.' });
		const [replaced] = await db
			.select({ id: financialArrangements.id })
			.from(financialArrangements)
			.where(eq(financialArrangements.id, fields.replacesId));
		if (!replaced)
			throw new InvalidInputError({ replacesId: 'Kies het arrangement dat dit vervangt.' });
	}
	if (fields.budgetMomentId) {
		const [moment] = await db
			.select({ id: budgetMoments.id })
			.from(budgetMoments)
			.where(eq(budgetMoments.id, fields.budgetMomentId));
		if (!moment)
			throw new InvalidInputError({ budgetMomentId: 'Kies een begrotingsmoment uit de lijst.' });
	}
	return { decisionId };
}
