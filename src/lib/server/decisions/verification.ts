import { and, eq, isNull } from 'drizzle-orm';
import { transaction, useDb, type Transaction } from '../db';
import { decisionListVerifications, type DecisionList, type Party } from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import { appendEvents } from '../events';
import { resetStaleConsents } from '../consent';
import { liveDelegationFor } from '../delegation';
import { approvalVerdict, speaksByDelegation } from '../agenda/approvals';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting } from '../meetings/queries';
import { endOfAmsterdamDay } from '../../time';
import { verificationSchema } from './list-schemas';
import {
	ensureList,
	listEvent,
	listFingerprint,
	listFor,
	listInVerification,
	save,
	workingDecisions
} from './list-store';
import { by } from './decision-events';
import { listShown } from './list-view';

/*
 * Verification of the besluitenlijst: the secretariaat sends it with a closing date, each party
 * marks it akkoord (or proposes corrections, corrections.ts), and a change to the decisions resets
 * the akkoorden it no longer matches.
 */

/**
 * Called by every verb that changes a decision: while the list is ter verificatie, each party's
 * akkoord that no longer matches is reset. Refuses a change to an adopted list that is not yet
 * published (adoption fixed it; a correction comes after publication, as a new version).
 */
export async function afterDecisionChange(tx: Transaction, actor: Actor, meetingId: string) {
	const list = await listFor(tx, meetingId);
	if (!list) return;
	if (list.status === 'vastgesteld')
		throw new StateError(
			'De besluitenlijst is vastgesteld. Publiceer haar; een correctie volgt als nieuwe versie.'
		);
	if (list.status !== 'ter_verificatie') return;
	const standing = await tx
		.select({
			id: decisionListVerifications.id,
			party: decisionListVerifications.party,
			fingerprint: decisionListVerifications.fingerprint
		})
		.from(decisionListVerifications)
		.where(
			and(
				eq(decisionListVerifications.listId, list.id),
				eq(decisionListVerifications.decision, 'akkoord'),
				isNull(decisionListVerifications.resetAt)
			)
		);
	const current = listFingerprint(await workingDecisions(tx, meetingId));
	if (!standing.some((row) => row.fingerprint !== current)) return;
	const meeting = await findMeeting(tx, meetingId);
	// The words as they stand after the change: a stale akkoord already reads as reset.
	const shown = await listShown(tx, list);
	await resetStaleConsents(tx, actor, {
		standing,
		current,
		reset: async (stale, at) => {
			for (const row of stale)
				await tx
					.update(decisionListVerifications)
					.set({ resetAt: at })
					.where(eq(decisionListVerifications.id, row.id));
		},
		event: (row, at) =>
			listEvent(meeting, 'decision_list.verification_reset.v1', {
				party: row.party,
				resetAt: at.toISOString(),
				...shown
			})
	});
}

/** The secretariaat sends the list to the four parties, with the date their answers close. */
export async function startVerification(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'decision_list.manage');
	const { closesOn } = parseInput(verificationSchema, input);
	const closesAt = endOfAmsterdamDay(closesOn);
	if (closesAt <= new Date())
		throw new InvalidInputError({ closesOn: 'Kies een sluitingsdatum na vandaag.' });
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const list = await ensureList(tx, meeting);
		if (list.status !== 'concept')
			throw new StateError('Deze besluitenlijst is al ter verificatie gestuurd.');
		if ((await workingDecisions(tx, meeting.id)).length === 0)
			throw new StateError('Er zijn nog geen besluiten om te verifiëren.');
		const saved = await save(tx, list, {
			status: 'ter_verificatie',
			verificationClosesAt: closesAt
		});
		await appendEvents(tx, by(actor, context), [
			listEvent(meeting, 'decision_list.verification_started.v1', {
				closesAt: closesAt.toISOString(),
				...(await listShown(tx, saved))
			})
		]);
		return saved;
	});
}

/** Who may speak for the party on the list: the agenda's rule (a bestuurder, or a delegate). */
async function speakerVerdict(actor: Actor) {
	const delegated = speaksByDelegation(actor)
		? (await liveDelegationFor(await useDb(), actor)) !== null
		: false;
	return approvalVerdict(actor, delegated);
}

/** Whether the actor may verify or correct a list for their party (for the page to offer). */
export const maySpeakForParty = async (actor: Actor) => (await speakerVerdict(actor)) === 'ok';

export async function requireSpeaker(actor: Actor): Promise<Party> {
	requireAccess(actor, 'meeting.read');
	const verdict = await speakerVerdict(actor);
	if (verdict !== 'ok') throw new AccessError(verdict === 'hidden' ? 404 : 403);
	return actor.party!;
}

/** The party's word on the list as it is now, with what it saw (to show later what changed). */
export async function recordWord(
	tx: Transaction,
	actor: Actor,
	list: DecisionList,
	party: Party,
	word: 'akkoord' | 'correcties'
) {
	const current = await workingDecisions(tx, list.meetingId);
	const values = {
		decision: word,
		decidedBy: actor.personId,
		decidedAt: new Date(),
		fingerprint: listFingerprint(current),
		snapshot: current,
		resetAt: null
	};
	await tx
		.insert(decisionListVerifications)
		.values({ listId: list.id, party, ...values })
		.onConflictDoUpdate({
			target: [decisionListVerifications.listId, decisionListVerifications.party],
			set: values
		});
}

/** A party marks the list akkoord, as it is now. */
export async function verifyDecisionList(
	actor: Actor,
	meetingId: string,
	context: RequestContext = {}
) {
	const party = await requireSpeaker(actor);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const list = await listInVerification(tx, meeting);
		await recordWord(tx, actor, list, party, 'akkoord');
		await appendEvents(tx, by(actor, context), [
			listEvent(meeting, 'decision_list.verified.v1', { party, ...(await listShown(tx, list)) })
		]);
		return { party, decision: 'akkoord' as const };
	});
}
