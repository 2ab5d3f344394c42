import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { useDb, type Executor } from '../../../src/lib/server/db';
import { jobs } from '../../../src/lib/server/db/schema';

/** The wall clock in Amsterdam at an instant, as a reader there sees it ("2030-04-07 08:00"). */
export const amsterdamClock = (at: Date) =>
	new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Amsterdam',
		dateStyle: 'short',
		timeStyle: 'short'
	}).format(at);

export interface PlannedReminder {
	/** When it is due, on the Amsterdam wall clock. */
	at: string;
	/** And as an instant. */
	utc: string;
	reminder: string;
	key: string;
}

/** The open reminder jobs of an agreement, by when they are due. */
export async function plannedReminders(
	agreementId: string,
	db?: Executor
): Promise<PlannedReminder[]> {
	const rows = await (db ?? (await useDb()))
		.select()
		.from(jobs)
		.where(
			and(
				eq(jobs.kind, 'agreement_reminder'),
				isNull(jobs.doneAt),
				sql`${jobs.payload}->>'agreementId' = ${agreementId}`
			)
		)
		.orderBy(asc(jobs.dueAt), asc(jobs.id));
	return rows.map((row) => ({
		at: amsterdamClock(row.dueAt),
		utc: row.dueAt.toISOString(),
		reminder: String((row.payload as { reminder: string }).reminder),
		key: row.dedupeKey ?? ''
	}));
}

/** Every reminder job of an agreement, done or open. */
export async function reminderJobsOf(agreementId: string) {
	const db = await useDb();
	return db
		.select()
		.from(jobs)
		.where(
			and(
				eq(jobs.kind, 'agreement_reminder'),
				sql`${jobs.payload}->>'agreementId' = ${agreementId}`
			)
		)
		.orderBy(asc(jobs.id));
}
