import { requireAccess, type Actor } from '../access';
import { transaction } from '../db';
import { arrangementComments, arrangementMarks, organisations } from '../db/schema';
import type { RequestContext } from '../identity/context';
import { StaleVersionError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import { eq } from 'drizzle-orm';
import type {
	LiveArrangementComment,
	LiveArrangementRow,
	LiveMark
} from '../../realtime/finance-payloads';
import { receivingParty } from './labels';
import { arrangementCommentSchema, markFiguresSchema } from './schemas';
import { isFinanceStaff } from './staff';
import { arrangementFieldLabels, findArrangement, recordArrangementEvent } from './store';

/**
 * The receiving koepel marks whether it agrees with the figures, for the schedule version it looked
 * at (a stale version is refused: the figures changed under it). The mark holds until the next
 * entry, as an akkoord holds until the next revision; marking again replaces it.
 */
export async function markFigures(
	actor: Actor,
	arrangementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveArrangementRow> {
	const fields = parseInput(markFiguresSchema, input);
	return transaction(async (tx) => {
		const found = await findArrangement(tx, actor, arrangementId, { lock: true });
		const party = receivingParty[found.row.layer];
		requireAccess(actor, 'finance.mark', { party });
		if (found.row.status === 'vervallen')
			throw new StateError('Dit arrangement is vervallen; er valt niets meer in te stemmen.');
		if (found.row.scheduleVersion === 0)
			throw new StateError('Er zijn nog geen bedragen om mee in te stemmen.');
		if (fields.scheduleVersion !== found.row.scheduleVersion)
			throw new StaleVersionError(found.row.version, ['schedule'], arrangementFieldLabels);
		const markedAt = new Date();
		const values = {
			arrangementId: found.row.id,
			party,
			scheduleVersion: fields.scheduleVersion,
			verdict: fields.verdict,
			note: fields.note,
			personId: actor.personId,
			markedAt
		};
		await tx
			.insert(arrangementMarks)
			.values(values)
			.onConflictDoUpdate({
				target: [arrangementMarks.arrangementId, arrangementMarks.party],
				set: values
			});
		const mark: LiveMark = {
			party,
			verdict: fields.verdict,
			note: fields.note,
			scheduleVersion: fields.scheduleVersion,
			current: true,
			personName: actor.name,
			markedAt: markedAt.toISOString()
		};
		return recordArrangementEvent(tx, actor, context, found.row, 'finance.figures_marked.v1', {
			mark
		});
	});
}

/** The receiving koepel, the secretariaat, Financiën and BZK discuss an arrangement. */
export async function commentOnArrangement(
	actor: Actor,
	arrangementId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<LiveArrangementComment> {
	const fields = parseInput(arrangementCommentSchema, input);
	return transaction(async (tx) => {
		const found = await findArrangement(tx, actor, arrangementId);
		requireAccess(actor, 'finance.comment', {
			party: receivingParty[found.row.layer],
			financeStaff: await isFinanceStaff(tx, actor)
		});
		const [saved] = await tx
			.insert(arrangementComments)
			.values({
				arrangementId: found.row.id,
				authorId: actor.personId,
				organisationId: actor.organisationId,
				body: fields.body
			})
			.returning();
		const [organisation] = await tx
			.select({ name: organisations.shortName })
			.from(organisations)
			.where(eq(organisations.id, actor.organisationId));
		const comment: LiveArrangementComment = {
			id: saved!.id,
			authorName: actor.name,
			organisationName: organisation?.name ?? '',
			body: saved!.body,
			createdAt: saved!.createdAt.toISOString()
		};
		await recordArrangementEvent(tx, actor, context, found.row, 'finance.commented.v1', {
			comment
		});
		return comment;
	});
}
