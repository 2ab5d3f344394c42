import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { transaction, useDb, type Executor, type Transaction } from '../db';
import {
	decisionCorrections,
	decisionLists,
	decisionListVerifications,
	decisionListVersions,
	decisions,
	parties,
	people,
	type DecisionList,
	type Party
} from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import { appendEvents, type EventInput } from '../events';
import { fingerprint, resetStaleConsents } from '../consent';
import { liveDelegationFor } from '../delegation';
import { approvalVerdict, speaksByDelegation } from '../agenda/approvals';
import { partyLabels } from '../agenda/co-sponsors';
import { InvalidInputError, StateError } from '../kernel/errors';
import { parseInput } from '../kernel/input';
import type { RequestContext } from '../identity/context';
import { findMeeting, type MeetingRow } from '../meetings/queries';
import { endOfAmsterdamDay } from '../../time';
import { parseDicta } from '../../decisions/outcomes';
import {
	answerSchema,
	correctionSchema,
	publishSchema,
	republishSchema,
	correctionReasons,
	verificationSchema
} from './list-schemas';
import { publicSnapshot, publishableItems } from './publish';
import { decisionView, decisionViews, type DecisionView } from './store';

/*
 * The besluitenlijst of a held meeting: concept → ter verificatie (each party marks it akkoord or
 * proposes corrections, per decision, with a reason; the secretariaat takes a correction over or
 * declines it) → vastgesteld (all four agreed, or the closing date passed) → gepubliceerd. A
 * change to the decisions while it is ter verificatie resets the akkoorden it no longer matches
 * (consent.ts, as the agenda's). Publication writes a version that never changes.
 */

type Verification = 'akkoord' | 'correcties' | 'opnieuw_beoordelen' | 'open';

function by(actor: Actor, context: RequestContext) {
	return { actor, requestId: context.requestId };
}

function listEvent(
	meeting: MeetingRow,
	type: `decision_list.${string}.v1`,
	payload: Record<string, unknown>
): EventInput {
	return {
		type,
		subjectType: 'decision_list',
		subjectId: meeting.id,
		meetingId: meeting.id,
		audience: { kind: 'meeting', meetingId: meeting.id },
		payload: { title: meeting.title, ...payload }
	};
}

/** The decisions as the parties verify them: what an akkoord holds for, in a fixed order. */
async function workingDecisions(db: Executor, meetingId: string): Promise<DecisionView[]> {
	const rows = await db
		.select()
		.from(decisions)
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(asc(decisions.dealtOrder));
	return decisionViews(db, rows);
}

export function listFingerprint(list: DecisionView[]): string {
	return fingerprint(
		list.map((d) => [
			d.id,
			d.outcome,
			d.dicta,
			d.explanation,
			d.hamerstuk,
			d.commitments.map((c) => [c.party, c.holder, c.description, c.dueDate]),
			d.carriedOver ? [d.carriedOver.toMeetingId, d.carriedOver.reason] : null
		])
	);
}

async function listFor(tx: Transaction, meetingId: string): Promise<DecisionList | undefined> {
	const [row] = await tx
		.select()
		.from(decisionLists)
		.where(eq(decisionLists.meetingId, meetingId))
		.for('update');
	return row;
}

/** The list of a held meeting, made as a concept the first time it is asked for. */
async function ensureList(tx: Transaction, meeting: MeetingRow): Promise<DecisionList> {
	if (meeting.status !== 'gehouden')
		throw new StateError('Een besluitenlijst hoort bij een vergadering die is gehouden.');
	const existing = await listFor(tx, meeting.id);
	if (existing) return existing;
	const [made] = await tx.insert(decisionLists).values({ meetingId: meeting.id }).returning();
	return made!;
}

