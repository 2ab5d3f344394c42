import { eq, sql } from 'drizzle-orm';
import { transaction } from '../db';
import { decisions } from '../db/schema';
import { appendEvents } from '../events';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError, StaleVersionError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting } from '../meetings/queries';
import { findVisibleItem } from '../agenda/store';
import { isOnAgenda } from '../../agenda/meeting-view';
import { recordRefusal, requireRule } from './rules';
import { afterDecisionChange } from './verification';
import { wordsAfterChange } from './list-view';
import { recordDecisionSchema } from './schemas';
import { by, decisionEvent } from './decision-events';
import {
	decisionView,
	findDecision,
	nextDealtOrder,
	writeCommitments,
	type DecisionView
} from './store';

/*
 * The decisions of a meeting: recorded here; meeting mode in session.ts, carrying items over in
 * carry-over.ts, the besluitenlijst's verbs behind list.ts.
 */

export { meetingDecisions } from './queries';
export { openSession, setCurrentItem } from './session';
export { carryOver } from './carry-over';
export {
	adoptDecisionList,
	answerCorrection,
	getDecisionList,
	maySpeakForParty,
	proposeCorrection,
	publicationChoices,
	publishCorrection,
	publishDecisionList,
	startVerification,
	verifyDecisionList,
	type DecisionListView
} from './list';
export type { DecisionView } from './store';

const decisionFieldLabels: Record<string, string> = {
	outcome: 'uitkomst',
	dicta: 'besluit',
	explanation: 'toelichting',
	hamerstuk: 'hamerstuk',
	commitments: 'toezeggingen'
};

/**
 * Records (or corrects) what the meeting decided on an item: the outcome, the dicta, a short
 * toelichting, the commitments made, hamerstuk or not. A correction names the version it
 * corrects; a stale one is refused, naming what changed.
 */
export async function recordDecision(
	actor: Actor,
	itemId: string,
	input: unknown,
	context: RequestContext = {}
): Promise<DecisionView> {
	requireAccess(actor, 'decision.record');
	const fields = parseInput(recordDecisionSchema, input);
	return transaction(async (tx) => {
		const item = await findVisibleItem(tx, actor, itemId, { lock: true });
		if (!item.meetingId || !isOnAgenda(item.status))
			throw new StateError('Alleen een punt op de agenda van een vergadering krijgt een besluit.');
		const meeting = await findMeeting(tx, item.meetingId, { lock: true });
		requireRule(recordRefusal(meeting));
		const existing = await findDecision(tx, meeting.id, item.id);
		if (existing?.carriedOverAt)
			throw new StateError('Dit punt is verplaatst; zijn uitkomst in deze vergadering staat vast.');
		if (existing && fields.version !== undefined && fields.version !== existing.version)
			throw new StaleVersionError(existing.version, [], decisionFieldLabels);
		if (!existing && fields.version !== undefined && fields.version !== 1)
			throw new StaleVersionError(0, [], decisionFieldLabels);
		const values = {
			outcome: fields.outcome,
			dicta: fields.dicta,
			explanation: fields.explanation,
			hamerstuk: fields.hamerstuk,
			recordedBy: actor.personId,
			updatedAt: new Date()
		};
		const [saved] = existing
			? await tx
					.update(decisions)
					.set({ ...values, version: sql`${decisions.version} + 1` })
					.where(eq(decisions.id, existing.id))
					.returning()
			: await tx
					.insert(decisions)
					.values({
						...values,
						meetingId: meeting.id,
						itemId: item.id,
						agendaNumber: item.position ?? 0,
						itemTitle: item.title,
						dealtOrder: await nextDealtOrder(tx, meeting.id)
					})
					.returning();
		if ((await writeCommitments(tx, saved!.id, fields.commitments)) === 'unknown-id')
			throw new InvalidInputError({
				commitments: 'Een toezegging hoort niet bij dit besluit. Laad de pagina opnieuw.'
			});
		const view = await decisionView(tx, saved!);
		await appendEvents(tx, by(actor, context), [
			decisionEvent(item, view, await wordsAfterChange(tx, meeting.id))
		]);
		// Ter verificatie: the akkoorden this change no longer matches are reset.
		await afterDecisionChange(tx, actor, meeting.id);
		return view;
	});
}

/** Used by markHeld: the decided items become "behandeld" as the meeting closes. */
export { closeRefusal, treatDecidedItems } from './close';
