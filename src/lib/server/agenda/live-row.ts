import { asc, eq } from 'drizzle-orm';
import { carriers } from '../../agenda/meeting-view';
import type {
	EventPayload,
	ItemEventExtra,
	ItemEventType,
	LiveItemRow
} from '../../realtime/event-payloads';
import type { Executor } from '../db';
import { coSponsors, organisations } from '../db/schema';
import type { ItemRow } from './store';

/*
 * An item as the meeting and item pages show it: what its live events carry, so that every
 * follower's page applies the change without asking the server (HOUSE.md, "Live state, not
 * reloads"). Computed once per event, inside the verb's transaction, for the event's own audience:
 * the item's. Typed by the shared catalogue (realtime/event-payloads.ts), which the pages parse
 * with: a column whose type drifts from it fails to compile here.
 */

type Named = Pick<
	ItemRow,
	keyof Omit<LiveItemRow, 'coSponsors' | 'carriedBy' | 'proposingOrganisationName'>
>;

/** The page's row from an item with its organisation's name and its co-sponsors. */
export function toMeetingItemRow(
	item: Named & { proposingOrganisationName: string },
	sponsors: LiveItemRow['coSponsors']
): LiveItemRow {
	return {
		id: item.id,
		meetingId: item.meetingId,
		title: item.title,
		status: item.status,
		purpose: item.purpose,
		position: item.position,
		minutes: item.minutes,
		version: item.version,
		proposingParty: item.proposingParty,
		proposingOrganisationName: item.proposingOrganisationName,
		lateSubmission: item.lateSubmission,
		lateSubmissionApproved: item.lateSubmissionApproved,
		coSponsors: sponsors,
		carriedBy: carriers(item.proposingParty, sponsors)
	};
}

/** The row of an item just changed, read in the changing transaction (two small queries). */
export async function meetingItemRow(db: Executor, item: ItemRow): Promise<LiveItemRow> {
	const [[organisation], sponsors] = [
		await db
			.select({ name: organisations.shortName })
			.from(organisations)
			.where(eq(organisations.id, item.proposingOrganisationId)),
		await db
			.select({ party: coSponsors.party, status: coSponsors.status })
			.from(coSponsors)
			.where(eq(coSponsors.itemId, item.id))
			.orderBy(asc(coSponsors.party))
	];
	return toMeetingItemRow(
		{ ...item, proposingOrganisationName: organisation?.name ?? '' },
		sponsors
	);
}

/**
 * The payload of an item event: who proposed it (the client tells the proposer what happens to
 * it), the step's own fields and the row.
 */
export async function itemEventPayload<T extends ItemEventType>(
	db: Executor,
	item: ItemRow,
	extra: ItemEventExtra<T>
): Promise<EventPayload<T>> {
	const payload = {
		title: item.title,
		status: item.status,
		proposedBy: item.proposedBy,
		organisationId: item.proposingOrganisationId,
		...extra,
		row: await meetingItemRow(db, item)
	};
	// The spread of a generic type's fields is no longer provably that type; the callers' extras are.
	return payload as EventPayload<T>;
}
