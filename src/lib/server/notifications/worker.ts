import { useDb } from '../db';
import type { Job } from '../db/schema';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';
import { cleanupJob, runCleanup, runDigest, runMail, runReminder } from './jobs';
import { claimDue, enqueue, fail } from './queue';
import { onWork } from './wake';

export interface RunReport {
	done: number;
	failed: number;
}

/**
 * Claims the due jobs and works them off: one round. Any number of processes (and of concurrent
 * rounds in one process) may call it: the claim hands each job to one of them.
 */
export async function runDueJobs(options: { now?: Date; limit?: number } = {}): Promise<RunReport> {
	const db = await useDb();
	const report: RunReport = { done: 0, failed: 0 };
	for (;;) {
		const now = options.now ?? new Date();
		const claimed = await claimDue(db, now, options.limit ?? 20);
		if (claimed.length === 0) return report;
		for (const job of claimed) {
			try {
				await runJob(job, now);
				report.done++;
			} catch (error) {
				report.failed++;
				logger.warn(
					{ err: error, job: job.id, kind: job.kind, attempts: job.attempts },
					'job failed'
				);
				await fail(db, job, error, now).catch((failure: unknown) =>
					logger.error({ err: failure, job: job.id }, 'could not record a failed job')
				);
			}
		}
	}
}

async function runJob(job: Job, now: Date): Promise<void> {
	const db = await useDb();
	switch (job.kind) {
		case 'mail':
			return runMail(db, job, now);
		case 'digest':
			return runDigest(db, job, now);
		case 'reminder':
			return runReminder(job, now);
		case 'cleanup':
			return runCleanup(job, now);
		default:
			throw new Error(`unknown job kind ${job.kind}`);
	}
}

const POLL_MS = 5_000;
const key = Symbol.for('overhedenoverleg.notification-worker');
type Holder = typeof globalThis & { [key]?: () => void };

/**
 * One worker loop per process: a poll every few seconds (jobs of other processes, retries, due
 * reminders) and at once when this process committed new jobs. A round runs at a time; a nudge
 * during a round asks for another.
 */
export function startNotificationWorker(): void {
	const holder = globalThis as Holder;
	if (holder[key]) return;
	let running = false;
	let again = false;
	const round = async () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			do {
				again = false;
				await runDueJobs();
			} while (again);
		} catch (error) {
			logger.warn({ err: error }, 'notification worker round failed');
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void round(), POLL_MS);
	timer.unref();
	const stopListening = onWork(() => void round());
	holder[key] = () => {
		clearInterval(timer);
		stopListening();
	};
	// The first cleanup; later ones plan themselves. The key keeps it one across processes.
	void useDb()
		.then((db) => enqueue(db, [cleanupJob(new Date())]))
		.then(round)
		.catch((error: unknown) => logger.warn({ err: error }, 'could not plan the cleanup'));
	onShutdown('notification worker', async () => {
		holder[key]?.();
		holder[key] = undefined;
	});
}
