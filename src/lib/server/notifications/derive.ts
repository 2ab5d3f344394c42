import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterCommit, type Transaction } from '../db';
import {
	meetings,
	notificationPreferences,
	notifications,
	type NewEvent,
	type NotificationRow
} from '../db/schema';
import { audienceKey } from '../audience';
import { enqueue, type NewJob } from './queue';
import { livePayload } from './present';
import { nextDigestAt, reminderDueAt } from './schedule';
import { paramsOf } from './params';
import type { SourceEvent } from './rule';
import { rulesFor } from './table';
import { wakeWorkers } from './wake';
import { agreementPlanningEvents, planAgreementReminders } from './agreement-plan';

/** The events that put an agenda in afstemming: each plans the reminder before its deadline. */
const alignmentEvents = new Set(['meeting.alignment_started.v1', 'agenda.reopened.v1']);

/**
 * The event log's hook (events/index.ts): given the events a transaction is about to commit, writes
 * the notifications they give rise to and the mail for them, in that same transaction, and returns
 * the live events that tell each person's devices (audience `person:<id>`). So a notification and
 * its mail exist exactly when the event committed, once. Cheap for the many events no row of the
 * table names: a map lookup each.
 */
export async function deriveNotifications(tx: Transaction, rows: NewEvent[]): Promise<NewEvent[]> {
	const written: NotificationRow[] = [];
	const jobs: NewJob[] = [];
	const changedAgreements = new Set<string>();
	for (const row of rows) {
		const event = sourceOf(row);
		if (alignmentEvents.has(event.type)) jobs.push(...(await reminderJob(tx, event)));
		if (agreementPlanningEvents.has(event.type)) changedAgreements.add(event.subjectId);
		const rules = rulesFor(event);
		if (rules.length === 0) continue;
		const params = await paramsOf(tx, event);
		for (const rule of rules) {
			const recipients = new Set(await rule.recipients(tx, event));
			if (event.actorPersonId) recipients.delete(event.actorPersonId);
			if (recipients.size === 0) continue;
			const inserted = await tx
				.insert(notifications)
				.values(
					[...recipients].map((personId) => ({
						id: randomUUID(),
						personId,
						kind: rule.kind,
						eventType: event.type,
						subjectType: event.subjectType,
						subjectId: event.subjectId,
						meetingId: event.meetingId,
						params,
						link: rule.link(event)
					}))
				)
				.returning();
			written.push(...inserted);
		}
	}
	// An agreement's reminders follow its deadline, status and consultations as they now stand.
	jobs.push(...(await planAgreementReminders(tx, [...changedAgreements], new Date())));
	if (written.length === 0 && jobs.length === 0) return [];
	jobs.push(...(await mailJobs(tx, written)));
	await enqueue(tx, jobs);
	if (jobs.length > 0) afterCommit(wakeWorkers);
	return written.map((notification) => ({
		type: 'notification.created.v1',
		actorPersonId: null,
		actorOrganisationId: null,
		subjectType: 'notification',
		subjectId: notification.id,
		meetingId: null,
		audience: [audienceKey.person(notification.personId)],
		requestId: null,
		payload: livePayload(notification)
	}));
}

/** A mail per notification, a digest instead for who chose one, nothing for a kind turned off. */
async function mailJobs(tx: Transaction, written: NotificationRow[]): Promise<NewJob[]> {
	if (written.length === 0) return [];
	const personIds = [...new Set(written.map((row) => row.personId))];
	const preferences = await tx
		.select()
		.from(notificationPreferences)
		.where(inArray(notificationPreferences.personId, personIds));
	const byPerson = new Map(preferences.map((preference) => [preference.personId, preference]));
	const now = new Date();
	const jobs: NewJob[] = [];
	for (const row of written) {
		const preference = byPerson.get(row.personId);
		if (preference?.mutedKinds.includes(row.kind)) continue;
		if (preference?.digest) {
			jobs.push({
				kind: 'digest',
				payload: { personId: row.personId },
				dueAt: nextDigestAt(now, preference.digestMinute),
				dedupeKey: `digest:${row.personId}`
			});
		} else {
			jobs.push({ kind: 'mail', payload: { notificationId: row.id } });
		}
	}
	return jobs;
}

async function reminderJob(tx: Transaction, event: SourceEvent): Promise<NewJob[]> {
	const meetingId = event.meetingId ?? event.subjectId;
	const [meeting] = await tx
		.select({ startsAt: meetings.startsAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!meeting) return [];
	const dueAt = reminderDueAt(meeting.startsAt);
	// Less than two days left: the request itself is the reminder.
	if (dueAt <= new Date()) return [];
	return [{ kind: 'reminder', payload: { meetingId }, dueAt, dedupeKey: `reminder:${meetingId}` }];
}

function sourceOf(row: NewEvent): SourceEvent {
	return {
		type: row.type,
		subjectType: row.subjectType,
		subjectId: row.subjectId,
		meetingId: row.meetingId ?? null,
		actorPersonId: row.actorPersonId ?? null,
		payload: row.payload ?? {}
	};
}
