import {
	and,
	asc,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	lte,
	sql,
	type Placeholder
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { preparedPerHandle, useDb, type Executor } from '../db';
import {
	agendaApprovals,
	agendaItems,
	coSponsors,
	meetings,
	organisations,
	people
} from '../db/schema';
import { AccessError, requireAccess, type Actor } from '../access';
import { principalKeys } from '../audience';
import { isUuid } from '../kernel/ids';
import { findMeeting, meetingColumns } from '../meetings/queries';
import { itemsVisibleTo } from './audience';
import { carriers, meetingView, type ApprovalRecord, type Party } from '../../agenda/meeting-view';
import { LIST_LIMIT, splitWaiting, waitingStatuses } from '../../agenda/list-rules';
import { reviewRows } from '../../agenda/review-list';
import { reviewBoard } from './review-board';
import { findVisibleItem, itemColumns } from './store';

/**
 * Items the actor may see (their stored audience: agenda/audience.ts). A prepared statement
 * passes a placeholder for the actor's audience keys instead (principalKeys, when it runs).
 */
export const visibleTo = (actor: Actor | Placeholder) => itemsVisibleTo(actor);

const proposer = alias(people, 'proposer');
const itemWithNames = {
	...itemColumns,
	proposingOrganisationName: organisations.shortName,
	proposedByName: proposer.name
};

function itemsQuery(db: Executor) {
	return db
		.select(itemWithNames)
		.from(agendaItems)
		.innerJoin(organisations, eq(organisations.id, agendaItems.proposingOrganisationId))
		.innerJoin(proposer, eq(proposer.id, agendaItems.proposedBy));
}

/** One item with its co-sponsors; 404 for what the actor may not see. */
export async function getItem(actor: Actor, itemId: string) {
	const db = await useDb();
	const item = await findVisibleItem(db, actor, itemId);
	const [[named], sponsors] = await Promise.all([
		itemsQuery(db).where(eq(agendaItems.id, item.id)),
		db
			.select()
			.from(coSponsors)
			.where(eq(coSponsors.itemId, item.id))
			.orderBy(asc(coSponsors.party))
	]);
	return { ...named!, coSponsors: sponsors, carriedBy: carriers(item.proposingParty, sponsors) };
}

/**
 * What the meeting page reads, prepared once per database handle: the page is the platform's most
 * visited, and building these statements' SQL on every request cost more CPU than running them.
 * The items' visibility is the same visibleTo, with the reader's audience keys as a parameter.
 */
const meetingPageStatements = preparedPerHandle((db) => {
	const meetingId = sql.placeholder('meetingId');
	const decider = alias(people, 'decider');
	return {
		items: itemsQuery(db)
			.where(and(eq(agendaItems.meetingId, meetingId), visibleTo(sql.placeholder('heldKeys'))))
			.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id))
			.prepare('meeting_page_items'),
		coSponsors: db
			.select({ itemId: coSponsors.itemId, party: coSponsors.party, status: coSponsors.status })
			.from(coSponsors)
			.innerJoin(agendaItems, eq(agendaItems.id, coSponsors.itemId))
			.where(eq(agendaItems.meetingId, meetingId))
			.prepare('meeting_page_co_sponsors'),
		approvals: db
			.select({ approval: agendaApprovals, decidedByName: decider.name })
			.from(agendaApprovals)
			.innerJoin(decider, eq(decider.id, agendaApprovals.decidedBy))
			.where(eq(agendaApprovals.meetingId, meetingId))
			.prepare('meeting_page_approvals')
	};
});

/**
 * The meeting page in a fixed number of queries, however many items, all at once: the meeting,
 * its items, their co-sponsors and the approvals. The agenda snapshot is derived from the items,
 * not queried again. An unknown meeting finds no items either, and answers 404.
 */
export async function getMeetingWithAgenda(actor: Actor, meetingId: string) {
	requireAccess(actor, 'meeting.read');
	return readMeetingAgenda(meetingId, principalKeys(actor));
}

/**
 * The reading itself, for whoever holds these audience keys (the gate has let the reader in):
 * getMeetingWithAgenda for one reader, meeting-cache.ts for all readers of one audience class.
 */