async function save(tx: Transaction, list: DecisionList, changes: Partial<DecisionList>) {
	const [saved] = await tx
		.update(decisionLists)
		.set({ ...changes, version: list.version + 1, updatedAt: new Date() })
		.where(eq(decisionLists.id, list.id))
		.returning();
	return saved!;
}

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
	if (standing.length === 0) return;
	const meeting = await findMeeting(tx, meetingId);
	await resetStaleConsents(tx, actor, {
		standing,
		current: listFingerprint(await workingDecisions(tx, meetingId)),
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
				resetAt: at.toISOString()
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
				closesAt: closesAt.toISOString()
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

/** The items of the list with their confidentiality: what the publish form offers. */
export async function publicationChoices(actor: Actor, meetingId: string) {
	requireAccess(actor, 'decision_list.manage');
	return publishableItems(await useDb(), meetingId);
}

async function requireSpeaker(actor: Actor): Promise<Party> {
	requireAccess(actor, 'meeting.read');
	const verdict = await speakerVerdict(actor);
	if (verdict !== 'ok') throw new AccessError(verdict === 'hidden' ? 404 : 403);
	return actor.party!;
}

async function listInVerification(tx: Transaction, meeting: MeetingRow) {
	const list = await listFor(tx, meeting.id);
	if (!list || list.status !== 'ter_verificatie')
		throw new StateError('Deze besluitenlijst is niet ter verificatie.');
	return list;
}

async function recordWord(
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
			listEvent(meeting, 'decision_list.verified.v1', { party })
		]);
		return { party, decision: 'akkoord' as const };
	});
}

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
				decisionId
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
		await listInVerification(tx, meeting);
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
		const events: EventInput[] = [
			listEvent(meeting, 'decision_list.correction_answered.v1', {
				party: correction.party,
				correctionId: correction.id,
				accepted: accept
			})
		];
		if (accept) {
			const dicta = parseDicta(correction.proposal);
			const [changed] = await tx
				.update(decisions)
				.set({ dicta, version: sqlIncrement(), updatedAt: new Date() })
				.where(eq(decisions.id, correction.decisionId))
				.returning();
			const view = await decisionView(tx, changed!);
			events.push({
				type: 'decision.recorded.v1',
				subjectType: 'decision',
				subjectId: view.id,
				meetingId: meeting.id,
				audience: { kind: 'meeting', meetingId: meeting.id },
				payload: { itemId: view.itemId, decision: view }
			});
		}
		await appendEvents(tx, by(actor, context), events);
		if (accept) await afterDecisionChange(tx, actor, meeting.id);
		return saved!;
	});
}

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
			listEvent(meeting, 'decision_list.adopted.v1', { noResponseParties: silent })
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
	await save(tx, list, { status: 'gepubliceerd', publishedVersion: number });
	await appendEvents(tx, by(actor, context), [
		listEvent(meeting, 'decision_list.published.v1', { number }),
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

export interface DecisionListView {
	meetingId: string;
	status: DecisionList['status'];
	verificationClosesAt: string | null;
	adoptedAt: string | null;
	noResponseParties: Party[];
	publishedVersion: number;
	verifications: {
		party: Party;
		state: Verification;
		decidedAt: string | null;
		decidedByName: string | null;
		changedSince: number[];
	}[];
	corrections: {
		id: string;
		decisionId: string;
		party: Party;
		proposal: string;
		reason: string;
		status: 'voorgesteld' | 'overgenomen' | 'afgewezen';
		proposedAt: string;
		answerReason: string | null;
	}[];
	decisions: DecisionView[];
}

export async function verificationStates(db: Executor, list: DecisionList) {
	const rows = await db
		.select({ verification: decisionListVerifications, name: people.name })
		.from(decisionListVerifications)
		.innerJoin(people, eq(people.id, decisionListVerifications.decidedBy))
		.where(eq(decisionListVerifications.listId, list.id));
	const working = await workingDecisions(db, list.meetingId);
	const current = listFingerprint(working);
	return parties.map((party) => {
		const row = rows.find((r) => r.verification.party === party);
		if (!row)
			return {
				party,
				state: 'open' as Verification,
				decidedAt: null,
				decidedByName: null,
				changedSince: [] as number[]
			};
		const v = row.verification;
		const stale = v.resetAt !== null || v.fingerprint !== current;
		const state: Verification =
			v.decision === 'correcties' ? 'correcties' : stale ? 'opnieuw_beoordelen' : 'akkoord';
		return {
			party,
			state,
			decidedAt: v.decidedAt.toISOString(),
			decidedByName: row.name,
			// What changed since the party's word: the numbers of the decisions that differ.
			changedSince: stale ? changedDecisions(v.snapshot as DecisionView[], working) : []
		};
	});
}

/** The agenda numbers of the decisions that differ between what a party saw and what is now. */
export function changedDecisions(before: DecisionView[], now: DecisionView[]): number[] {
	const key = (d: DecisionView) => listFingerprint([d]);
	const seen = new Map(before.map((d) => [d.id, key(d)]));
	const changed = now.filter((d) => seen.get(d.id) !== key(d)).map((d) => d.agendaNumber);
	const gone = before.filter((d) => !now.some((n) => n.id === d.id)).map((d) => d.agendaNumber);
	return [...new Set([...changed, ...gone])].sort((a, b) => a - b);
}

/** The besluitenlijst of a meeting as the table sees it (null before the meeting was held). */
export async function getDecisionList(
	actor: Actor,
	meetingId: string
): Promise<DecisionListView | null> {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	const meeting = await findMeeting(db, meetingId);
	const [list] = await db
		.select()
		.from(decisionLists)
		.where(eq(decisionLists.meetingId, meeting.id));
	const decisionsNow = await workingDecisions(db, meeting.id);
	if (!list)
		return meeting.status === 'gehouden'
			? {
					meetingId: meeting.id,
					status: 'concept',
					verificationClosesAt: null,
					adoptedAt: null,
					noResponseParties: [],
					publishedVersion: 0,
					verifications: parties.map((party) => ({
						party,
						state: 'open',
						decidedAt: null,
						decidedByName: null,
						changedSince: []
					})),
					corrections: [],
					decisions: decisionsNow
				}
			: null;
	const corrections = await db
		.select()
		.from(decisionCorrections)
		.where(eq(decisionCorrections.listId, list.id))
		.orderBy(asc(decisionCorrections.proposedAt));
	return {
		meetingId: meeting.id,
		status: list.status,
		verificationClosesAt: list.verificationClosesAt?.toISOString() ?? null,
		adoptedAt: list.adoptedAt?.toISOString() ?? null,
		noResponseParties: list.noResponseParties,
		publishedVersion: list.publishedVersion,
		verifications: await verificationStates(db, list),
		corrections: corrections.map((c) => ({
			id: c.id,
			decisionId: c.decisionId,
			party: c.party,
			proposal: c.proposal,
			reason: c.reason,
			status: c.status,
			proposedAt: c.proposedAt.toISOString(),
			answerReason: c.answerReason
		})),
		decisions: decisionsNow
	};
}

function sqlIncrement() {
	return sql`${decisions.version} + 1`;
}
