import { z } from 'zod/mini';
import type { AgendaSnapshotItem } from '$lib/agenda/compare';
import type { ApprovalRecord, MeetingItemRow, Party } from '$lib/agenda/meeting-view';
import type { RealtimeEvent } from './protocol';
import { decisionPayloads } from './decision-payloads';
import { agreementPayloads } from './agreement-payloads';
import { financePayloads } from './finance-payloads';
import { publicPayloads } from './public-payloads';

/*
 * What each live event carries, described once (HOUSE.md, "Live state, not reloads"): the verbs
 * build their payloads with the types inferred here, the pages read them with parsePayload, and
 * docs/realtime.md documents the same shapes for the koepels' own systems. So server and browser
 * cannot drift: a field the server stops writing fails to parse, and the page reloads instead of
 * applying half an event. zod/mini, not zod: this module is in the browser bundle of the meeting
 * and item pages, and the mini build tree-shakes (about 25 kB unpacked, a fraction of zod's).
 *
 * Objects are not strict: a later server may add fields, which an older page ignores.
 */

const id = z.string();
const instant = z.iso.datetime();
const party = z.enum(['rijk', 'vng', 'ipo', 'uvw']);
/** The item statuses (src/lib/server/db/schema/agenda.ts; live-row.ts fails to compile on drift). */
export const itemStatus = z.enum([
	'concept',
	'ingediend',
	'geagendeerd',
	'aangehouden',
	'afgewezen',
	'behandeld',
	'ingetrokken'
]);
const purpose = z.enum(['besluitvorming', 'bespreking', 'informatie']);

/** An agenda item as the meeting and item pages show it: every item event's `row`. */
export const liveItemRow = z.object({
	id,
	meetingId: z.nullable(id),
	title: z.string(),
	status: itemStatus,
	purpose,
	position: z.nullable(z.int()),
	minutes: z.nullable(z.int()),
	version: z.int(),
	proposingParty: z.nullable(party),
	proposingOrganisationName: z.string(),
	lateSubmission: z.boolean(),
	lateSubmissionApproved: z.boolean(),
	coSponsors: z.array(
		z.object({ party, status: z.enum(['uitgenodigd', 'geaccepteerd', 'afgewezen']) })
	),
	carriedBy: z.array(party)
});
export type LiveItemRow = z.infer<typeof liveItemRow>;

/** What every agenda_item event carries: the notification fields and the item's row. */
const itemEvent = z.object({
	title: z.string(),
	status: itemStatus,
	/** Who proposed it: the client tells the proposer what happens to it. */
	proposedBy: id,
	organisationId: id,
	row: liveItemRow
});
export type ItemEventBase = z.infer<typeof itemEvent>;

/** A comment as the item page shows it, for every reader of the item (no private fields). */
export const liveComment = z.object({
	id,
	parentId: z.nullable(id),
	authorId: id,
	authorName: z.string(),
	/** Empty once deleted. */
	body: z.string(),
	createdAt: instant,
	editedAt: z.nullable(instant),
	deletedAt: z.nullable(instant)
});
export type LiveComment = z.infer<typeof liveComment>;

/** An attachment as the item page lists it (no bytes; a download asks the server). */
export const liveAttachment = z.object({
	id,
	itemId: id,
	filename: z.string(),
	mediaType: z.string(),
	size: z.int(),
	sha256: z.string(),
	uploadedBy: id,
	uploadedByOrganisationId: id,
	uploaderName: z.string(),
	uploadedAt: instant
});
export type LiveAttachment = z.infer<typeof liveAttachment>;

const snapshotItem = z.object({
	id,
	title: z.string(),
	purpose: z.string(),
	position: z.nullable(z.int()),
	minutes: z.nullable(z.int()),
	version: z.int()
});

/** A party's recorded word as the meeting page holds it, times as ISO strings. */
export const liveApproval = z.object({
	party,
	decision: z.enum(['akkoord', 'bezwaar']),
	reason: z.nullable(z.string()),
	itemPositions: z.record(z.string(), z.string()),
	decidedAt: instant,
	decidedByName: z.nullable(z.string()),
	resetAt: z.nullable(instant),
	/** The agenda as the party judged it. */
	agendaSnapshot: z.array(snapshotItem)
});
export type LiveApproval = z.infer<typeof liveApproval>;

const reason = z.string();

/** A notification as the bell and /meldingen show it (server/notifications/present.ts). */
export const liveNotification = z.object({
	id,
	kind: z.string(),
	subject: z.string(),
	body: z.string(),
	link: z.string(),
	createdAt: instant,
	readAt: z.nullable(instant)
});
export type LiveNotification = z.infer<typeof liveNotification>;

