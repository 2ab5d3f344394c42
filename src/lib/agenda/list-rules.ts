/*
 * Which agenda items belong on which list, written once: the server's list queries filter with
 * these statuses and predicates, and the browser's live lists (src/lib/realtime/item-lists.ts)
 * decide with the same ones whether an item an event carries enters or leaves a list. An
 * integration test (tests/integration/live-lists.spec.ts) replays a realistic run of changes
 * through the browser's rules and compares the outcome with the server's lists.
 */

/** The most rows a list shows; the server cuts there, and so does the browser. */
export const LIST_LIMIT = 500;

/** Submitted and not (or no longer) on an agenda: what the secretariaat still has to place. */
export const waitingStatuses = ['ingediend', 'aangehouden'] as const;

export const isWaiting = (item: { status: string }) =>
	(waitingStatuses as readonly string[]).includes(item.status);

/** "Nog te agenderen": waiting, for no particular meeting. */
export const isUnscheduled = (item: { status: string; meetingId: string | null }) =>
	item.meetingId === null && isWaiting(item);

/** Submitted after the proposal deadline and not yet accepted by the secretariaat. */
export const awaitsLateConsent = (item: {
	lateSubmission: boolean;
	lateSubmissionApproved: boolean;
}) => item.lateSubmission && !item.lateSubmissionApproved;

/** The secretariaat's waiting items in its two sections, each in the order given. */
export function splitWaiting<T extends Parameters<typeof awaitsLateConsent>[0]>(items: T[]) {
	return {
		lateSubmissions: items.filter((item) => awaitsLateConsent(item)),
		toSchedule: items.filter((item) => !awaitsLateConsent(item))
	};
}

/**
 * Item events whose verb leaves the item's own row as it was (so its `updatedAt` too): inviting
 * and answering a co-sponsor change only the co-sponsor rows. Every other item event saves the
 * item in the event's transaction, so the event's moment is the item's `updatedAt`.
 */
const leaveItemRowAsIs: readonly string[] = [
	'agenda_item.co_sponsor_invited.v1',
	'agenda_item.co_sponsor_responded.v1',
	'agenda_item.co_sponsor_intended.v1',
	'agenda_item.co_sponsor_intent_withdrawn.v1'
];

/** Whether an item event also stamps the item's `updatedAt` (with about the event's moment). */
export const stampsUpdatedAt = (type: string) =>
	type.startsWith('agenda_item.') && !leaveItemRowAsIs.includes(type);

/** The one item event that stamps `submittedAt`: submitting (held-over items keep theirs). */
export const stampsSubmittedAt = (type: string) => type === 'agenda_item.submitted.v1';
