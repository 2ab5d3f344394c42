import {
	isUnscheduled,
	isWaiting,
	LIST_LIMIT,
	stampsSubmittedAt,
	stampsUpdatedAt
} from '$lib/agenda/list-rules';
import type { ItemEventBase, LiveItemRow } from './event-payloads';
import {
	instant,
	LiveItemList,
	renameMeetingIn,
	type ItemListRule,
	type MeetingTitles
} from './list-live.svelte';
import type { RealtimeEvent } from './protocol';

/*
 * The rule of each list screen of agenda items, for LiveItemList: who is on it (the shared
 * predicates of $lib/agenda/list-rules, which the server's queries filter with), its row as the
 * screen shows it, and its order. A row is built from the item's event and, for what the event
 * does not carry (a submission date, a meeting's title), from what the page already holds.
 */

type Moment = Date | string;

/** What every list shows of an item, straight from the item's row. */
const common = (row: LiveItemRow) => ({
	id: row.id,
	title: row.title,
	status: row.status,
	purpose: row.purpose
});

/** A moment to sort on; none sorts last, as PostgreSQL sorts nulls in ascending order. */
const time = (at: Moment | null) =>
	at === null ? Infinity : typeof at === 'string' ? Date.parse(at) : at.getTime();
const byWhenThenId = <R extends { id: string; when: Moment | null }>(a: R, b: R) =>
	time(a.when) - time(b.when) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * When the item was submitted: the event's moment if this event submits it, else what the page
 * had (a held-over item keeps its date); undefined when the page cannot know it.
 */
function submittedAt(
	event: RealtimeEvent,
	current: { when: Moment | null } | undefined
): Moment | null | undefined {
	if (current) return current.when;
	return stampsSubmittedAt(event.type) ? instant(event.occurredAt) : undefined;
}

/** "Nog te agenderen": submitted items for no meeting, oldest submission first. */
export interface UnscheduledRow {
	id: string;
	title: string;
	status: string;
	purpose: string;
	proposingOrganisationName: string;
	when: Moment | null;
}

export const unscheduledRule: ItemListRule<UnscheduledRow> = {
	includes: ({ row }) => isUnscheduled(row),
	rowOf({ row }, current, event) {
		const when = submittedAt(event, current);
		if (when === undefined) return null;
		return { ...common(row), proposingOrganisationName: row.proposingOrganisationName, when };
	},
	order: byWhenThenId,
	limit: LIST_LIMIT
};

/** The secretariaat's items (waiting, and placed on a meeting that was held). */
export interface SecretariatItemRow extends UnscheduledRow {
	meetingId: string | null;
	lateSubmission: boolean;
	lateSubmissionApproved: boolean;
}

function secretariatRow(
	row: LiveItemRow,
	current: SecretariatItemRow | undefined,
	event: RealtimeEvent
): SecretariatItemRow | null {
	const when = submittedAt(event, current);
	if (when === undefined) return null;
	return {
		...common(row),
		meetingId: row.meetingId,
		proposingOrganisationName: row.proposingOrganisationName,
		when,
		lateSubmission: row.lateSubmission,
		lateSubmissionApproved: row.lateSubmissionApproved
	};
}

/** Waiting items, both sections (late ones and the rest: splitWaiting), oldest submission first. */
export const waitingRule: ItemListRule<SecretariatItemRow> = {
	includes: ({ row }) => isWaiting(row),
	rowOf: ({ row }, current, event) => secretariatRow(row, current, event),
	order: byWhenThenId
};

/**
 * Items still on the agenda of a meeting that was held ("to mark treated"). Which meetings were
 * held the page knows from its rows: an item is placed only on a meeting whose agenda is open, so
 * none joins a held meeting's agenda, and a meeting being held is a meeting event, which reloads.
 */
export function toTreatRule(rows: readonly SecretariatItemRow[]): ItemListRule<SecretariatItemRow> {
	const held = new Set(rows.map((row) => row.meetingId));
	return {
		includes: ({ row }) => row.status === 'geagendeerd' && held.has(row.meetingId),
		rowOf: ({ row }, current, event) => secretariatRow(row, current, event)
	};
}