/** The payload of each event type a page applies, by type. */
export const eventPayloads = {
	'agenda_item.drafted.v1': itemEvent,
	'agenda_item.updated.v1': z.extend(itemEvent, {
		version: z.int(),
		/** The content fields that changed. */
		changed: z.array(z.string())
	}),
	'agenda_item.submitted.v1': z.extend(itemEvent, { late: z.boolean() }),
	'agenda_item.withdrawn.v1': itemEvent,
	'agenda_item.placed.v1': z.extend(itemEvent, {
		position: z.int(),
		minutes: z.nullable(z.int())
	}),
	'agenda_item.deferred.v1': z.extend(itemEvent, {
		fromMeetingId: z.nullable(id),
		toMeetingId: z.nullable(id),
		reason
	}),
	'agenda_item.declined.v1': z.extend(itemEvent, { reason }),
	'agenda_item.treated.v1': itemEvent,
	'agenda_item.late_submission_approved.v1': itemEvent,
	'agenda_item.co_sponsor_invited.v1': z.extend(itemEvent, { party }),
	'agenda_item.co_sponsor_responded.v1': z.extend(itemEvent, {
		party,
		accepted: z.boolean()
	}),
	/** On a concept, for its organisation only: the request goes out at submission. */
	'agenda_item.co_sponsor_intended.v1': z.extend(itemEvent, { party }),
	'agenda_item.co_sponsor_intent_withdrawn.v1': z.extend(itemEvent, { party }),
	/** A concept removed by its organisation; the row as it last was. */
	'agenda_item.discarded.v1': itemEvent,
	'agenda.approval_recorded.v1': z.object({
		party,
		decision: z.enum(['akkoord', 'bezwaar']),
		reason: z.nullable(z.string()),
		fingerprint: z.string(),
		/** The bestuurder whose delegation a medewerker spoke under. */
		delegatedBy: z.optional(id),
		approval: liveApproval
	}),
	'agenda.approval_reset.v1': z.object({ party, resetAt: instant }),
	'agenda.reordered.v1': z.object({
		order: z.array(id),
		positions: z.record(z.string(), z.int())
	}),
	'comment.added.v1': z.object({ itemId: id, parentId: z.nullable(id), comment: liveComment }),
	'comment.edited.v1': z.object({ itemId: id, comment: liveComment }),
	'comment.deleted.v1': z.object({ itemId: id, authorId: id, comment: liveComment }),
	'attachment.uploaded.v1': z.object({
		itemId: id,
		filename: z.string(),
		mediaType: z.string(),
		size: z.int(),
		sha256: z.string(),
		attachment: liveAttachment
	}),
	'attachment.deleted.v1': z.object({
		itemId: id,
		filename: z.string(),
		size: z.int(),
		sha256: z.string(),
		uploadedBy: id
	}),
	/** To the person (`person:<id>`): a new notification, in Dutch and in English. */
	'notification.created.v1': z.object({
		notification: liveNotification,
		/** The English texts: one person's devices may show either language. */
		en: z.object({ subject: z.string(), body: z.string() })
	}),
	/** To the person: notifications marked read on one device, and the unread count left. */
	'notification.read.v1': z.object({ ids: z.array(id), all: z.boolean(), unread: z.int() }),
	/** To the person: their mail choices changed. */
	'notification.preferences_changed.v1': z.object({
		language: z.enum(['nl', 'en']),
		digest: z.boolean(),
		/** The kinds that send no mail. */
		muted: z.array(z.string())
	}),
	// Meeting mode and decisions (decision-payloads.ts).
	...decisionPayloads,
	// The public side (public-payloads.ts).
	...publicPayloads,
	// The agreements register (agreement-payloads.ts).
	...agreementPayloads,
	// The money (finance-payloads.ts).
	...financePayloads
};

export type PayloadType = keyof typeof eventPayloads;
export type EventPayload<T extends PayloadType> = z.infer<(typeof eventPayloads)[T]>;
export type ItemEventType = Extract<PayloadType, `agenda_item.${string}`>;
/** What an item event carries besides the common fields: what its verb passes. */
export type ItemEventExtra<T extends ItemEventType> = Omit<EventPayload<T>, keyof ItemEventBase>;

/** An event whose payload parsed, narrowed by its type. */
export type ParsedEvent = {
	[T in PayloadType]: { type: T; payload: EventPayload<T> };
}[PayloadType];

/**
 * The event's payload checked against its type's schema; null for a type not described here or a
 * payload that does not fit it (an older server's, say): the page cannot apply it and reloads.
 */
export function parsePayload(event: RealtimeEvent): ParsedEvent | null {
	if (!Object.hasOwn(eventPayloads, event.type)) return null;
	const parsed = eventPayloads[event.type as PayloadType].safeParse(event.payload);
	return parsed.success ? ({ type: event.type, payload: parsed.data } as ParsedEvent) : null;
}

/** Whether a parsed event is one about an item, carrying its row. */
export function isItemEvent(
	event: ParsedEvent
): event is Extract<ParsedEvent, { type: ItemEventType }> {
	return event.type.startsWith('agenda_item.');
}

/*
 * The page-side types these shapes must keep fitting (meeting-view.ts, compare.ts): a field added
 * there or here without the other fails to compile.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type RowFitsTheMeetingPage = [
	Holds<Same<keyof LiveItemRow, keyof MeetingItemRow>>,
	Holds<LiveItemRow extends MeetingItemRow ? true : false>
];
export type ApprovalFitsTheMeetingPage = [
	Holds<Same<keyof LiveApproval, keyof ApprovalRecord>>,
	Holds<Same<LiveApproval['agendaSnapshot'][number], AgendaSnapshotItem>>,
	Holds<Same<LiveApproval['party'], Party>>
];
