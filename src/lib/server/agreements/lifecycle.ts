import { transaction } from '../db';
import { requireAccess, type Actor } from '../access';
import type { RequestContext } from '../identity/context';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';
import { setStatusSchema } from './schemas';
import { amsterdamToday, isClosed, statusChangeRefusal } from './status';
import { findAgreement, ownerParties, recordEvent, requireCurrent, saveAgreement } from './store';

/**
 * Sets where an agreement stands. The secretariaat sets any status: it closes an agreement
 * (afgerond, or vervallen with a reason) and may reopen one. A medewerker or bestuurder of a
 * responsible party sets its work in uitvoering, or vertraagd with the date it is now expected
 * (from today on), on an agreement that is not closed. Against the version seen (If-Match).
 */
export async function setStatus(
	actor: Actor,
	agreementId: string,
	input: unknown,
	context: RequestContext = {},
	now = new Date()
): Promise<LiveAgreementRow> {
	const fields = parseInput(setStatusSchema, input);
	return transaction(async (tx) => {
		const found = await findAgreement(tx, actor, agreementId, { lock: true });
		requireAccess(actor, 'agreement.set_status', {
			parties: ownerParties(found),
			closing: isClosed(fields.status)
		});
		await requireCurrent(tx, found.row, fields.expectedVersion);
		const from = found.row.status;
		const refusal = statusChangeRefusal(
			from,
			fields.status,
			actor.role === 'secretariaat' ? 'secretariaat' : 'owner'
		);
		if (refusal) throw new StateError(refusal);
		if (fields.status === 'vertraagd') {
			if (fields.expectedDate! < amsterdamToday(now))
				throw new InvalidInputError({ expectedDate: 'Kies een verwachte datum vanaf vandaag.' });
			if (from === 'vertraagd' && fields.expectedDate === found.row.expectedDate)
				throw new StateError('De afspraak wordt al op die datum verwacht.');
		}
		const saved = await saveAgreement(tx, found.row, {
			status: fields.status,
			expectedDate: fields.status === 'vertraagd' ? fields.expectedDate : null,
			lapseReason: fields.status === 'vervallen' ? fields.reason : null,
			closedAt: isClosed(fields.status) ? now : null
		});
		return recordEvent(tx, actor, context, saved, 'agreement.status_changed.v1', {
			from,
			to: fields.status,
			reason: fields.reason
		});
	});
}
