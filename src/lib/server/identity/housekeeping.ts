import { useDb } from '../db';
import { deleteExpiredSessions } from '../auth/session';
import { onShutdown } from '../lifecycle';
import { logger } from '../logger';

const HOUR = 3_600_000;
const key = Symbol.for('overhedenoverleg.housekeeping');
type Holder = typeof globalThis & { [key]?: NodeJS.Timeout };

/** Removes ended sessions once an hour, so the table holds only live ones. */
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
	holder[key] = setInterval(run, HOUR);
	holder[key].unref();
	onShutdown('housekeeping', async () => {
		clearInterval(holder[key]);
		holder[key] = undefined;
	});
}
