import { afterAll, beforeAll } from 'vitest';
import { createServerDatabase } from '../support/server-database';

/**
 * Vitest setup file. With DATABASE_URL set (the PostgreSQL pass of CI), every test file gets a
 * database of its own on that server, for the process database the app opens: files then run in
 * parallel without seeing each other's rows. DATABASE_URL points at it for the file's duration
 * (tests that create further databases, freshDatabase in databases.ts, do so on the same server),
 * and the database is dropped when the file is done. Without DATABASE_URL this does nothing: the
 * embedded engine's files already have their own folders or in-memory databases.
 */
const serverUrl = process.env.DATABASE_URL;

if (serverUrl) {
	let drop: () => Promise<void> = async () => undefined;

	beforeAll(async () => {
		const database = await createServerDatabase(serverUrl, 't');
		drop = database.drop;
		process.env.DATABASE_URL = database.url;
		// Loaded here, not at the top: unit test files without a database need not load them.
		const { resetConfig } = await import('../../src/lib/server/config');
		resetConfig();
	});

	// Hooks run as a stack: this one after the test file's own afterAll hooks.
	afterAll(async () => {
		const { closeDatabase } = await import('../../src/lib/server/db');
		const { resetConfig } = await import('../../src/lib/server/config');
		await closeDatabase();
		process.env.DATABASE_URL = serverUrl;
		resetConfig();
		await drop();
	});
}
