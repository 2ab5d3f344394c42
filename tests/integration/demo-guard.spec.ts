import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/lib/server/config';
import { closeDatabase } from '../../src/lib/server/db';
import { accountsWithDemoPassword } from '../../src/lib/server/db/seed';
import { demoPeople } from '../../src/lib/server/db/seed-data';
import { DemoPasswordInProductionError, prepareDatabase } from '../../src/lib/server/startup';

const dataDir = mkdtempSync(join(tmpdir(), 'oho-demo-guard-'));
const saved = {
	DATA_DIR: process.env.DATA_DIR,
	DEMO: process.env.DEMO,
	DATABASE_URL: process.env.DATABASE_URL
};

afterAll(async () => {
	await closeDatabase();
	rmSync(dataDir, { recursive: true, force: true });
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	resetConfig();
});

describe('demo accounts', () => {
	it('are created in demo mode, one for every role at every party and the secretariat', async () => {
		delete process.env.DATABASE_URL; // the embedded engine, in a folder of this test
		process.env.DATA_DIR = dataDir;
		process.env.DEMO = 'true';
		resetConfig();
		const handle = await prepareDatabase();
		expect(handle.engine).toBe('pglite');
		const withDemoPassword = await accountsWithDemoPassword(handle.db);
		expect(withDemoPassword.sort()).toEqual(demoPeople.map((p) => p.email).sort());
		const roles = new Set(demoPeople.map((p) => `${p.organisation}:${p.role}`));
		for (const party of ['bzk', 'vng', 'ipo', 'uvw']) {
			expect(roles.has(`${party}:medewerker`)).toBe(true);
		}
		expect(roles.has('secretariaat:secretariaat')).toBe(true);
		expect(roles.has('secretariaat:beheerder')).toBe(true);
		await closeDatabase();
	});

	it('stop a start outside demo mode while they still have the demo password', async () => {
		process.env.DEMO = 'false';
		resetConfig();
		const caught = await prepareDatabase().then(
			() => null,
			(error: unknown) => error
		);
		expect(caught).toBeInstanceOf(DemoPasswordInProductionError);
		expect((caught as Error).message).toMatch(/demo password/);
	});
});
