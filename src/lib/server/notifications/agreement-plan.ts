import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { agreementRatifications, agreements, events } from '../db/schema';
import { closedStatuses, dueDate } from '../agreements/status';
import type { NewJob } from './queue';
import {
	agreementReminderEvents,
	deadlineReminders,
	reminderAt,
	reminderDay,
	reminderKey,
	stillTimely,
	type AgreementReminder
} from './agreement-schedule';

/**
 * The agreement events after which its reminders are planned again: they change what is due when
 * (the deadline, the status and its expected date, a koepel's consultation and its closing day).
 * The owners are not among them: who gets a reminder is read when it goes out.
 */
export const agreementPlanningEvents = new Set([
	'agreement.created.v1',
	'agreement.updated.v1',
	'agreement.status_changed.v1',
	'agreement.ratification_recorded.v1'
]);

/**
 * The reminder jobs of these agreements as they stand in `db` (the verb's transaction, the seed's
 * or the scan's): every reminder still timely (agreement-schedule.ts) and not yet sent, due at its
 * hour. Enqueued with their keys, they add nothing that is already planned; a job planned for a
 * deadline since moved stays, and finds when it runs that it no longer applies. Closed agreements
 * (afgerond, vervallen) get none.
 */
export async function planAgreementReminders(
	db: Executor,
	agreementIds: readonly string[],
	now: Date
): Promise<NewJob[]> {
	if (agreementIds.length === 0) return [];
	const open = await db
		.select({
			id: agreements.id,
			status: agreements.status,
			deadline: agreements.deadline,
			expectedDate: agreements.expectedDate
		})
		.from(agreements)
		.where(
			and(
				inArray(agreements.id, [...agreementIds]),
				notInArray(agreements.status, [...closedStatuses])
			)
		);
	if (open.length === 0) return [];
	const ids = open.map((row) => row.id);
	const consulting = await db
		.select({
			agreementId: agreementRatifications.agreementId,
			koepel: agreementRatifications.koepel,
			closesOn: agreementRatifications.closesOn
		})
		.from(agreementRatifications)
		.where(
			and(
				inArray(agreementRatifications.agreementId, ids),
				eq(agreementRatifications.state, 'lopend')
			)
		);
	const reminders: AgreementReminder[] = [];
	for (const row of open) {
		const due = dueDate(row);
		for (const reminder of deadlineReminders) {
			reminders.push({
				agreementId: row.id,
				reminder,
				dueDate: due,
				day: reminderDay(due, reminder)
			});
		}
	}
	for (const row of consulting) {
		if (!row.closesOn) continue;
		reminders.push({
			agreementId: row.agreementId,
			reminder: 'ratification',
			koepel: row.koepel,
			closesOn: row.closesOn,
			day: row.closesOn
		});
	}
	const timely = reminders.filter((reminder) => stillTimely(reminder.day, now));
	if (timely.length === 0) return [];
	const sent = await sentReminderKeys(db, ids);
	return timely
		.map((reminder) => ({
			kind: 'agreement_reminder' as const,
			payload: reminder,
			dueAt: reminderAt(reminder.day),
			dedupeKey: reminderKey(reminder)
		}))
		.filter((job) => !sent.has(job.dedupeKey));
}

/** The keys of the reminders of these agreements that went out: the event log remembers them. */
export async function sentReminderKeys(
	db: Executor,
	agreementIds: readonly string[]
): Promise<Set<string>> {
	if (agreementIds.length === 0) return new Set();
	const rows = await db
		.select({ key: sql<string>`${events.payload}->>'key'` })
		.from(events)
		.where(
			and(
				eq(events.subjectType, 'agreement'),
				inArray(events.subjectId, [...agreementIds]),
				inArray(events.type, Object.values(agreementReminderEvents))
			)
		);
	return new Set(rows.map((row) => row.key));
}
