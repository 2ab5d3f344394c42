import { z } from 'zod/mini';

/*
 * The live events of meeting mode and the besluitenlijst (src/lib/server/decisions), described as
 * the rest of the catalogue is (event-payloads.ts spreads these in): the verbs build the payloads
 * with these types, the meeting page parses them.
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

export const decisionPayloads = {
	'decision.recorded.v1': z.object({ itemId: id, decision: liveDecision }),
	'meeting.session_opened.v1': z.object({
		title: z.string(),
		version: z.int(),
		sessionOpenedAt: instant,
		currentItemId: z.nullable(id)
	}),
	'meeting.current_item_changed.v1': z.object({ currentItemId: z.nullable(id) })
};