export async function readMeetingAgenda(meetingId: string, heldKeys: string[]) {
	if (!isUuid(meetingId)) throw new AccessError(404);
	const db = await useDb();
	const statements = meetingPageStatements(db);
	const [meeting, items, sponsors, approvalRows] = await Promise.all([
		findMeeting(db, meetingId),
		statements.items.execute({ meetingId, heldKeys }),
		statements.coSponsors.execute({ meetingId }),
		statements.approvals.execute({ meetingId })
	]);
	const enriched = items.map((item) => {
		const own = sponsors.filter((row) => row.itemId === item.id);
		return { ...item, coSponsors: own, carriedBy: carriers(item.proposingParty, own) };
	});
	// Each party's word as the page holds it, with the agenda it was given on: the browser derives
	// the same states from these rows when it applies a live event (src/lib/agenda/meeting-view.ts).
	const records: ApprovalRecord[] = approvalRows.map(({ approval, decidedByName }) => ({
		party: approval.party,
		decision: approval.decision,
		reason: approval.reason,
		itemPositions: approval.itemPositions,
		decidedAt: approval.decidedAt,
		decidedByName,
		resetAt: approval.resetAt,
		agendaSnapshot: approval.agendaSnapshot
	}));
	return { ...meetingView(meeting, enriched, records), records };
}

/** "Mijn voorstellen": every item of the actor's organisation, with its meeting, latest first. */
export async function myProposals(actor: Actor) {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	return db
		.select({
			...itemColumns,
			meetingTitle: meetings.title,
			meetingStartsAt: meetings.startsAt,
			meetingStatus: meetings.status
		})
		.from(agendaItems)
		.leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(eq(agendaItems.proposingOrganisationId, actor.organisationId))
		.orderBy(desc(agendaItems.updatedAt))
		.limit(LIST_LIMIT);
}

/** "Ter beoordeling": agendas in afstemming on which the bestuurder's party has no valid akkoord. */
export async function toReview(actor: Actor) {
	const board = await reviewBoard(actor);
	return reviewRows(board, board.party);
}

/** The secretariaat's open work across meetings. */
export async function secretariatOverview(actor: Actor) {
	requireAccess(actor, 'agenda_item.schedule');
	const db = await useDb();
	const now = new Date();
	const [waiting, alignment, toHold, toTreat, toOpen] = await Promise.all([
		itemsQuery(db)
			.where(
				and(inArray(agendaItems.status, [...waitingStatuses]), isNotNull(agendaItems.submittedAt))
			)
			.orderBy(asc(agendaItems.submittedAt), asc(agendaItems.id)),
		db
			.select({
				meeting: meetingColumns,
				// Qualified by hand: in a single-table select drizzle writes meetings.id as a bare "id",
				// which inside this subquery would mean the approval's own id.
				// The parties (in the party enum's order: partyOrder), not just their number: the live page
				// moves one in or out per event.
				akkoord: sql<
					string[]
				>`(select coalesce(array_agg(a.party::text order by a.party), '{}') from agenda_approval a where a.meeting_id = "meeting"."id" and a.decision = 'akkoord' and a.reset_at is null)`,
				// The parties whose word is a standing bezwaar: the secretariaat has to settle it.
				bezwaar: sql<
					string[]
				>`(select coalesce(array_agg(a.party::text order by a.party), '{}') from agenda_approval a where a.meeting_id = "meeting"."id" and a.decision = 'bezwaar' and a.reset_at is null)`
			})
			.from(meetings)
			.where(eq(meetings.status, 'agenda_in_afstemming'))
			.orderBy(asc(meetings.startsAt)),
		db
			.select(meetingColumns)
			.from(meetings)
			.where(and(eq(meetings.status, 'agenda_vastgesteld'), lte(meetings.startsAt, now))),
		itemsQuery(db)
			.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
			.where(and(eq(agendaItems.status, 'geagendeerd'), eq(meetings.status, 'gehouden'))),
		db
			.select(meetingColumns)
			.from(meetings)
			.where(eq(meetings.status, 'gepland'))
			.orderBy(asc(meetings.startsAt))
	]);
	return {
		...splitWaiting(waiting),
		/** Both sections in one, oldest submission first: the live page splits them as above. */
		waiting,
		inAlignment: alignment.map((row) => ({
			...row.meeting,
			akkoordParties: row.akkoord as Party[],
			akkoordCount: row.akkoord.length,
			bezwaarParties: row.bezwaar as Party[]
		})),
		toMarkHeld: toHold,
		toMarkTreated: toTreat,
		toOpen
	};
}

/**
 * "Nog te agenderen": submitted items without a meeting (new ones, and those the secretariaat
 * held over to no particular meeting), oldest submission first. Everyone at the table sees them.
 */
export async function unscheduledItems(actor: Actor) {
	requireAccess(actor, 'meeting.read');
	const db = await useDb();
	return itemsQuery(db)
		.where(
			and(
				// isUnscheduled (list-rules.ts), as SQL
				isNull(agendaItems.meetingId),
				inArray(agendaItems.status, [...waitingStatuses]),
				visibleTo(actor)
			)
		)
		.orderBy(asc(agendaItems.submittedAt), asc(agendaItems.id))
		.limit(LIST_LIMIT);
}
