import { z } from 'zod/mini';

/*
 * The live events of meeting mode and the besluitenlijst (src/lib/server/decisions), described as
 * the rest of the catalogue is (event-payloads.ts spreads these in): the verbs build the payloads
 * with these types, the meeting page, the besluitenlijst and Mijn werk parse them.
 */

const id = z.string();
const instant = z.iso.datetime();
const party = z.enum(['rijk', 'vng', 'ipo', 'uvw']);
export const outcome = z.enum([
	'aangenomen',
	'aangenomen_met_wijziging',
	'aangehouden',
	'verworpen',
	'ter_kennisgeving_aangenomen',
	'niet_behandeld'
]);

/** A commitment at the table (toezegging), as the pages show it. */
export const liveCommitment = z.object({
	id,
	party: z.nullable(party),
	holder: z.string(),
	description: z.string(),
	/** yyyy-mm-dd */
	dueDate: z.nullable(z.string())
});
export type LiveCommitment = z.infer<typeof liveCommitment>;

/** A decision as the meeting page and the besluitenlijst show it, for whoever sees its item. */
export const liveDecision = z.object({
	id,
	meetingId: id,
	itemId: id,
	agendaNumber: z.int(),
	itemTitle: z.string(),
	outcome,
	dicta: z.array(z.string()),
	explanation: z.nullable(z.string()),
	hamerstuk: z.boolean(),
	dealtOrder: z.int(),
	commitments: z.array(liveCommitment),
	/** Where an item that was not dealt with went: a later meeting, or null for "nog te agenderen". */
	carriedOver: z.nullable(
		z.object({
			at: instant,
			toMeetingId: z.nullable(id),
			toMeetingTitle: z.nullable(z.string()),
			reason: z.string()
		})
	),
	recordedAt: instant,
	version: z.int()
});
export type LiveDecision = z.infer<typeof liveDecision>;

/** A party's word on the besluitenlijst as its page shows it. */
export const liveVerification = z.object({
	party,
	state: z.enum(['akkoord', 'correcties', 'opnieuw_beoordelen', 'open']),
	decidedAt: z.nullable(instant),
	decidedByName: z.nullable(z.string()),
	/** Once the word no longer holds: the agenda numbers of the decisions that differ since. */
	changedSince: z.array(z.int())
});
export type LiveVerification = z.infer<typeof liveVerification>;

/** A correction a party proposed, as every party sees it on the besluitenlijst. */
export const liveCorrection = z.object({
	id,
	decisionId: id,
	party,
	proposal: z.string(),
	reason: z.string(),
	status: z.enum(['voorgesteld', 'overgenomen', 'afgewezen']),
	proposedAt: instant,
	answerReason: z.nullable(z.string())
});
export type LiveCorrection = z.infer<typeof liveCorrection>;

/** The besluitenlijst's own state: its step, closing date, adoption and published version. */
export const liveListState = z.object({
	status: z.enum(['concept', 'ter_verificatie', 'vastgesteld', 'gepubliceerd']),
	verificationClosesAt: z.nullable(instant),
	adoptedAt: z.nullable(instant),
	noResponseParties: z.array(party),
	/** The newest published version; 0 before publication. */
	publishedVersion: z.int()
});
export type LiveListState = z.infer<typeof liveListState>;

/** The besluitenlijst as its page shows it (server/decisions/list-view.ts answers this). */
export type LiveDecisionList = LiveListState & {
	meetingId: string;
	verifications: LiveVerification[];
	corrections: LiveCorrection[];
	decisions: LiveDecision[];
};

/**
 * What every decision_list event carries besides its step's own fields: the list's state and the
 * four parties' word as they stand after the change. All four, not the one that spoke: a changed
 * decision changes what every earlier word holds for (its `changedSince`), so the page replaces
 * them and never has to work out a party's word itself.
 */
const listEvent = z.object({
	/** The meeting's title. */
	title: z.string(),
	list: liveListState,
	verifications: z.array(liveVerification)
});
export type ListEventBase = z.infer<typeof listEvent>;

export const decisionPayloads = {
	'decision.recorded.v1': z.object({
		itemId: id,
		decision: liveDecision,
		/**
		 * Once the parties have spoken on the meeting's besluitenlijst: their word as it stands
		 * after this change (what it holds for changed with the decision). Absent before.
		 */
		verifications: z.optional(z.array(liveVerification))
	}),
	'meeting.session_opened.v1': z.object({
		title: z.string(),
		version: z.int(),
		sessionOpenedAt: instant,
		currentItemId: z.nullable(id)
	}),
	'meeting.current_item_changed.v1': z.object({ currentItemId: z.nullable(id) }),
	// The besluitenlijst (server/decisions/list-store.ts and the verbs beside it).
	'decision_list.verification_started.v1': z.extend(listEvent, { closesAt: instant }),
	'decision_list.verified.v1': z.extend(listEvent, { party }),
	/** A change to the decisions reset the party's akkoord. */
	'decision_list.verification_reset.v1': z.extend(listEvent, { party, resetAt: instant }),
	'decision_list.correction_proposed.v1': z.extend(listEvent, {
		party,
		correctionId: id,
		decisionId: id,
		correction: liveCorrection
	}),
	/** The secretariaat's answer; a correction taken over also changes its decision. */
	'decision_list.correction_answered.v1': z.extend(listEvent, {
		party,
		correctionId: id,
		accepted: z.boolean(),
		correction: liveCorrection
	}),
	'decision_list.adopted.v1': z.extend(listEvent, { noResponseParties: z.array(party) }),
	'decision_list.published.v1': z.extend(listEvent, { number: z.int() })
};

export type ListEventType = Extract<keyof typeof decisionPayloads, `decision_list.${string}`>;
