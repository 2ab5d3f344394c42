import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { jobs, type Job } from '../db/schema';

/**
 * The queue of work that must happen once (HOUSE.md), kept in the database. A job is written in
 * the transaction that gives rise to it, so it exists exactly when that committed. Any process may
 * claim due jobs: the claim skips rows another process is claiming (`FOR UPDATE SKIP LOCKED`) and
 * leases them (`locked_until`), so each job runs in one process at a time; a process that dies
 * mid-job leaves a lease that runs out, and another takes the job up again after a restart.
 */

export type JobKind =
	'mail' | 'digest' | 'reminder' | 'cleanup' | 'agreement_reminder' | 'agreement_reminder_scan';

export interface NewJob {
	kind: JobKind;
	payload?: Record<string, unknown>;
	dueAt?: Date;
	/** At most one open job per key: a second one for the same key is not added. */
	dedupeKey?: string;
}

export async function enqueue(db: Executor, list: NewJob[]): Promise<void> {
	if (list.length === 0) return;
	await db
		.insert(jobs)
		.values(
			list.map((job) => ({
				kind: job.kind,
				payload: job.payload ?? {},
				dueAt: job.dueAt ?? new Date(),
				dedupeKey: job.dedupeKey ?? null
			}))
		)
		.onConflictDoNothing({ target: jobs.dedupeKey, where: sql`${jobs.doneAt} is null` });
}

/** How long a claim holds before another process may take the job again. */
export const LEASE_MS = 120_000;

/** Claims up to `limit` due jobs for this process; each is returned to one claimer only. */
export async function claimDue(db: Executor, now: Date, limit = 20): Promise<Job[]> {
	const leaseUntil = new Date(now.getTime() + LEASE_MS);
	const result = await db.execute(sql`
		update ${jobs} set attempts = ${jobs.attempts} + 1, locked_until = ${leaseUntil.toISOString()}::timestamptz
		where ${jobs.id} in (
			select ${jobs.id} from ${jobs}
			where ${jobs.doneAt} is null and ${jobs.dueAt} <= ${now.toISOString()}::timestamptz
				and (${jobs.lockedUntil} is null or ${jobs.lockedUntil} <= ${now.toISOString()}::timestamptz)
			order by ${jobs.dueAt}, ${jobs.id}
			limit ${limit}
			for update skip locked
		)
		returning id`);
	const ids = rowsOf(result).map((row) => Number(row.id));
	if (ids.length === 0) return [];
	const claimed = await db.select().from(jobs).where(inArray(jobs.id, ids));
	return claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}

/**
 * Marks a claimed job done, if it is still this claim's (the same attempt): false when the lease
 * ran out and another process took it over, so a transactional job can roll back its work.
 */
export async function complete(db: Executor, job: Job, now = new Date()): Promise<boolean> {
	const done = await db
		.update(jobs)
		.set({ doneAt: now, lockedUntil: null, lastError: null })
		.where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), sql`${jobs.doneAt} is null`))
		.returning({ id: jobs.id });
	return done.length === 1;
}

/** After this many failed attempts a job stops (its last error stays for whoever looks). */
export const MAX_ATTEMPTS = 12;

/** Backoff: 30 s, 1, 2, 4 … minutes, at most an hour between attempts. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** The job failed (the mail server is away): due again after the backoff, or given up. */
export async function fail(db: Executor, job: Job, error: unknown, now = new Date()) {
	const message = error instanceof Error ? error.message : String(error);
	const giveUp = job.attempts >= MAX_ATTEMPTS;
	await db
		.update(jobs)
		.set({
			lockedUntil: null,
			lastError: message.slice(0, 1000),
			dueAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
			...(giveUp ? { doneAt: now } : {})
		})
		.where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts)));
}

/** Moves a job's due time without counting an attempt (a reminder whose meeting moved). */
export async function postpone(db: Executor, job: Job, dueAt: Date) {
	await db
		.update(jobs)
		.set({ lockedUntil: null, dueAt, attempts: sql`${jobs.attempts} - 1` })
		.where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts)));
}

/**
 * Hands claimed jobs back unworked (this process is stopping): free at once for another process,
 * without waiting for the lease, and without counting the attempt.
 */
export async function release(db: Executor, claimed: readonly Job[]) {
	for (const job of claimed) {
		await db
			.update(jobs)
			.set({ lockedUntil: null, attempts: sql`${jobs.attempts} - 1` })
			.where(
				and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), sql`${jobs.doneAt} is null`)
			);
	}
}

function rowsOf(result: unknown): Array<Record<string, unknown>> {
	if (Array.isArray(result)) return result as Array<Record<string, unknown>>;
	return ((result as { rows?: unknown[] }).rows ?? []) as Array<Record<string, unknown>>;
}
