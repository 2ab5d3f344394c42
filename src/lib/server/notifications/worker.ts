import { useDb } from '../db';
import type { Job } from '../db/schema';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';
import { cleanupJob, runCleanup, runDigest, runMail, runReminder } from './jobs';
import { claimDue, enqueue, fail, release } from './queue';
import { reminderScanJob, runAgreementReminder, runAgreementReminderScan } from './agreement-jobs';
import { onWork } from './wake';

export interface RunReport {
	done: number;
	failed: number;
}

/**
 * Claims the due jobs and works them off: one round. Any number of processes (and of concurrent
 * rounds in one process) may call it: the claim hands each job to one of them. Once `stopping`
 * says so, the round ends after the job in hand and hands the rest of its claim back.
 */
export async function runDueJobs(
	options: { now?: Date; limit?: number; stopping?: () => boolean } = {}
): Promise<RunReport> {
	const db = await useDb();
	const report: RunReport = { done: 0, failed: 0 };
	for (;;) {
		if (options.stopping?.()) return report;
		const now = options.now ?? new Date();
		const claimed = await claimDue(db, now, options.limit ?? 20);
		if (claimed.length === 0) return report;
		for (const [index, job] of claimed.entries()) {
			if (options.stopping?.()) {
				await release(db, claimed.slice(index));
				return report;
			}
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
		case 'agreement_reminder':
			return runAgreementReminder(job, now);
		case 'agreement_reminder_scan':
			return runAgreementReminderScan(job, now);
		default:
			throw new Error(`unknown job kind ${job.kind}`);
	}
}

const POLL_MS = 5_000;
/** How long a stopping process waits for the job in hand (a mail being sent) before it goes. */
const STOP_WAIT_MS = 10_000;
const key = Symbol.for('overhedenoverleg.notification-worker');
type Holder = typeof globalThis & { [key]?: () => void };

/**
 * One worker loop per process: a poll every few seconds (jobs of other processes, retries, due
 * reminders) and at once when this process committed new jobs. A round runs at a time; a nudge
 * during a round asks for another. On shutdown the round finishes the job in hand (a mail that
 * the server accepted is marked sent before the database closes) and hands back the rest.
 */
export function startNotificationWorker(): void {
	const holder = globalThis as Holder;
	if (holder[key]) return;
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;
	const work = async () => {
		try {
			do {
				again = false;
				await runDueJobs({ stopping: () => stopped });
			} while (again && !stopped);
		} catch (error) {
			logger.warn({ err: error }, 'notification worker round failed');
		} finally {
			running = null;
		}
	};
	const round = async () => {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = work();
		await running;
	};
	const timer = setInterval(() => void round(), POLL_MS);
	timer.unref();
	const stopListening = onWork(() => void round());
	holder[key] = () => {
		clearInterval(timer);
		stopListening();
	};
	// The first cleanup and reminder scan; later ones plan themselves. Their keys keep each one
	// across processes and restarts.
	void useDb()
		.then((db) => enqueue(db, [cleanupJob(new Date()), reminderScanJob(new Date())]))
		.then(round)
		.catch((error: unknown) => logger.warn({ err: error }, 'could not plan the cleanup'));
	onShutdown('notification worker', async () => {
		stopped = true;
		holder[key]?.();
		holder[key] = undefined;
		const inHand = running;
		if (inHand) {
			let wait: ReturnType<typeof setTimeout> | undefined;
			const enough = new Promise((resolve) => (wait = setTimeout(resolve, STOP_WAIT_MS)));
			await Promise.race([inHand, enough]);
			clearTimeout(wait);
		}
	});
}
