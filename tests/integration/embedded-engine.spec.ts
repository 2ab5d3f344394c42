import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { organisations } from '../../src/lib/server/db/schema';
import { seedDatabase } from '../../src/lib/server/db/seed';
import { MIGRATIONS } from './databases';

const run = promisify(execFile);
const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'oho-pglite-'));
	dirs.push(dir);
	return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `npm run db:migrate` as a separate process, the way an operator would. */
async function migrateCli(env: Record<string, string>) {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, LOG_LEVEL: 'silent' };
	delete childEnv.DATABASE_URL;
	try {
		const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/db-migrate.ts'], {
			env: childEnv
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe('the embedded engine', () => {
	it('keeps its data in DATA_DIR across restarts', async () => {
		const dataDir = tempDir();
		const first = await openDatabase({ engine: 'pglite', dataDir });
		await migrateDatabase(first, MIGRATIONS);
		await seedDatabase(first.db);
		await first.close();

		const second = await openDatabase({ engine: 'pglite', dataDir });
		try {
			const rows = await second.db.select().from(organisations);
			expect(rows.map((row) => row.slug)).toContain('vng');
		} finally {
			await second.close();
		}
	});

	// Two command-line processes, each starting the embedded engine: slow on a busy two-core machine.
	it(
		'serves one process: a second process on the same folder stops with a clear message',
		{
			timeout: 120_000
		},
		async () => {
			const dataDir = tempDir();
			const holder = await openDatabase({ engine: 'pglite', dataDir });
			try {
				const refused = await migrateCli({ DATA_DIR: dataDir });
				expect(refused.code).toBe(1);
				expect(refused.stderr).toContain(`already in use by process ${process.pid}`);
				expect(refused.stderr).toContain('DATABASE_URL');
			} finally {
				await holder.close();
			}
			// Once the first process let go, the folder is free again.
			const allowed = await migrateCli({ DATA_DIR: dataDir });
			expect(allowed.stderr).toBe('');
			expect(allowed.code).toBe(0);
			expect(allowed.stdout).toMatch(/Migrated .* \(pglite\): (\d+)\/\1 migrations applied/);
		}
	);

	it('takes over a lock left behind by a process that died', async () => {
		const dataDir = tempDir();
		const { writeFileSync } = await import('node:fs');
		// PIDs are at most 2^22 on Linux; this one cannot be running.
		writeFileSync(join(dataDir, 'overhedenoverleg.lock'), '99999999');
		const handle = await openDatabase({ engine: 'pglite', dataDir });
		await handle.close();
	});

	it('a wrong setting stops a command with a message naming the variable', async () => {
		const result = await migrateCli({ DATA_DIR: tempDir(), PORT: 'abc' });
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/PORT="abc": expected a port number/);
	});
});
