import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetConfig } from '../../src/lib/server/config';
import { closeDatabase } from '../../src/lib/server/db';
import { MemoryStore, RateLimiter, setRateLimiter } from '../../src/lib/server/auth/rate-limit';

/**
 * For tests of verbs: the process database the app itself uses (embedded in a temporary folder,
 * or the PostgreSQL of DATABASE_URL), and a fresh in-memory rate limiter per file.
 */
export function useProcessDatabase(): void {
	const dataDir = mkdtempSync(join(tmpdir(), 'oho-verbs-'));
	beforeAll(() => {
		process.env.DATA_DIR = dataDir;
		resetConfig();
		setRateLimiter(new RateLimiter(new MemoryStore()));
	});
	afterAll(async () => {
		await closeDatabase();
		setRateLimiter(undefined);
		rmSync(dataDir, { recursive: true, force: true });
		delete process.env.DATA_DIR;
		resetConfig();
	});
}