/**
 * "Mijn voorstellen": every item of the viewer's organisation, last changed first. An item's own
 * event moves it to the top. One change has no event of its own: when another item leaves an
 * agenda or the agenda is reordered, the items whose place shifts get a new `updatedAt` too; the
 * list keeps them where they were until its next load.
 */
export interface MineRow {
	id: string;
	title: string;
	status: string;
	purpose: string;
	meetingId: string | null;
	meetingTitle: string | null;
	when: Moment;
	lateSubmission: boolean;
	lateSubmissionApproved: boolean;
}

/** The title of the item's meeting from what the page holds; undefined when it does not know it. */
function meetingTitleFor(
	row: LiveItemRow,
	current: { meetingId: string | null; meetingTitle: string | null } | undefined,
	known: MeetingTitles
): string | null | undefined {
	if (row.meetingId === null) return null;
	if (current?.meetingId === row.meetingId) return current.meetingTitle;
	return known.get(row.meetingId);
}

export function mineRule(
	organisationId: string,
	rows: readonly MineRow[],
	known: MeetingTitles = titlesOf(rows)
): ItemListRule<MineRow> {
	return {
		includes: (item: ItemEventBase) => item.organisationId === organisationId,
		rowOf({ row }, current, event) {
			const meetingTitle = meetingTitleFor(row, current, known);
			const when = stampsUpdatedAt(event.type) ? instant(event.occurredAt) : current?.when;
			if (meetingTitle === undefined || !when) return null;
			return {
				...common(row),
				meetingId: row.meetingId,
				meetingTitle,
				when,
				lateSubmission: row.lateSubmission,
				lateSubmissionApproved: row.lateSubmissionApproved
			};
		},
		order: (a, b) => time(b.when) - time(a.when),
		limit: LIST_LIMIT
	};
}

/**
 * Mijn voorstellen as its page holds it: the list, and the titles of the meetings its items may
 * name (its rows' and the coming ones'), which follow a meeting renamed.
 */
export function mineLive(data: {
	organisationId: string;
	meetings: readonly { id: string; title: string }[];
	items: readonly MineRow[];
}) {
	const titles: MeetingTitles = new Map([
		...data.meetings.map((meeting) => [meeting.id, meeting.title] as const),
		...titlesOf(data.items)
	]);
	const list = new LiveItemList(data.items, mineRule(data.organisationId, data.items, titles));
	return {
		list,
		apply: (event: RealtimeEvent) =>
			event.subjectType === 'meeting' ? renameMeetingIn(list, titles, event) : list.apply(event)
	};
}

export function titlesOf(
	rows: readonly { meetingId: string | null; meetingTitle: string | null }[]
): MeetingTitles {
	return new Map(
		rows.flatMap((row) => (row.meetingId ? [[row.meetingId, row.meetingTitle] as const] : []))
	);
}

/** A search result: the server ranked it; the date is its meeting's. */
export interface SearchItemRow {
	id: string;
	title: string;
	status: string;
	purpose: string;
	meetingId: string | null;
	meetingTitle: string | null;
	proposingOrganisationName: string;
	when: Moment | null;
}

/**
 * Search results change in place and never gain a row: adding a new match (or dropping one that
 * no longer matches) would move the results under the eyes of the person reading them, and the
 * ranking is the server's. The next search shows what changed in membership.
 */
export function searchRule(
	known: ReadonlyMap<string, { title: string; startsAt: Moment }>
): ItemListRule<SearchItemRow> {
	return {
		adds: false,
		includes: () => true,
		rowOf({ row }, current) {
			const same = current?.meetingId === row.meetingId;
			const meeting = row.meetingId ? known.get(row.meetingId) : null;
			if (!same && meeting === undefined) return null;
			return {
				...common(row),
				meetingId: row.meetingId,
				meetingTitle: same ? (current?.meetingTitle ?? null) : (meeting?.title ?? null),
				proposingOrganisationName: row.proposingOrganisationName,
				when: same ? (current?.when ?? null) : (meeting?.startsAt ?? null)
			};
		}
	};
}
