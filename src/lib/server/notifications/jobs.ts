import { and, eq, gt, isNull, lt, lte, notInArray } from 'drizzle-orm';
import { audiences } from '../audience';
import { transaction, type Executor } from '../db';
import {
	agendaApprovals,
	jobs,
	meetings,
	notificationPreferences,
	notifications,
	parties,
	people,
	type Job
} from '../db/schema';
import { appendEvents } from '../events';
import { sendMail } from '../mail';
import { complete, enqueue, postpone } from './queue';
import { digestMail, notificationMail, type Recipient } from './mail-render';
import { textOf } from './present';
import {
	CLEANUP_EVERY_MS,
	KEEP_DONE_JOBS_MS,
	KEEP_NOTIFICATIONS_MS,
	reminderDueAt
} from './schedule';

/** The work of each kind of job. Each ends by marking its job done (see queue.ts). */

/** A mail for one notification, in the person's language. */
export async function runMail(db: Executor, job: Job, now: Date): Promise<void> {
	const [row] = await db
		.select()
		.from(notifications)
		.where(eq(notifications.id, String(job.payload.notificationId)));
	const recipient = row ? await recipientOf(db, row.personId) : null;
	// Gone (kept time over, account removed or blocked): nothing to send.
	if (row && recipient) {
		await sendMail(notificationMail(recipient, textOf(row, recipient.language), row.link));
	}
	await complete(db, job, now);
}

/** The day's digest: what came since the last one, in one mail. */
export async function runDigest(db: Executor, job: Job, now: Date): Promise<void> {
	const personId = String(job.payload.personId);
	const recipient = await recipientOf(db, personId);
	const [preference] = await db
		.select()
		.from(notificationPreferences)
		.where(eq(notificationPreferences.personId, personId));
	const since = preference?.digestedUntil ?? new Date(0);
	const rows = recipient
		? await db
				.select()
				.from(notifications)
				.where(
					and(
						eq(notifications.personId, personId),
						gt(notifications.createdAt, since),
						lte(notifications.createdAt, now),
						preference?.mutedKinds.length
							? notInArray(notifications.kind, preference.mutedKinds)
							: undefined
					)
				)
				.orderBy(notifications.createdAt)
		: [];
	if (recipient && rows.length > 0) {
		await sendMail(
			digestMail(
				recipient,
				rows.map((row) => textOf(row, recipient.language))
			)
		);
	}
	await transaction(async (tx) => {
		if (!(await complete(tx, job, now))) return;
		await tx
			.update(notificationPreferences)
			.set({ digestedUntil: now })
			.where(eq(notificationPreferences.personId, personId));
	});
}

/**
 * Two days before the meeting: the parties whose akkoord is still missing hear again. Work and
 * completion are one transaction, so the reminder's event (and the notifications that follow from
 * it) exists once even if two processes raced for the job.
 */
export async function runReminder(job: Job, now: Date): Promise<void> {
	const meetingId = String(job.payload.meetingId);
	await transaction(async (tx) => {
		const [meeting] = await tx
			.select({ title: meetings.title, status: meetings.status, startsAt: meetings.startsAt })
			.from(meetings)
			.where(eq(meetings.id, meetingId));
		const dueAt = meeting ? reminderDueAt(meeting.startsAt) : now;
		if (meeting?.status === 'agenda_in_afstemming' && dueAt.getTime() > now.getTime() + 60_000) {
			// The meeting moved later: remind two days before its new time.
			await postpone(tx, job, dueAt);
			return;
		}
		if (!(await complete(tx, job, now))) return;
		if (meeting?.status !== 'agenda_in_afstemming' || meeting.startsAt <= now) return;
		const agreed = await tx
			.select({ party: agendaApprovals.party })
			.from(agendaApprovals)
			.where(
				and(
					eq(agendaApprovals.meetingId, meetingId),
					eq(agendaApprovals.decision, 'akkoord'),
					isNull(agendaApprovals.resetAt)
				)
			);
		const open = parties.filter((party) => !agreed.some((row) => row.party === party));
		if (open.length === 0) return;
		await appendEvents(tx, { actor: null }, [
			{
				type: 'agenda.approval_reminder_due.v1',
				subjectType: 'meeting',
				subjectId: meetingId,
				meetingId,
				// What it says is in the notifications; the event itself is for the audit trail.
				audience: audiences.audit,
				payload: { title: meeting.title, parties: open }
			}
		]);
	});
}

/** Keeps notifications for 90 days and done jobs for 30; then plans the next round. */
export async function runCleanup(job: Job, now: Date): Promise<void> {
	await transaction(async (tx) => {
		if (!(await complete(tx, job, now))) return;
		await tx
			.delete(notifications)
			.where(lt(notifications.createdAt, new Date(now.getTime() - KEEP_NOTIFICATIONS_MS)));
		await tx.delete(jobs).where(lt(jobs.doneAt, new Date(now.getTime() - KEEP_DONE_JOBS_MS)));
		await enqueue(tx, [cleanupJob(new Date(now.getTime() + CLEANUP_EVERY_MS))]);
	});
}

export function cleanupJob(dueAt: Date) {
	return { kind: 'cleanup' as const, dueAt, dedupeKey: 'cleanup' };
}

async function recipientOf(db: Executor, personId: string): Promise<Recipient | null> {
	const [row] = await db
		.select({
			email: people.email,
			name: people.name,
			language: notificationPreferences.language
		})
		.from(people)
		.leftJoin(notificationPreferences, eq(notificationPreferences.personId, people.id))
		.where(and(eq(people.id, personId), isNull(people.disabledAt)));
	return row ? { email: row.email, name: row.name, language: row.language ?? 'nl' } : null;
}
