import type { Server as HttpServer } from 'node:http';
import { config } from './config';
import { closeDatabase, databaseHandle, type DatabaseHandle } from './db';
import { accountsWithDemoPassword, seedDatabase } from './db/seed';
import { startHousekeeping } from './identity/housekeeping';
import { logger } from './logger';
import { startNotificationWorker } from './notifications';
import { attachRealtime } from './realtime/server';

/**
 * What an app process does once before its first request (the init hook): parse the environment,
 * open the database, put the demo data in place or refuse to run with demo passwords, start the
 * housekeeping and the notification worker and, given the HTTP server, attach socket.io to it.
 */
export async function startUp(httpServer?: HttpServer): Promise<void> {
	config();
	await prepareDatabase();
	startHousekeeping();
	startNotificationWorker();
	if (httpServer) await attachRealtime(httpServer);
}

/**
 * The database as this process may serve it. Demo mode tops up the demo data every start
 * (idempotent), so a database first used without it still gets the demo accounts; outside demo
 * mode an account that still has the demo password stops the start.
 */
export async function prepareDatabase(): Promise<DatabaseHandle> {
	const cfg = config();
	const handle = await databaseHandle();
	try {
		if (cfg.demo) {
			const report = await seedDatabase(handle.db, { demo: true });
			logger.info({ ...report, demo: true }, 'seeded the demo data');
		} else {
			const demoAccounts = await accountsWithDemoPassword(handle.db);
			if (demoAccounts.length > 0) throw new DemoPasswordInProductionError(demoAccounts);
		}
	} catch (error) {
		await closeDatabase().catch(() => {});
		throw error;
	}
	return handle;
}

export class DemoPasswordInProductionError extends Error {
	constructor(public readonly emails: string[]) {
		super(
			`Refusing to start outside demo mode: ${emails.length} account(s) still have the demo password ` +
				`(${emails.slice(0, 5).join(', ')}${emails.length > 5 ? ', …' : ''}). ` +
				`Disable or remove those accounts, or start with DEMO=true for a demonstration.`
		);
		this.name = 'DemoPasswordInProductionError';
	}
}
