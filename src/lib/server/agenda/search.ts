import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { useDb } from '../db';
import { agendaItems, coSponsors, meetings, organisations } from '../db/schema';
import { requireAccess, type Actor } from '../access';
import { InvalidInputError } from '../kernel/errors';
import { meetingColumns } from '../meetings/queries';
import { endOfAmsterdamDay, startOfAmsterdamDay } from '../../time';
import { visibleTo } from './queries';
import { parseInput } from '../kernel/input';
import { searchSchema } from './schemas';
import { itemColumns } from './store';

export const SEARCH_LIMIT = 100;

/**
 * Dutch full-text search over agenda items and meetings (to_tsvector('dutch', …) with GIN
 * indexes), with filters. Only what the searcher may see: another party's concept never matches.
 */
export async function searchAgenda(actor: Actor, input: unknown = {}) {
	requireAccess(actor, 'meeting.read');
	const { q, party, status, purpose, meetingId, from, to } = parseInput(searchSchema, input);
	const fromDate = from ? startOfAmsterdamDay(from) : undefined;
	const toDate = to ? endOfAmsterdamDay(to) : undefined;
	if (fromDate && toDate && fromDate > toDate)
		throw new InvalidInputError({ to: 'De einddatum ligt vóór de begindatum.' });
	const query = q ? sql`websearch_to_tsquery('dutch', ${q})` : null;

	const conditions: SQL[] = [visibleTo(actor)];
	if (query) conditions.push(sql`${agendaItems.search} @@ ${query}`);
	if (party)
		conditions.push(
			or(
				eq(agendaItems.proposingParty, party),
				sql`exists (select 1 from ${coSponsors} where ${coSponsors.itemId} = ${agendaItems.id} and ${coSponsors.party} = ${party} and ${coSponsors.status} = 'geaccepteerd')`
			)!
		);
	if (status) conditions.push(eq(agendaItems.status, status));
	if (purpose) conditions.push(eq(agendaItems.purpose, purpose));
	if (meetingId) conditions.push(eq(agendaItems.meetingId, meetingId));
	if (fromDate) conditions.push(gte(meetings.startsAt, fromDate));
	if (toDate) conditions.push(lte(meetings.startsAt, toDate));

	const db = await useDb();
	// Without a text there is nothing to rank by: a constant would reach the database as
	// `order by 0`, which it refuses. A filter-only search ("everything of IPO") reads by date.
	const rank = query ? sql<number>`ts_rank(${agendaItems.search}, ${query})` : null;
	const byDate = [
		// Newest meeting first; items not on a meeting have no date to show, so they follow.
		sql`${meetings.startsAt} desc nulls last`,
		desc(agendaItems.updatedAt),
		asc(agendaItems.id)
	];
	const items = await db
		.select({
			...itemColumns,
			proposingOrganisationName: organisations.shortName,
			meetingTitle: meetings.title,
			meetingStartsAt: meetings.startsAt,
			rank: rank ?? sql<number>`0::real`
		})
		.from(agendaItems)
		.innerJoin(organisations, eq(organisations.id, agendaItems.proposingOrganisationId))
		.leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(and(...conditions))
		.orderBy(...(rank ? [desc(rank), ...byDate] : byDate))
		.limit(SEARCH_LIMIT);

	// Meetings match on text and period only; item filters do not apply to them.
	const meetingConditions: SQL[] = [];
	if (query) meetingConditions.push(sql`${meetings.search} @@ ${query}`);
	if (fromDate) meetingConditions.push(gte(meetings.startsAt, fromDate));
	if (toDate) meetingConditions.push(lte(meetings.startsAt, toDate));
	if (meetingId) meetingConditions.push(eq(meetings.id, meetingId));
	const itemFilter = party || status || purpose;
	const matchingMeetings =
		meetingConditions.length && !itemFilter
			? await db
					.select(meetingColumns)
					.from(meetings)
					.where(and(...meetingConditions))
					.orderBy(desc(meetings.startsAt))
					.limit(SEARCH_LIMIT)
			: [];
	return { items, meetings: matchingMeetings };
}
