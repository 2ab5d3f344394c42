import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { useDb } from '../db';
import { agendaItems, coSponsors, meetings, organisations } from '../db/schema';
import { decideAccess, requireAccess, type Actor } from '../access';
import { LIST_LIMIT } from '../../agenda/list-rules';
import { itemsVisibleTo } from './audience';
import { itemSteps } from './transitions';

/*
 * "Mijn voorstellen" beside the organisation's own items: what other parties asked the person's
 * party to co-sponsor and is still open, and the items the party co-sponsors. Both go through the
 * items' audience (audience.ts) besides their own condition, so a request on another's concept,
 * which waits for its submission, never shows here.
 */

export async function myCoSponsoring(actor: Actor) {
	requireAccess(actor, 'meeting.read');
	const party = actor.party;
	if (!party) return { mayAnswer: false, requests: [], carried: [] };
	const db = await useDb();
	const rows = (status: 'uitgenodigd' | 'geaccepteerd') =>
		db
			.select({
				id: agendaItems.id,
				title: agendaItems.title,
				status: agendaItems.status,
				purpose: agendaItems.purpose,
				meetingId: agendaItems.meetingId,
				meetingTitle: meetings.title,
				proposingOrganisationName: organisations.shortName,
				invitedAt: coSponsors.invitedAt,
				decidedAt: coSponsors.decidedAt
			})
			.from(coSponsors)
			.innerJoin(agendaItems, eq(agendaItems.id, coSponsors.itemId))
			.innerJoin(organisations, eq(organisations.id, agendaItems.proposingOrganisationId))
			.leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
			.where(
				and(
					eq(coSponsors.party, party),
					eq(coSponsors.status, status),
					// An open request only where the answer is still possible: the verb's own statuses.
					...(status === 'uitgenodigd'
						? [inArray(agendaItems.status, [...itemSteps.respond.statuses])]
						: []),
					itemsVisibleTo(actor)
				)
			)
			.orderBy(
				status === 'uitgenodigd' ? asc(coSponsors.invitedAt) : desc(coSponsors.decidedAt),
				asc(agendaItems.id)
			)
			.limit(LIST_LIMIT);
	const [requests, carried] = await Promise.all([rows('uitgenodigd'), rows('geaccepteerd')]);
	return {
		/** Whether this person answers for the party (a medewerker or bestuurder). */
		mayAnswer: decideAccess(actor, 'co_sponsor.respond', { party }) === 'ok',
		requests: requests.map(({ decidedAt: _decided, invitedAt, ...row }) => ({
			...row,
			when: invitedAt
		})),
		carried: carried.map(({ invitedAt, decidedAt, ...row }) => ({
			...row,
			when: decidedAt ?? invitedAt
		}))
	};
}
