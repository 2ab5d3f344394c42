import { and, eq, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { decisionCorrections, decisionLists, decisions } from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import { appendEvents, type EventInput } from '../events';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting } from '../meetings/queries';
import { parseDicta } from '../../decisions/outcomes';
import { answerSchema, correctionSchema } from './list-schemas';
import { listEvent, listInVerification } from './list-store';
import { by, type Payload } from './decision-events';
import { correctionView, listShown } from './list-view';
import { decisionView } from './store';
import { afterDecisionChange, recordWord, requireSpeaker } from './verification';

/** A party proposes a correction of one decision, with a reason; every party sees it. */
export async function proposeCorrection(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	const party = await requireSpeaker(actor);
	const { decisionId, proposal, reason } = parseInput(correctionSchema, input);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const list = await listInVerification(tx, meeting);
		const [decision] = await tx
			.select({ id: decisions.id })
			.from(decisions)
			.where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meeting.id)));
		if (!decision) throw new InvalidInputError({ decisionId: 'Kies een besluit van deze lijst.' });
		const [row] = await tx
			.insert(decisionCorrections)
			.values({ listId: list.id, decisionId, party, proposedBy: actor.personId, proposal, reason })
			.returning();
		await recordWord(tx, actor, list, party, 'correcties');
		await appendEvents(tx, by(actor, context), [
			listEvent(meeting, 'decision_list.correction_proposed.v1', {
				party,
				correctionId: row!.id,
				decisionId,
				correction: correctionView(row!),
				...(await listShown(tx, list))
			})
		]);
		return row!;
	});
}

/**
 * The secretariaat takes a correction over (the decision's text becomes the proposal, which
 * resets the akkoorden it no longer matches) or declines it with a reason.
 */
export async function answerCorrection(
	actor: Actor,
	correctionId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'decision_list.manage');
	const { accept, reason } = parseInput(answerSchema, input);
	return transaction(async (tx) => {
		const [correction] = await tx
			.select()
			.from(decisionCorrections)
			.where(eq(decisionCorrections.id, correctionId))
			.for('update');
		if (!correction) throw new AccessError(404);
		const [list] = await tx
			.select()
			.from(decisionLists)
			.where(eq(decisionLists.id, correction.listId));
		const meeting = await findMeeting(tx, list!.meetingId, { lock: true });
		const current = await listInVerification(tx, meeting);
		if (correction.status !== 'voorgesteld')
			throw new StateError('Op deze correctie is al geantwoord.');
		const [saved] = await tx
			.update(decisionCorrections)
			.set({
				status: accept ? 'overgenomen' : 'afgewezen',
				answeredBy: actor.personId,
				answeredAt: new Date(),
				answerReason: reason ?? null
			})
			.where(eq(decisionCorrections.id, correction.id))
			.returning();
		const changed = accept
			? await tx
					.update(decisions)
					.set({
						dicta: parseDicta(correction.proposal),
						version: sqlIncrement(),
						updatedAt: new Date()
					})
					.where(eq(decisions.id, correction.decisionId))
					.returning()
					.then(([row]) => row!)
			: null;
		// Read after the decision changed: the words it no longer matches read as reset already.
		const shown = await listShown(tx, current);
		const events: EventInput[] = [
			listEvent(meeting, 'decision_list.correction_answered.v1', {
				party: correction.party,
				correctionId: correction.id,
				accepted: accept,
				correction: correctionView(saved!),
				...shown
			})
		];
		if (changed) {
			const view = await decisionView(tx, changed);
			events.push({
				type: 'decision.recorded.v1',
				subjectType: 'decision',
				subjectId: view.id,
				meetingId: meeting.id,
				audience: { kind: 'meeting', meetingId: meeting.id },
				payload: {
					itemId: view.itemId,
					decision: view,
					verifications: shown.verifications
				} satisfies Payload<'decision.recorded.v1'>
			});
		}
		await appendEvents(tx, by(actor, context), events);
		if (accept) await afterDecisionChange(tx, actor, meeting.id);
		return saved!;
	});
}

function sqlIncrement() {
	return sql`${decisions.version} + 1`;
}
