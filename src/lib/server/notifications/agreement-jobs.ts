import { and, between, eq, notInArray, or, sql } from 'drizzle-orm';
import { audiences } from '../audience';
import { transaction, type Transaction } from '../db';
import { agreementRatifications, agreements, type Job } from '../db/schema';
import { appendEvents, type EventInput } from '../events';
import { amsterdamToday, closedStatuses, dueDate, isClosed } from '../agreements/status';
import { dueDateSql } from '../agreements/queries';
import { complete, enqueue, type NewJob } from './queue';
import { nextDigestAt } from './schedule';
import { planAgreementReminders, sentReminderKeys } from './agreement-plan';
import {
	addDays,
	agreementReminderEvents,
	daysUntil,
	deadlineReminders,
	dueDateFor,
	reminderKey,
	stillTimely,
	type AgreementReminder
} from './agreement-schedule';

/**
 * An agreement's reminder, when its hour came. It checks that it still applies (the agreement is
 * not closed, is still due on that day, the koepel still consults until that day; the reminder is
 * still timely and did not go out before), and writes its event, from which the notifications
 * and their mail follow (the table's rows in agreement-rules.ts). Work and completion are one
 * transaction, as the agenda's reminder (jobs.ts): two processes racing for it write it once.
 */
export async function runAgreementReminder(job: Job, now: Date): Promise<void> {
	const reminder = job.payload as AgreementReminder;
	await transaction(async (tx) => {
		// Shared: a verb changing the agreement waits for this reminder, or this one sees its change.
		const [agreement] = await tx
			.select({
				id: agreements.id,
				title: agreements.title,
				meetingId: agreements.meetingId,
				status: agreements.status,
				deadline: agreements.deadline,
				expectedDate: agreements.expectedDate
			})
			.from(agreements)
			.where(eq(agreements.id, reminder.agreementId))
			.for('share');
		if (!(await complete(tx, job, now))) return;
		if (!agreement || isClosed(agreement.status) || !stillTimely(reminder.day, now)) return;
		const key = reminderKey(reminder);
		if ((await sentReminderKeys(tx, [agreement.id])).has(key)) return;
		const event = await eventOf(tx, agreement, reminder, key, now);
		if (event) await appendEvents(tx, { actor: null }, [event]);
	});
}

type Agreement = {
	id: string;
	title: string;
	meetingId: string;
	status: Parameters<typeof isClosed>[0];
	deadline: string;
	expectedDate: string | null;
};

/** The reminder's event, or null when it no longer applies (the date moved, the consultation ended). */
async function eventOf(
	tx: Transaction,
	agreement: Agreement,
	reminder: AgreementReminder,
	key: string,
	now: Date
): Promise<EventInput | null> {
	const base = {
		subjectType: 'agreement',
		subjectId: agreement.id,
		meetingId: agreement.meetingId,
		// What it says is in the notifications; the event itself is for the audit trail.
		audience: audiences.audit
	};
	if (reminder.reminder !== 'ratification') {
		if (dueDate(agreement) !== reminder.dueDate) return null;
		return {
			...base,
			type: agreementReminderEvents.deadline,
			payload: {
				key,
				reminder: reminder.reminder,
				title: agreement.title,
				dueDate: reminder.dueDate,
				daysLeft: daysUntil(reminder.dueDate, now),
				delayed: agreement.status === 'vertraagd'
			}
		};
	}
	const [consultation] = await tx
		.select({ state: agreementRatifications.state, closesOn: agreementRatifications.closesOn })
		.from(agreementRatifications)
		.where(
			and(
				eq(agreementRatifications.agreementId, agreement.id),
				eq(agreementRatifications.koepel, reminder.koepel)
			)
		);
	if (consultation?.state !== 'lopend' || consultation.closesOn !== reminder.closesOn) return null;
	return {
		...base,
		type: agreementReminderEvents.ratification,
		payload: { key, title: agreement.title, party: reminder.koepel, closesOn: reminder.closesOn }
	};
}

/** The scan runs daily, an hour before the reminders of the day. */
export const SCAN_MINUTE = 7 * 60;

/** The scan's one job: the key keeps it one across processes and restarts. */
export function reminderScanJob(dueAt: Date): NewJob {
	return { kind: 'agreement_reminder_scan', dueAt, dedupeKey: 'agreement-reminder-scan' };
}

/**
 * A safety net under the planning by the verbs, once a day: plans the reminders of today and
 * yesterday of every open agreement, so that agreements written without the verbs (from before
 * the reminders existed, a bulk import) get theirs too; what is planned or sent is not planned
 * again. Then plans its own next round. A single queued job, never a timer in every process.
 */
export async function runAgreementReminderScan(job: Job, now: Date): Promise<void> {
	await transaction(async (tx) => {
		if (!(await complete(tx, job, now))) return;
		const ids = await agreementsWithRemindersAround(tx, now);
		await enqueue(tx, [
			...(await planAgreementReminders(tx, ids, now)),
			reminderScanJob(nextDigestAt(now, SCAN_MINUTE))
		]);
	});
}

/** The open agreements with a reminder on today or yesterday, found in the database. */
async function agreementsWithRemindersAround(tx: Transaction, now: Date): Promise<string[]> {
	const today = amsterdamToday(now);
	const yesterday = addDays(today, -1);
	const due = dueDateSql(agreements);
	const byDeadline = await tx
		.select({ id: agreements.id })
		.from(agreements)
		.where(
			and(
				notInArray(agreements.status, [...closedStatuses]),
				or(
					...deadlineReminders.map(
						(reminder) =>
							sql`${due} between ${dueDateFor(yesterday, reminder)}::date and ${dueDateFor(today, reminder)}::date`
					)
				)
			)
		);
	const byConsultation = await tx
		.selectDistinct({ id: agreementRatifications.agreementId })
		.from(agreementRatifications)
		.where(
			and(
				eq(agreementRatifications.state, 'lopend'),
				between(agreementRatifications.closesOn, yesterday, today)
			)
		);
	return [...new Set([...byDeadline, ...byConsultation].map((row) => row.id))];
}
