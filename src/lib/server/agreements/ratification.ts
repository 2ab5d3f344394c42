import { and, eq } from 'drizzle-orm';
import { transaction } from '../db';
import { agreementRatifications } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StaleVersionError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveAgreementRow, LiveRatification } from '../../realtime/agreement-payloads';
import { ratificationSchema } from './schemas';
import { amsterdamToday } from './status';
import { findAgreement, recordEvent } from './store';

/*
 * The koepels cannot bind their members: each consults them (ledenraadpleging) and records the
 * outcome per agreement here. A row of its own with its own version, so it does not change the
 * agreement's version (ratification.ts; the agreement shows "bekrachtigd" by status.ts's rule).
 */

export const ratificationFieldLabels: Record<string, string> = {
	state: 'stand van de ledenraadpleging',
	closesOn: 'sluitingsdatum',
	decidedOn: 'datum van het besluit',
	ledenbriefUrl: 'ledenbrief'
};

/**
 * A medewerker or bestuurder of a koepel records its members' consultation: not needed, pending
 * until a closing date, approved or rejected on a date, with the ledenbrief. A correction names
 * the version it corrects (absent for the first record); a stale one is refused.
 */
export async function recordRatification(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {},
	now = new Date()
): Promise<{ ratification: LiveRatification; agreement: LiveAgreementRow }> {
	const fields = parseInput(ratificationSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		requireAccess(actor, 'agreement.ratify', { party: fields.koepel });
		if (fields.decidedOn && fields.decidedOn > amsterdamToday(now))
			throw new InvalidInputError({ decidedOn: 'De leden kunnen niet in de toekomst besluiten.' });
		const [existing] = await tx
			.select()
			.from(agreementRatifications)
			.where(
				and(
					eq(agreementRatifications.agreementId, found.row.id),
					eq(agreementRatifications.koepel, fields.koepel)
				)
			)
			.for('update');
		const current = existing?.version ?? 0;
		if (fields.version !== undefined && fields.version !== current)
			throw new StaleVersionError(
				current,
				existing ? ['state', 'closesOn', 'decidedOn', 'ledenbriefUrl'] : [],
				ratificationFieldLabels
			);
		const decided = fields.state === 'goedgekeurd' || fields.state === 'afgewezen';
		const values = {
			state: fields.state,
			// When the consultation closed stays known once it is decided.
			closesOn:
				fields.state === 'niet_nodig' ? null : (fields.closesOn ?? existing?.closesOn ?? null),
			decidedOn: decided ? fields.decidedOn : null,
			ledenbriefUrl: fields.state === 'niet_nodig' ? null : fields.ledenbriefUrl,
			recordedBy: actor.personId,
			updatedAt: now
		};
		const [saved] = existing
			? await tx
					.update(agreementRatifications)
					.set({ ...values, version: existing.version + 1 })
					.where(eq(agreementRatifications.id, existing.id))
					.returning()
			: await tx
					.insert(agreementRatifications)
					.values({ ...values, agreementId: found.row.id, koepel: fields.koepel })
					.returning();
		const ratification = ratificationView(saved!);
		const agreement = await recordEvent(
			tx,
			actor,
			context,
			found.row,
			'agreement.ratification_recorded.v1',
			{ ratification }
		);
		return { ratification, agreement };
	});
}

export function ratificationView(
	row: typeof agreementRatifications.$inferSelect
): LiveRatification {
	return {
		koepel: row.koepel as LiveRatification['koepel'],
		state: row.state,
		closesOn: row.closesOn,
		decidedOn: row.decidedOn,
		ledenbriefUrl: row.ledenbriefUrl,
		updatedAt: row.updatedAt.toISOString(),
		version: row.version
	};
}
