import { requireAccess, type Actor } from '../access';
import { agreementRegisterAll } from '../agreements/queries';
import { statusLabels } from '../agreements/status';
import { ownerLabel } from '../exports/register';
import { partyTitles } from '../publications/formats/common';
import type { LiveAgreementRow } from '../../realtime/agreement-payloads';
import { feedActor, markFeedUsed } from './feed-token';
import { buildDeadlineCalendar, type CalendarDeadline } from './ics';

/*
 * The deadlines of one's own party's agreements as a calendar feed (issue 14): those the person's
 * party is a responsible party of, through the register's own query ("my party's", with its
 * audience filter), read whenever the calendar app asks, so a changed deadline or a delay moves
 * the event at the next poll. Behind the same personal token as the meetings feed.
 */

/** A party has some hundreds of agreements; the newest deadlines go first past this bound. */
const FEED_LIMIT = 2000;

function statusText(row: LiveAgreementRow): string {
	const label = statusLabels[row.status];
	return row.overdue ? `${label}, verlopen` : label;
}

function deadlineOf(row: LiveAgreementRow): CalendarDeadline {
	return {
		id: row.id,
		title: row.title,
		dueDate: row.dueDate,
		deadline: row.deadline,
		status: row.status,
		statusText: statusText(row),
		owners: row.owners.map(ownerLabel).join('; '),
		meetingTitle: row.meetingTitle,
		version: row.version,
		updatedAt: new Date(row.updatedAt)
	};
}

/** The feed's document for this actor: its party's deadlines (none without a party). */
export async function deadlinesCalendar(actor: Actor, origin: string, now = new Date()) {
	requireAccess(actor, 'agreement.read', { audience: ['table'] });
	const rows = actor.party
		? (
				await agreementRegisterAll(
					actor,
					{ myParty: true, sort: 'deadline', dir: 'desc' },
					FEED_LIMIT,
					now
				)
			).rows
		: [];
	const name = actor.party
		? `Termijnen van afspraken (${partyTitles[actor.party]})`
		: 'Termijnen van afspraken';
	return buildDeadlineCalendar(name, rows.map(deadlineOf), origin, new URL(origin).host);
}

/**
 * The private feed behind `/afspraken.ics/<token>`: the token of the person's calendar feed.
 * Unknown, revoked or of a blocked person: 404, as for the meetings feed.
 */
export async function deadlineFeed(token: string, origin: string, now = new Date()) {
	const { actor, feedId } = await feedActor(token);
	const body = await deadlinesCalendar(actor, origin, now);
	await markFeedUsed(feedId);
	return body;
}
