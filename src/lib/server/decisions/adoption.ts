import { and, eq } from 'drizzle-orm';
import { transaction, type Transaction } from '../db';
import {
	decisionCorrections,
	decisionListVersions,
	parties,
	type DecisionList
} from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { appendEvents } from '../events';
import { partyLabels } from '../agenda/co-sponsors';
import { StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting, type MeetingRow } from '../meetings/queries';
import { publishSchema, republishSchema, correctionReasons } from './list-schemas';
import { publicSnapshot } from './publish';
import { listEvent, listFor, listInVerification, save } from './list-store';
import { by } from './decision-events';
import { listShown, verificationStates } from './list-view';

/*
 * The end of the besluitenlijst's way: adopted (vastgesteld), then published as a version that
 * never changes, and after that corrected only by a new version.
 */

/**
 * Adopted (vastgesteld) when all four parties' akkoord stands on the list as it is, or after the
 * closing date, naming the parties that did not answer. No correction may still wait for an answer.
 */
export async function adoptDecisionList(
	actor: Actor,
	meetingId: string,
	context: RequestContext = {},
	now = new Date()
) {
	requireAccess(actor, 'decision_list.manage');
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const list = await listInVerification(tx, meeting);
		const open = await tx
			.select({ id: decisionCorrections.id })
			.from(decisionCorrections)
			.where(
				and(eq(decisionCorrections.listId, list.id), eq(decisionCorrections.status, 'voorgesteld'))
			);
		if (open.length) throw new StateError('Beantwoord eerst de voorgestelde correcties.');
		const states = await verificationStates(tx, list);
		const agreed = states.filter((s) => s.state === 'akkoord').map((s) => s.party);
		const closed = list.verificationClosesAt !== null && list.verificationClosesAt <= now;
		if (agreed.length < parties.length && !closed)
			throw new StateError(
				`Nog geen akkoord van ${parties
					.filter((p) => !agreed.includes(p))
					.map((p) => partyLabels[p])
					.join(', ')}. Na de sluitingsdatum kan de lijst ook zonder worden vastgesteld.`
			);
		const silent = states
			.filter((s) => s.state === 'open' || s.state === 'opnieuw_beoordelen')
			.map((s) => s.party);
		const saved = await save(tx, list, {
			status: 'vastgesteld',
			adoptedAt: now,
			adoptedBy: actor.personId,
			noResponseParties: silent
		});
		await appendEvents(tx, by(actor, context), [
			listEvent(meeting, 'decision_list.adopted.v1', {
				noResponseParties: silent,
				...(await listShown(tx, saved))
			})
		]);
		return saved;
	});
}

/** Publication: the first version, with the items the secretariaat confirms as openbaar. */
export async function publishDecisionList(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'decision_list.manage');
	const { publicItemIds } = parseInput(publishSchema, input);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const list = await listFor(tx, meeting.id);
		if (!list || list.status !== 'vastgesteld')
			throw new StateError('Alleen een vastgestelde besluitenlijst wordt gepubliceerd.');
		return writeVersion(tx, actor, context, meeting, list, publicItemIds, null);
	});
}

/**
 * A correction after publication: the decisions as they are now become a new version, with the
 * reason and a note of what changed. Every earlier version stays as it was.
 */
export async function publishCorrection(
	actor: Actor,
	meetingId: string,
	input: unknown,
	context: RequestContext = {}
) {
	requireAccess(actor, 'decision_list.manage');
	const { publicItemIds, reasonKind, note } = parseInput(republishSchema, input);
	return transaction(async (tx) => {
		const meeting = await findMeeting(tx, meetingId, { lock: true });
		const list = await listFor(tx, meeting.id);
		if (!list || list.status !== 'gepubliceerd')
			throw new StateError('Een correctie volgt op een gepubliceerde besluitenlijst.');
		return writeVersion(tx, actor, context, meeting, list, publicItemIds, { reasonKind, note });
	});
}

async function writeVersion(
	tx: Transaction,
	actor: Actor,
	context: RequestContext,
	meeting: MeetingRow,
	list: DecisionList,
	publicItemIds: string[],
	correction: { reasonKind: keyof typeof correctionReasons; note: string } | null
) {
	const snapshot = await publicSnapshot(
		tx,
		meeting.id,
		publicItemIds,
		list.adoptedAt!,
		list.noResponseParties
	);
	const number = list.publishedVersion + 1;
	const reason = correction ? correctionReasons[correction.reasonKind] : null;
	const [version] = await tx
		.insert(decisionListVersions)
		.values({
			listId: list.id,
			meetingId: meeting.id,
			number,
			snapshot,
			reason: reason?.label ?? null,
			reasonCode: reason?.code ?? null,
			note: correction?.note ?? null,
			publishedBy: actor.personId
		})
		.returning();
	const saved = await save(tx, list, { status: 'gepubliceerd', publishedVersion: number });
	await appendEvents(tx, by(actor, context), [
		listEvent(meeting, 'decision_list.published.v1', {
			number,
			...(await listShown(tx, saved))
		}),
		// For everyone, account or not: the public pages follow publication.
		{
			type: 'publication.published.v1',
			subjectType: 'publication',
			subjectId: meeting.id,
			meetingId: meeting.id,
			audience: { kind: 'public' },
			payload: { meetingId: meeting.id, title: meeting.title, number }
		}
	]);
	return version!;
}
