import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { useDb, type Database } from '../db';
import { agendaItems, coSponsors, meetings, organisations, type Party } from '../db/schema';
import { decideAccess, type Actor } from '../access';
import { itemsVisibleTo } from '../agenda/audience';
import { itemSteps } from '../agenda/transitions';
import { partyOrder } from '../../agenda/meeting-view';
import { byUrgency, task, type WorkSection } from './types';

/*
 * A medewerker's work: what their organisation and party still owe the table. Every item query
 * goes through the items' audience (agenda/audience.ts) besides its own condition, so that a
 * concept of another organisation cannot appear here, whatever the condition says.
 */

const itemMeeting = alias(meetings, 'item_meeting');

/** Concepts of the actor's organisation, by the proposal deadline of their meeting. */
async function concepts(db: Database, actor: Actor) {
	const rows = await db
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			meetingTitle: itemMeeting.title,
			deadline: itemMeeting.proposalDeadline
		})
		.from(agendaItems)
		.leftJoin(itemMeeting, eq(itemMeeting.id, agendaItems.meetingId))
		.where(
			and(
				eq(agendaItems.status, 'concept'),
				eq(agendaItems.proposingOrganisationId, actor.organisationId),
				itemsVisibleTo(actor)
			)
		)
		.orderBy(desc(agendaItems.updatedAt))
		.limit(200);
	const now = Date.now();
	return rows.map((row) =>
		task({
			id: row.id,
			title: row.title,
			action: 'submitConcept',
			href: `/agendapunten/${row.id}`,
			meetingTitle: row.meetingTitle,
			dueAt: row.deadline,
			dueKind: row.deadline ? 'proposalDeadline' : null,
			overdue: row.deadline !== null && row.deadline.getTime() < now
		})
	);
}

/** Items another party asked the actor's party to co-sponsor, still unanswered. */
async function coSponsorRequests(db: Database, actor: Actor, party: Party) {
	const rows = await db
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			askedBy: agendaItems.proposingParty,
			organisationName: organisations.shortName,
			meetingTitle: itemMeeting.title,
			startsAt: itemMeeting.startsAt
		})
		.from(coSponsors)
		.innerJoin(agendaItems, eq(agendaItems.id, coSponsors.itemId))
		.innerJoin(organisations, eq(organisations.id, agendaItems.proposingOrganisationId))
		.leftJoin(itemMeeting, eq(itemMeeting.id, agendaItems.meetingId))
		.where(
			and(
				eq(coSponsors.party, party),
				eq(coSponsors.status, 'uitgenodigd'),
				// Only where an answer is still possible: the same statuses the verb accepts.
				inArray(agendaItems.status, [...itemSteps.respond.statuses]),
				itemsVisibleTo(actor)
			)
		)
		.orderBy(asc(coSponsors.invitedAt))
		.limit(200);
	return rows.map((row) =>
		task({
			id: row.id,
			title: row.title,
			action: 'answerCoSponsor',
			href: `/agendapunten/${row.id}`,
			meetingTitle: row.meetingTitle,
			dueAt: row.startsAt,
			dueKind: row.startsAt ? 'meeting' : null,
			parties: row.askedBy ? [row.askedBy] : [],
			organisationName: row.organisationName
		})
	);
}

/** The organisation's own items on which another party has not answered yet. */
async function coSponsorWaiting(db: Database, actor: Actor) {
	const rows = await db
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			party: coSponsors.party,
			meetingTitle: itemMeeting.title,
			startsAt: itemMeeting.startsAt
		})
		.from(coSponsors)
		.innerJoin(agendaItems, eq(agendaItems.id, coSponsors.itemId))
		.leftJoin(itemMeeting, eq(itemMeeting.id, agendaItems.meetingId))
		.where(
			and(
				eq(agendaItems.proposingOrganisationId, actor.organisationId),
				eq(coSponsors.status, 'uitgenodigd'),
				inArray(agendaItems.status, [...itemSteps.respond.statuses]),
				itemsVisibleTo(actor)
			)
		)
		.orderBy(asc(coSponsors.invitedAt))
		.limit(500);
	const byItem = new Map<string, ReturnType<typeof task>>();
	for (const row of rows) {
		const known = byItem.get(row.id);
		if (known) known.parties.push(row.party);
		else
			byItem.set(
				row.id,
				task({
					id: row.id,
					title: row.title,
					action: 'followUp',
					href: `/agendapunten/${row.id}`,
					meetingTitle: row.meetingTitle,
					dueAt: row.startsAt,
					dueKind: row.startsAt ? 'meeting' : null,
					parties: [row.party]
				})
			);
	}
	for (const waiting of byItem.values())
		waiting.parties.sort((a, b) => partyOrder.indexOf(a) - partyOrder.indexOf(b));
	return [...byItem.values()];
}

/** Meetings that take proposals now, with their deadline. */
async function openMeetings(db: Database) {
	const rows = await db
		.select({ id: meetings.id, title: meetings.title, deadline: meetings.proposalDeadline })
		.from(meetings)
		.where(eq(meetings.status, 'open_voor_voorstellen'))
		.orderBy(asc(meetings.startsAt))
		.limit(50);
	const now = Date.now();
	return rows.map((row) =>
		task({
			id: row.id,
			title: row.title,
			action: 'propose',
			href: `/agendapunten/nieuw?vergadering=${row.id}`,
			dueAt: row.deadline,
			dueKind: row.deadline ? 'proposalDeadline' : null,
			overdue: row.deadline !== null && row.deadline.getTime() < now
		})
	);
}

/**
 * The medewerker's sections: answers others wait for first, then what only they can move. A
 * section whose action the gate would refuse (a read-only token, say) is left out, not offered.
 */
export async function participantWork(actor: Actor): Promise<WorkSection[]> {
	const db = await useDb();
	const party = actor.party;
	const may = {
		answer: party !== null && decideAccess(actor, 'co_sponsor.respond', { party }) === 'ok',
		submit: decideAccess(actor, 'agenda_item.propose', actor) === 'ok',
		draft: decideAccess(actor, 'agenda_item.draft') === 'ok'
	};
	const none = Promise.resolve([]);
	const [requests, drafts, open, waiting] = await Promise.all([
		may.answer && party ? coSponsorRequests(db, actor, party) : none,
		may.submit ? concepts(db, actor) : none,
		may.draft ? openMeetings(db) : none,
		coSponsorWaiting(db, actor)
	]);
	const sections: WorkSection[] = [
		...(may.answer ? [{ kind: 'coSponsorRequests' as const, tasks: requests }] : []),
		...(may.submit ? [{ kind: 'concepts' as const, tasks: drafts }] : []),
		...(may.draft ? [{ kind: 'openMeetings' as const, tasks: open }] : []),
		{ kind: 'coSponsorWaiting', tasks: waiting }
	];
	for (const section of sections) section.tasks.sort(byUrgency);
	return sections;
}
