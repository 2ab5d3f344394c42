import { useDb } from '../db';
import { deleteExpiredSessions } from '../auth/session';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';
import { startAlignmentPastDeadline } from '../meetings/deadlines';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const key = Symbol.for('overhedenoverleg.housekeeping');
type Holder = typeof globalThis & { [key]?: NodeJS.Timeout[] };

/**
 * Removes ended sessions once an hour, so the table holds only live ones; and every minute moves
 * meetings whose proposal deadline passed to "agenda in afstemming".
 */
export function startHousekeeping(): void {
	const holder = globalThis as Holder;
	if (holder[key]) return;
	const run = async () => {
		try {
			const removed = await deleteExpiredSessions(await useDb());
			if (removed > 0) logger.info({ removed }, 'removed ended sessions');
		} catch (error) {
			logger.warn({ err: error }, 'session housekeeping failed');
		}
	};
	const deadlines = async () => {
		try {
			const moved = await startAlignmentPastDeadline();
			if (moved.length)
				logger.info({ meetings: moved }, 'proposal deadline passed: agenda in afstemming');
		} catch (error) {
			logger.warn({ err: error }, 'deadline housekeeping failed');
		}
	};
	holder[key] = [setInterval(run, HOUR), setInterval(deadlines, MINUTE)];
	for (const timer of holder[key]) timer.unref();
	void deadlines();
	onShutdown('housekeeping', async () => {
		for (const timer of holder[key] ?? []) clearInterval(timer);
		holder[key] = undefined;
	});
}
